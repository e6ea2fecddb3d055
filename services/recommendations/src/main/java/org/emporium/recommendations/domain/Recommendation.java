package org.emporium.recommendations.domain;

/**
 * One recommended item with what the response shows of it.
 *
 * @param available units available, or null when inventory never said
 * @param score     0 to 1, relative to the first item of the answer
 */
public record Recommendation(Product product, Integer available, float score, Reason reason) {
}
