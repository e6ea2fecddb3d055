package org.emporium.identity.account;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.emporium.identity.throttle.SignupThrottle;
import org.emporium.identity.throttle.SignupThrottledException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

@Service
public class AccountService {

    public static final int NAME_MAX = 200;

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final SignupThrottle throttle;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final PasswordPolicy policy = PasswordPolicy.withEmbeddedList();

    public AccountService(AccountRepository accounts, PasswordEncoder encoder, SignupThrottle throttle,
                          TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.throttle = throttle;
        this.transactions = transactions;
        this.events = events;
    }

    /**
     * Takes a customer's sign-up from {@code clientIp}. It tells the caller nothing about whether the email
     * already had an account, and does the same work either way (the password is hashed in both cases, so
     * the answer's timing does not tell either): a new account is created, an existing one is left alone,
     * and {@link SignupAttempted} (after the commit) has the mail say which it was.
     *
     * @throws InvalidFieldException naming every invalid field (not counted by the throttle)
     * @throws SignupThrottledException when the client IP or the email is over its limit
     */
    public void register(String rawEmail, String password, String name, String clientIp) {
        String email = validated(rawEmail, password, name);
        var wait = throttle.attempt(email, clientIp);
        if (!wait.isZero()) {
            throw new SignupThrottledException(wait);
        }
        Account account = account(email, password, name, List.of(Account.CUSTOMER));
        transactions.executeWithoutResult(status ->
                events.publishEvent(new SignupAttempted(email, accounts.insertIfAbsent(account))));
    }

    /** Creates an account unless the email is taken; returns whether it did. */
    boolean create(String email, String password, String name, List<String> roles) {
        return accounts.insertIfAbsent(account(email, password, name, roles));
    }

    private Account account(String email, String password, String name, List<String> roles) {
        return new Account(UUID.randomUUID(), email, name, encoder.encode(password), roles, Instant.now());
    }

    /** The normalised email, or every invalid field. */
    private String validated(String rawEmail, String password, String name) {
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
        return email.orElseThrow();
    }
}
