package org.emporium.identity.account;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

@Service
public class AccountService {

    public static final int NAME_MAX = 200;

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy = PasswordPolicy.withEmbeddedList();

    public AccountService(AccountRepository accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
    }

    /**
     * Registers a customer.
     *
     * @throws InvalidFieldException naming every invalid field
     * @throws DuplicateEmailException when the email (in any case) is taken
     */
    public Account register(String rawEmail, String password, String name) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<String> email = EmailAddress.normalise(rawEmail);
        if (rawEmail == null || rawEmail.isBlank()) {
            errors.put("email", "is required");
        } else if (email.isEmpty()) {
            errors.put("email", "is not a valid email address");
        }
        policy.check(password, email.orElse(rawEmail)).ifPresent(why -> errors.put("password", why));
        if (name == null || name.isBlank()) {
            errors.put("name", "is required");
        } else if (name.codePointCount(0, name.length()) > NAME_MAX) {
            errors.put("name", "must be at most " + NAME_MAX + " characters");
        } else if (name.chars().anyMatch(c -> Character.isISOControl(c))) {
            errors.put("name", "must not contain control characters");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return create(email.orElseThrow(), password, name, List.of(Account.CUSTOMER));
    }

    Account create(String email, String password, String name, List<String> roles) {
        Account account = new Account(UUID.randomUUID(), email, name, encoder.encode(password), roles, Instant.now());
        try {
            accounts.insert(account);
        } catch (DuplicateKeyException e) {
            throw new DuplicateEmailException();
        }
        return account;
    }
}
