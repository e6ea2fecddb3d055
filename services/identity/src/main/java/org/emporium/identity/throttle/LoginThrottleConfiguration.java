package org.emporium.identity.throttle;

import java.time.Clock;
import org.emporium.identity.IdentityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The login and sign-up throttles, shared by every instance through the database; scheduling for their clean-up. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class LoginThrottleConfiguration {

    @Bean
    JdbcLoginThrottle loginThrottle(IdentityProperties properties, JdbcClient jdbc) {
        return new JdbcLoginThrottle(properties.throttle(), jdbc, Clock.systemUTC());
    }

    @Bean
    SignupThrottle signupThrottle(IdentityProperties properties, JdbcClient jdbc) {
        return new SignupThrottle(properties.signupThrottle(), jdbc, Clock.systemUTC());
    }
}
