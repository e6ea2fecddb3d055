package org.emporium.identity;

import org.emporium.identity.api.Problems;
import org.emporium.identity.oauth.IdempotentRefresh;
import org.emporium.identity.throttle.LoginThrottle;
import org.emporium.identity.throttle.LoginThrottleFilter;
import org.emporium.identity.throttle.ThrottlingLoginHandlers;
import org.emporium.identity.web.PromptAwareEntryPoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Two filter chains: the authorization server's protocol endpoints (/oauth2/**, /userinfo,
 * /connect/logout, discovery), then everything else (login, sign-up, logout, the account API,
 * actuator). Both send the same security headers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * No inline script or style anywhere. No {@code form-action}: browsers apply it to the redirects
     * after a form post, and the login form's post ends in a redirect to a client's redirect URI.
     */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, IdempotentRefresh idempotentRefresh) throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, s -> s.oidc(Customizer.withDefaults())
                        // a just-rotated refresh token is answered again for a few seconds (several storefronts)
                        .tokenEndpoint(t -> t.authenticationProviders(p -> p.replaceAll(idempotentRefresh::around))))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                // a browser without a session is sent to the login page (or, with prompt=create, to the
                // sign-up page); it comes back here afterwards, from the saved request
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new PromptAwareEntryPoint(), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                // /userinfo takes the access token
                .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()));
        headers(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain application(HttpSecurity http, LoginThrottle throttle) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/signup", "/css/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/identity/accounts").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                                "/actuator/info").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login")
                        .successHandler(ThrottlingLoginHandlers.success(throttle))
                        .failureHandler(ThrottlingLoginHandlers.failure(throttle)))
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                // the JSON API authenticates by bearer token (when it grows endpoints that need one), never by cookie
                .csrf(c -> c.ignoringRequestMatchers(pathPattern("/api/**")))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(Problems.unauthorized(), pathPattern("/api/**"))
                        .defaultAccessDeniedHandlerFor(Problems.forbidden(), pathPattern("/api/**")))
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        headers(http);
        return http.build();
    }

    private static void headers(HttpSecurity http) throws Exception {
        http.headers(h -> h
                .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                .frameOptions(f -> f.deny()));
    }
}
