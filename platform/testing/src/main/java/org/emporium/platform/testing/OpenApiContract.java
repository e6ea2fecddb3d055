package org.emporium.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A service's committed API contract, {@code contracts/openapi/<name>.yaml}, must be exactly what
 * it serves at {@code /q/openapi?format=yaml}: clients are written against the file. After an
 * intended API change, regenerate it with {@code EMPORIUM_UPDATE_CONTRACTS=true} and review the
 * diff.
 */
public final class OpenApiContract {

    private OpenApiContract() {
    }

    /** The OpenAPI document the service under test serves, as YAML. */
    public static String served() {
        return RestAssured.given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
    }

    /** Fetches the served document and compares it with the committed one; returns it for further checks. */
    public static String assertServedMatchesCommitted(String name) {
        String served = served();
        assertServedMatchesCommitted(served, name);
        return served;
    }

    public static void assertServedMatchesCommitted(String served, String name) {
        Path committed = Path.of(System.getProperty("emporium.contracts.dir", "../../contracts"), "openapi",
                name + ".yaml");
        try {
            if ("true".equals(System.getenv("EMPORIUM_UPDATE_CONTRACTS"))) {
                Files.writeString(committed, served);
            }
            assertTrue(Files.exists(committed), "committed contract " + committed + " exists");
            assertEquals(Files.readString(committed), served, "the served OpenAPI document differs from "
                    + committed + "; if the change is intended, regenerate it with EMPORIUM_UPDATE_CONTRACTS=true");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
