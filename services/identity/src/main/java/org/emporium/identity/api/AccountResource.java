package org.emporium.identity.api;

import jakarta.servlet.http.HttpServletRequest;
import org.emporium.identity.account.AccountService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The account API, under /api/identity so the gateway can route it. */
@RestController
@RequestMapping("/api/identity")
public class AccountResource {

    public record Registration(String email, String password, String name) {
    }

    /**
     * The answer to every valid sign-up, whether it created an account or the email already had one: an
     * answer that differed (an id, a 409) would tell anyone which emails have accounts. The mail tells.
     */
    public record Accepted(String status, String detail) {
        static final Accepted CHECK_YOUR_EMAIL = new Accepted("accepted", "check your email");
    }

    private final AccountService accounts;

    public AccountResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping(path = "/accounts", consumes = "application/json", produces = "application/json")
    public ResponseEntity<Accepted> register(@RequestBody Registration body, HttpServletRequest request) {
        accounts.register(body.email(), body.password(), body.name(), request.getRemoteAddr());
        return ResponseEntity.accepted().body(Accepted.CHECK_YOUR_EMAIL);
    }
}
