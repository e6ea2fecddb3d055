package org.emporium.identity.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.emporium.identity.account.Account;
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

    /** An account as the outside sees it: never the password hash. */
    public record AccountView(UUID id, String email, String name, List<String> roles) {
        static AccountView of(Account a) {
            return new AccountView(a.id(), a.email(), a.name(), a.roles());
        }
    }

    private final AccountService accounts;

    public AccountResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping(path = "/accounts", consumes = "application/json", produces = "application/json")
    public ResponseEntity<AccountView> register(@RequestBody Registration body) {
        Account account = accounts.register(body.email(), body.password(), body.name());
        return ResponseEntity.created(URI.create("/api/identity/accounts/" + account.id())).body(AccountView.of(account));
    }
}
