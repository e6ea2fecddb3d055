package org.emporium.recommendations.domain;

import java.util.List;

/**
 * An answer: the subject (a SKU or a shopper id), the items best first, and the number of events
 * the model had applied when it answered.
 */
public record Recommendations(String subject, List<Recommendation> items, long modelVersion) {
}
