package org.emporium.identity.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.emporium.identity.account.Account;
import org.emporium.identity.account.AccountRepository;
import org.emporium.identity.account.AccountService;
import org.emporium.identity.account.InvalidFieldException;
import org.emporium.identity.throttle.SignupThrottledException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** The server-rendered pages: login, sign-up, logout and a plain "signed in" page, all in the shop's look. */
@Controller
public class PageController {

    private final AccountService accounts;
    private final AccountRepository accountRepository;
    private final SignupSignIn signIn;

    public PageController(AccountService accounts, AccountRepository accountRepository, SignupSignIn signIn) {
        this.accounts = accounts;
        this.accountRepository = accountRepository;
        this.signIn = signIn;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String throttled,
                 @RequestParam(required = false) String logout, @RequestParam(required = false) String registered,
                 Model model) {
        if (throttled != null) {
            long seconds = parseSeconds(throttled);
            model.addAttribute("error", "Too many attempts; try again in " + seconds + " seconds");
        } else if (error != null) {
            model.addAttribute("error", "Invalid email or password");
        }
        if (logout != null) {
            model.addAttribute("info", "You have been signed out");
        } else if (registered != null) {
            // a sign-up that did not sign in: an existing email with another password, or rarely a new account
            // whose sign-in had to wait (login throttle, too many hashes at once); the mail says which
            model.addAttribute("info", "Thanks. Check your email: it says what to do next, "
                    + "and you can sign in once you have an account.");
        }
        return "login";
    }

    @GetMapping("/signup")
    String signupForm(Model model) {
        model.addAttribute("email", "");
        model.addAttribute("name", "");
        return "signup";
    }

    /**
     * A valid sign-up whose email and password are an account's (the account it has just created, or an
     * existing one whose owner typed its password) is signed in at once and sent on to where the shopper
     * was: the saved authorization request, else the home page ({@link SignupSignIn}). Any other valid
     * sign-up (an existing email with another password) is sent to the login page, as before: the mail to
     * the address says what happened. Both are a 303, so the browser follows with a GET (ADR 0022). Invalid
     * fields: the form again with them named (400). Over a limit: the form again with the wait (429 and
     * Retry-After).
     */
    @PostMapping("/signup")
    ModelAndView signup(@RequestParam(required = false) String email, @RequestParam(required = false) String password,
                        @RequestParam(required = false) String name, HttpServletRequest request,
                        HttpServletResponse response) throws IOException, ServletException {
        Map<String, Object> model = new HashMap<>();
        model.put("email", email == null ? "" : email);
        model.put("name", name == null ? "" : name);
        try {
            accounts.register(email, password, name, request.getRemoteAddr());
        } catch (InvalidFieldException e) {
            model.put("errors", e.errors());
            return new ModelAndView("signup", model, HttpStatus.BAD_REQUEST);
        } catch (SignupThrottledException e) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.seconds()));
            model.put("throttled", e.message());
            return new ModelAndView("signup", model, HttpStatus.TOO_MANY_REQUESTS);
        }
        if (signIn.signIn(email, password, request, response)) {
            return null; // answered: 303 to the saved request or the home page
        }
        RedirectView login = new RedirectView("/login?registered", true);
        login.setStatusCode(HttpStatus.SEE_OTHER);
        login.setExposeModelAttributes(false);
        return new ModelAndView(login);
    }

    @GetMapping("/logout")
    String logoutForm() {
        return "logout";
    }

    /** Where a sign-in without a saved request ends: who is signed in, and the way back to the shop. */
    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        model.addAttribute("email", signedInEmail(authentication));
        return "home";
    }

    /** The signed-in account's email; empty if the principal is no account (it always is one). */
    private String signedInEmail(Authentication authentication) {
        try {
            return accountRepository.findById(UUID.fromString(authentication.getName())).map(Account::email).orElse("");
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static long parseSeconds(String value) {
        try {
            long seconds = Long.parseLong(value);
            return Math.min(Math.max(seconds, 1), 24 * 3600);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
