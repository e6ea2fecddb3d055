package org.emporium.platform.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequiredSettingsTest {

    @Test
    void namesEveryRequiredSettingThatIsUnsetOrBlankAndNoOther() {
        Map<String, String> environment = Map.of(RequiredSettings.LIST, "EMPORIUM_A, EMPORIUM_B,EMPORIUM_C,",
                "EMPORIUM_A", "x", "EMPORIUM_C", "  ");

        assertThat(RequiredSettings.missing(environment)).containsExactly("EMPORIUM_B", "EMPORIUM_C");
    }

    @Test
    void nothingIsRequiredWithoutAList() {
        assertThat(RequiredSettings.missing(Map.of("EMPORIUM_A", ""))).isEmpty();
    }

    @Test
    void theLineNamesTheSettingsAndNoValue() {
        assertThat(RequiredSettings.message(List.of("EMPORIUM_CATALOG_DB_URL")))
                .isEqualTo("cannot start: the setting it needs is not set: EMPORIUM_CATALOG_DB_URL (ConfigMap or Secret of the deployment)");
        assertThat(RequiredSettings.message(List.of("A", "B"))).startsWith("cannot start: 2 settings it needs are not set: A, B");
    }
}
