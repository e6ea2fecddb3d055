package org.emporium.storefront.web.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributeRowTest {

    @Test
    void keysBecomeReadableLabels() {
        assertThat(AttributeRow.label("color")).isEqualTo("Color");
        assertThat(AttributeRow.label("batteryLife")).isEqualTo("Battery life");
        assertThat(AttributeRow.label("screen_size")).isEqualTo("Screen size");
        assertThat(AttributeRow.label("noise-cancelling")).isEqualTo("Noise cancelling");
    }

    @Test
    void valuesOfAnyJsonTypeAreShownAsText() {
        assertThat(AttributeRow.display(true)).isEqualTo("Yes");
        assertThat(AttributeRow.display(false)).isEqualTo("No");
        assertThat(AttributeRow.display(42)).isEqualTo("42");
        assertThat(AttributeRow.display(List.of("USB-C", "Bluetooth"))).isEqualTo("USB-C, Bluetooth");
    }

    @Test
    void rowsKeepTheCatalogsOrderAndSkipEmptyValues() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("weight", "250 g");
        attributes.put("color", "black");
        attributes.put("missing", null);
        assertThat(AttributeRow.from(attributes)).containsExactly(
                new AttributeRow("Weight", "250 g"), new AttributeRow("Color", "black"));
    }
}
