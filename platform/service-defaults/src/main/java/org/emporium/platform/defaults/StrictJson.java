package org.emporium.platform.defaults;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads request bodies as written, never as guessed:
 * <ul>
 *   <li>a key given twice is refused (Jackson otherwise keeps one of the values silently, or fails
 *       deep inside a record's constructor with a 500);</li>
 *   <li>a number or a boolean where text is expected is refused ({@code "brand": 123}), as is text
 *       or a fraction where a whole number is expected ({@code "quantity": "2"} or {@code 2.5}), and
 *       anything but {@code true}/{@code false} where a boolean is.</li>
 * </ul>
 * Money amounts stay strings in the contracts and may be read into decimals, so text into a decimal
 * is left allowed. The refusals reach {@link ProblemMappers} as a 400 naming the field or key.
 *
 * <p>Only for what the REST endpoints read (a copy of the application's mapper, server side only):
 * the application's own mapper also reads what libraries fetch, such as the Eureka registry's
 * {@code "@enabled": "true"}, which needs Jackson's coercions.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class StrictJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper strict;

    public StrictJson(ObjectMapper application) {
        this.strict = apply(application.copy());
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }

    /** The same settings on any mapper (tests, and mappers made outside CDI). */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }
}
