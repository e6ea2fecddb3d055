package org.emporium.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Where a browser without a session goes from the authorization endpoint: the login page, or the
 * sign-up page when the client asked for registration with {@code prompt=create} (OpenID Connect
 * "Initiating User Registration via OpenID Connect 1.0"). Either way the authorization request was
 * saved in the session first (by Spring Security's {@code ExceptionTranslationFilter}); a sign-up
 * that creates the account signs the shopper in and resumes the saved request ({@link SignupSignIn}),
 * as the login's success handler does, and it ends at the client's redirect URI with a code.
 */
public final class PromptAwareEntryPoint implements AuthenticationEntryPoint {

    private final AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
    private final AuthenticationEntryPoint signup = new LoginUrlAuthenticationEntryPoint("/signup");

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, jakarta.servlet.ServletException {
        (asksToCreate(request.getParameter("prompt")) ? signup : login).commence(request, response, e);
    }

    /** {@code prompt} is a space-separated list; "create" anywhere in it asks for registration. */
    static boolean asksToCreate(String prompt) {
        return prompt != null && Arrays.asList(prompt.strip().split("\\s+")).contains("create");
    }
}
