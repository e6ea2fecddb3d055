package org.emporium.platform.defaults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    record Address(String city, String country) {
    }

    record Line(String sku, int quantity) {
    }

    record Body(String brand, int quantity, boolean active, BigDecimal amount, Address address, List<Line> lines) {
    }

    private final ObjectMapper json = StrictJson.apply(new ObjectMapper());

    @Test
    void readsAWellTypedBodyWithAmountsAsText() throws Exception {
        Body body = json.readValue("""
                {"brand":"Acme","quantity":2,"active":true,"amount":"12.50","address":{"city":"Oslo","country":"NO"},
                 "lines":[{"sku":"A-1","quantity":1}]}""", Body.class);

        assertEquals("Acme", body.brand());
        assertEquals(new BigDecimal("12.50"), body.amount());
        assertEquals(List.of(new Line("A-1", 1)), body.lines());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"brand\":\"a\",\"brand\":\"b\"}|brand",
            "{\"address\":{\"city\":\"a\",\"city\":\"b\"}}|address.city",
            "{\"lines\":[{\"sku\":\"a\"},{\"sku\":\"a\",\"sku\":\"b\"}]}|lines[1].sku"})
    void aKeyGivenTwiceIsRefusedNamingItsPath(String body, String path) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> json.readValue(body, Body.class));

        assertEquals(path, ProblemMappers.duplicateKey(e));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"brand\":123}|brand",
            "{\"brand\":1e308}|brand",
            "{\"brand\":true}|brand",
            "{\"quantity\":\"2\"}|quantity",
            "{\"quantity\":2.5}|quantity",
            "{\"quantity\":true}|quantity",
            "{\"active\":\"true\"}|active",
            "{\"active\":1}|active",
            "{\"lines\":[{\"sku\":7}]}|lines[0].sku"})
    void aValueOfTheWrongTypeIsRefusedNamingTheField(String body, String field) {
        JsonMappingException e = assertThrows(JsonMappingException.class, () -> json.readValue(body, Body.class));

        assertEquals(field, ProblemMappers.jsonPath(e));
        assertNull(ProblemMappers.duplicateKey(e));
    }
}
