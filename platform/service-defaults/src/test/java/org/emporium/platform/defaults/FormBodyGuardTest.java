package org.emporium.platform.defaults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormBodyGuardTest {

    private static List<Map.Entry<String, String>> decoded(String body) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        assertNull(FormBodyGuard.decode(body, StandardCharsets.UTF_8, 2048, fields));
        return fields;
    }

    @Test
    void decodesFieldsInOrderWithPlusAsSpaceRepeatsAndEmptyValues() {
        assertEquals(List.of(Map.entry("name", "Ada Lovelace"), Map.entry("line1", "Hauptstraße 5"),
                        Map.entry("tag", "a"), Map.entry("tag", "b"), Map.entry("line2", ""), Map.entry("flag", ""),
                        Map.entry("note", "two\r\nlines")),
                decoded("name=Ada+Lovelace&line1=Hauptstra%C3%9Fe%205&tag=a&tag=b&line2=&flag&&note=two%0D%0Alines"));
    }

    @Test
    void readsTheCharsetTheContentTypeNames() {
        assertEquals(StandardCharsets.ISO_8859_1,
                FormBodyGuard.charset("application/x-www-form-urlencoded; charset=ISO-8859-1"));
        assertEquals(StandardCharsets.UTF_8, FormBodyGuard.charset("application/x-www-form-urlencoded"));
        assertNull(FormBodyGuard.charset("application/x-www-form-urlencoded; charset=no-such-charset"));
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        assertNull(FormBodyGuard.decode("line1=Hauptstra%DFe", StandardCharsets.ISO_8859_1, 2048, fields));
        assertEquals(List.of(Map.entry("line1", "Hauptstraße")), fields);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a=%zz|400", "a=1%|400", "a=%4|400", "%zz=1|400", "sku=A%00|400", "a%01=1|400", "a=%7F|400"})
    void refusesWhatCannotBeTaken(String body, int status) {
        FormBodyGuard.Refusal refusal = FormBodyGuard.decode(body, StandardCharsets.UTF_8, 2048, new ArrayList<>());

        assertEquals(status, refusal.status(), refusal.detail());
    }

    @Test
    void aFieldOverTheLimitIsA413() {
        assertEquals(413, FormBodyGuard.decode("sku=" + "A".repeat(11), StandardCharsets.UTF_8, 10,
                new ArrayList<>()).status());
        assertNull(FormBodyGuard.decode("sku=" + "A".repeat(10), StandardCharsets.UTF_8, 10, new ArrayList<>()));
    }
}
