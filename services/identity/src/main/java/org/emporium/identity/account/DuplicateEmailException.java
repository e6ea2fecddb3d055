package org.emporium.identity.account;

public class DuplicateEmailException extends RuntimeException {

    public DuplicateEmailException() {
        super("an account with this email already exists");
    }
}
