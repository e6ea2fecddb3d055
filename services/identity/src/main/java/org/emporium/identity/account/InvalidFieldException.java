package org.emporium.identity.account;

import java.util.Map;

/** One or more fields of a request are invalid; field name → why. */
public class InvalidFieldException extends RuntimeException {

    private final Map<String, String> errors;

    public InvalidFieldException(Map<String, String> errors) {
        super("invalid fields: " + errors.keySet());
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
