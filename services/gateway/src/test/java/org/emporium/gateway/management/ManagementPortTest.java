package org.emporium.gateway.management;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class ManagementPortTest {

    @Test
    void theActuatorListensAThousandAboveTheGatewaysPort() {
        assertThat(managementPort(new MockEnvironment().withProperty("server.port", "8080"))).isEqualTo("9080");
        assertThat(managementPort(new MockEnvironment().withProperty("server.port", "18080"))).isEqualTo("19080");
        assertThat(managementPort(new MockEnvironment())).isEqualTo("9080");
    }

    @Test
    void aRandomServerPortGetsARandomManagementPort() {
        assertThat(managementPort(new MockEnvironment().withProperty("server.port", "0"))).isEqualTo("0");
    }

    @Test
    void theVariableOrAnExplicitSettingWins() {
        assertThat(managementPort(new MockEnvironment().withProperty("server.port", "8080")
                .withProperty("EMPORIUM_GATEWAY_MANAGEMENT_PORT", "7070"))).isEqualTo("7070");
        assertThat(managementPort(new MockEnvironment().withProperty("server.port", "8080")
                .withProperty("management.server.port", "8080"))).isEqualTo("8080");
    }

    private static String managementPort(MockEnvironment environment) {
        new ManagementPort().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("management.server.port");
    }
}
