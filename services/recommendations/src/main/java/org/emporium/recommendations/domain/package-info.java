/**
 * The model, in plain Java: item-to-item co-occurrence with forward time decay, shopper profiles,
 * popularity, carts and stock, and the scoring that answers from them. No framework types.
 */
package org.emporium.recommendations.domain;
