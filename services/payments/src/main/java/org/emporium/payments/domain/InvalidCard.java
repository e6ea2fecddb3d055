package org.emporium.payments.domain;

/** Card details that cannot be right; names the field. The message never repeats the value. */
public final class InvalidCard extends RuntimeException {

    private final String field;

    public InvalidCard(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
