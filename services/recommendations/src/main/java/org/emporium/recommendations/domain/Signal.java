package org.emporium.recommendations.domain;

/** The kinds of interaction, weakest first; the ordinal orders them. */
public enum Signal {
    VIEW, CART, ORDER;

    private static final Signal[] ALL = values();

    static Signal of(int ordinal) {
        return ALL[ordinal];
    }
}
