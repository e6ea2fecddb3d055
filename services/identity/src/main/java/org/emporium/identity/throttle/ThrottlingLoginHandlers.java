package org.emporium.identity.throttle;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/** Form-login outcomes feed the throttle: a failure counts, a success clears the email's count. */
public final class ThrottlingLoginHandlers {

    private ThrottlingLoginHandlers() {
    }

    public static AuthenticationFailureHandler failure(LoginThrottle throttle) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            throttle.failed(request.getParameter("username"), request.getRemoteAddr());
            response.sendRedirect(request.getContextPath() + "/login?error");
        };
    }

    public static AuthenticationSuccessHandler success(LoginThrottle throttle) {
        SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
        return new AuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) throws IOException, ServletException {
                throttle.succeeded(request.getParameter("username"));
                next.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }
}
