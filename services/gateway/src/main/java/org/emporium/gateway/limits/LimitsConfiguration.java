package org.emporium.gateway.limits;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

    @Bean
    RequestSizeLimit requestSizeLimit(@Value("${emporium.gateway.max-request-size}") DataSize max) {
        return new RequestSizeLimit(max);
    }
}
