package org.emporium.identity.web;

import org.emporium.identity.account.AccountService;
import org.emporium.identity.account.DuplicateEmailException;
import org.emporium.identity.account.InvalidFieldException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import jakarta.servlet.http.HttpServletResponse;

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
            model.addAttribute("info", "Your account is ready; please sign in");
        }
        return "login";
    }

    @GetMapping("/signup")
    String signupForm(Model model) {
        model.addAttribute("email", "");
        model.addAttribute("name", "");
        return "signup";
    }

    @PostMapping("/signup")
    String signup(@RequestParam(required = false) String email, @RequestParam(required = false) String password,
                  @RequestParam(required = false) String name, Model model, HttpServletResponse response) {
        try {
            accounts.register(email, password, name);
            return "redirect:/login?registered";
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", e.errors());
        } catch (DuplicateEmailException e) {
            model.addAttribute("errors", java.util.Map.of("email", "already has an account; sign in instead"));
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("email", email == null ? "" : email);
        model.addAttribute("name", name == null ? "" : name);
        return "signup";
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
