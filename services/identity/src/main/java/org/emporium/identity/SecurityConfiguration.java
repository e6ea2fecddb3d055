package org.emporium.identity;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;
import org.emporium.identity.account.Account;
import org.emporium.identity.api.Problems;
import org.emporium.identity.oauth.IdempotentRefresh;
import org.emporium.identity.oauth.TokenClaims;
import org.emporium.identity.throttle.LoginThrottle;
import org.emporium.identity.throttle.LoginThrottleFilter;
import org.emporium.identity.throttle.ThrottlingLoginHandlers;
import org.emporium.identity.web.PromptAwareEntryPoint;
import org.emporium.identity.web.SignupSignIn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Three filter chains: the authorization server's protocol endpoints (/oauth2/**, /userinfo,
 * /connect/logout, discovery), the JSON API (/api/**, bearer tokens), then everything else (login,
 * sign-up, logout, actuator). All send the same security headers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * No inline script or style anywhere. No {@code form-action}: browsers apply it to the redirects
     * after a form post, and the login form's post ends in a redirect to a client's redirect URI.
     */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    /**
     * Where the browser's sign-in is kept (Spring Security's default, named so the sign-up page's sign-in
     * saves it in the same place): the request, then the session.
     */
    private final SecurityContextRepository securityContexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

    /** The CSRF tokens of the pages' forms, in the session (Spring Security's default, named for the same reason). */
    private final CsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();

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

    /**
     * The JSON API: bearer access tokens only, never the login session's cookie (so no CSRF either), and
     * no session. A token must be identity's own (issuer), for the shop's API (audience) and unexpired,
     * verified with the published keys (retired ones included); its {@code roles} claim gives the
     * authorities, as in the gateway ({@code ROLE_admin}, {@code ROLE_service}, {@code ROLE_customer}).
     * Registration is open; rotating the signing keys takes an admin or the services client.
     */
    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, JWKSource<SecurityContext> keys, IdentityProperties properties) throws Exception {
        http.securityMatcher(pathPattern("/api/**"))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/identity/accounts").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/signing-keys/rotation")
                        .hasAnyRole(Account.ADMIN, TokenClaims.SERVICE_ROLE)
                        .anyRequest().authenticated())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.decoder(apiTokens(keys, properties)).jwtAuthenticationConverter(roles()))
                        .authenticationEntryPoint(Problems.unauthorized())
                        .accessDeniedHandler(Problems.forbidden()))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(Problems.unauthorized())
                        .accessDeniedHandler(Problems.forbidden()));
        headers(http);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain application(HttpSecurity http, LoginThrottle throttle) throws Exception {
        http.securityContext(s -> s.securityContextRepository(securityContexts))
                .csrf(c -> c.csrfTokenRepository(csrfTokens))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/signup", "/css/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                                "/actuator/info").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login")
                        .successHandler(ThrottlingLoginHandlers.success(throttle))
                        .failureHandler(ThrottlingLoginHandlers.failure(throttle)))
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        headers(http);
        return http.build();
    }

    /**
     * A sign-up page that created an account (or was given an existing account's password) signs the browser
     * in as the login form does: its authentication manager, the same session strategy as the form login's
     * defaults (a new session id, then a new CSRF token) and the same security context repository.
     */
    @Bean
    SignupSignIn signupSignIn(AuthenticationConfiguration authentication, LoginThrottle throttle) throws Exception {
        SessionAuthenticationStrategy session = new CompositeSessionAuthenticationStrategy(List.of(
                new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(csrfTokens)));
        return new SignupSignIn(authentication.getAuthenticationManager(), session, securityContexts, throttle);
    }

    /** Access tokens for the API; the authorization server's own JwtDecoder (for /userinfo) checks signatures and times only. */
    private static JwtDecoder apiTokens(JWKSource<SecurityContext> keys, IdentityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
                new JwtIssuerValidator(properties.issuer()), new JwtAudienceValidator(properties.audience())));
        return decoder;
    }

    private static JwtAuthenticationConverter roles() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    private static void headers(HttpSecurity http) throws Exception {
        http.headers(h -> h
                .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                .frameOptions(f -> f.deny()));
    }
}
