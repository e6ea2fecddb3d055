package org.emporium.identity.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.emporium.identity.throttle.LoginThrottle;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Signs the browser in straight from the sign-up page when the email and password typed there are an
 * account's: the account the sign-up has just created, or an existing one whose owner typed its password
 * (ADR 0022). It does what the login form does after its post, with the same pieces
 * ({@code SecurityConfiguration} gives both the same ones):
 * <ul>
 *   <li>the login throttle first: while the email or the client IP must wait, no password is checked and
 *       nobody is signed in; a wrong password counts as a failed sign-in, a right one clears the email's
 *       count;</li>
 *   <li>the authentication manager of the login form (the account by email, its Argon2id hash checked);</li>
 *   <li>the session: a new id against fixation, a new CSRF token;</li>
 *   <li>the security context saved in the session;</li>
 *   <li>then back to where the shopper was: the saved request (the authorization request a client began,
 *       e.g. with {@code prompt=create}), which ends at the client's redirect URI with a code; with none,
 *       identity's home page. A {@code 303}, as every answer of the sign-up post.</li>
 * </ul>
 */
public final class SignupSignIn {

    private final AuthenticationManager authentication;
    private final SessionAuthenticationStrategy session;
    private final SecurityContextRepository contexts;
    private final LoginThrottle throttle;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();
    private final SavedRequestAwareAuthenticationSuccessHandler resume = new SavedRequestAwareAuthenticationSuccessHandler();

    public SignupSignIn(AuthenticationManager authentication, SessionAuthenticationStrategy session,
                        SecurityContextRepository contexts, LoginThrottle throttle) {
        this.authentication = authentication;
        this.session = session;
        this.contexts = contexts;
        this.throttle = throttle;
        DefaultRedirectStrategy seeOther = new DefaultRedirectStrategy();
        seeOther.setStatusCode(HttpStatus.SEE_OTHER);
        resume.setRedirectStrategy(seeOther);
        resume.setDefaultTargetUrl("/");
    }

    /**
     * Signs in with what the sign-up form held (already validated and registered) and answers with the
     * redirect onwards; returns false, having answered nothing, when that is not an account's email and
     * password (or the login throttle says wait, or the password could not be checked now).
     */
    public boolean signIn(String email, String password, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String clientIp = request.getRemoteAddr();
        if (!throttle.waitBefore(email, clientIp).isZero()) {
            return false;
        }
        Authentication signedIn;
        try {
            UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(email, password);
            attempt.setDetails(details.buildDetails(request));
            signedIn = authentication.authenticate(attempt);
        } catch (BadCredentialsException e) {
            throttle.failed(email, clientIp);
            return false;
        } catch (AuthenticationException e) {
            // too many passwords being checked at once: the account is there, and the login page works later
            return false;
        }
        session.onAuthentication(signedIn, request, response);
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(signedIn);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
        throttle.succeeded(email);
        resume.onAuthenticationSuccess(request, response, signedIn);
        return true;
    }
}
