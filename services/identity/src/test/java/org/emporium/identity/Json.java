package org.emporium.identity;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.Map;

/** JSON parsing for tests (Nimbus's parser, already on the classpath). */
public final class Json {

    private Json() {
    }

    public static Map<String, Object> parse(String json) {
        try {
            return JSONObjectUtils.parse(json);
        } catch (ParseException e) {
            throw new AssertionError("not a JSON object: " + json, e);
        }
    }
}
