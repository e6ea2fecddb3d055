package org.emporium.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads them, request parameters that cannot be taken: a query or form
 * that Tomcat cannot decode ({@code /login?error=%G1%}) and a parameter holding a control character
 * ({@code /oauth2/authorize?client_id=%00}, {@code code=%00} at the token endpoint). Both were 500s:
 * Tomcat's decoding error surfaced wherever a parameter was first read, and a NUL reached Postgres,
 * which refuses it in a text value (issue 19). The answer is a 400, as problem+json or a short HTML
 * page for a browser. Runs first, after the fault injection only.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class UnreadableRequestGuard extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String problem;
        try {
            problem = controlCharacterIn(request.getParameterMap());
        } catch (IllegalStateException | IllegalArgumentException e) {
            // Tomcat's InvalidParameterException (an IllegalStateException) for a bad %-escape
            problem = "the request's parameters are not validly encoded";
        }
        if (problem == null) {
            chain.doFilter(request, response);
        } else {
            refuse(request, response, problem);
        }
    }

    /** What is wrong, or null: the first parameter whose name or a value holds a control character. */
    static String controlCharacterIn(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (hasControl(parameter.getKey())) {
                return "a parameter's name holds a control character";
            }
            for (String value : parameter.getValue()) {
                if (value != null && hasControl(value)) {
                    return "parameter '" + parameter.getKey() + "' holds a control character";
                }
            }
        }
        return null;
    }

    /** A control character other than tab, CR and LF. */
    static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
    }

    static void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        String accept = request.getHeader("Accept");
        boolean html = accept != null && accept.contains("text/html");
        String safe = detail.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
        String body = html
                ? "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Bad request</title></head><body>"
                        + "<h1>Bad request</h1><p>This request could not be read: " + safe + ".</p>"
                        + "<p><a href=\"/login\">Sign in</a></p></body></html>"
                : "{\"type\":\"about:blank\",\"title\":\"Bad request\",\"status\":400,\"detail\":\""
                        + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"instance\":\""
                        + request.getRequestURI().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        response.setStatus(400);
        response.setContentType(html ? "text/html;charset=UTF-8" : "application/problem+json");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
