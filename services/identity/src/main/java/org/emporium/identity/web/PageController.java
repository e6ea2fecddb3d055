package org.emporium.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
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

/** The server-rendered pages: login, sign-up, logout and a plain "signed in" page. */
@Controller
public class PageController {

    private final AccountService accounts;

    public PageController(AccountService accounts) {
        this.accounts = accounts;
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
            // true whether the sign-up created an account or the email already had one: the mail says which
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
     * A valid sign-up is always sent to the login page, whether it created an account or the email already
     * had one (the mail says which); 303, so the browser follows with a GET. Invalid fields: the form again
     * with them named (400). Over a limit: the form again with the wait (429 and Retry-After).
     */
    @PostMapping("/signup")
    ModelAndView signup(@RequestParam(required = false) String email, @RequestParam(required = false) String password,
                        @RequestParam(required = false) String name, HttpServletRequest request,
                        HttpServletResponse response) {
        Map<String, Object> model = new HashMap<>();
        model.put("email", email == null ? "" : email);
        model.put("name", name == null ? "" : name);
        try {
            accounts.register(email, password, name, request.getRemoteAddr());
            RedirectView login = new RedirectView("/login?registered", true);
            login.setStatusCode(HttpStatus.SEE_OTHER);
            login.setExposeModelAttributes(false);
            return new ModelAndView(login);
        } catch (InvalidFieldException e) {
            model.put("errors", e.errors());
            return new ModelAndView("signup", model, HttpStatus.BAD_REQUEST);
        } catch (SignupThrottledException e) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.seconds()));
            model.put("throttled", e.message());
            return new ModelAndView("signup", model, HttpStatus.TOO_MANY_REQUESTS);
        }
    }

    @GetMapping("/logout")
    String logoutForm() {
        return "logout";
    }

    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        return "home";
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
