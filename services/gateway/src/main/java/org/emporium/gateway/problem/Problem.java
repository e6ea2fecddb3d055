package org.emporium.gateway.problem;

import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * An RFC 9457 problem detail, the same shape the services answer with, so a client parses one
 * error format whether the gateway or a service produced it.
 */
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;

    public static Problem of(HttpStatusCode status, String detail, String instance) {
        return new Problem("about:blank", titleFor(status), status.value(), detail, instance);
    }

    /**
     * The reason phrase in sentence case ("Service unavailable"), the style of the services' titles;
     * with type about:blank, RFC 9457 wants the title to name the status.
     */
    static String titleFor(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null) {
            return status.is4xxClientError() ? "Client error" : "Server error";
        }
        String phrase = known.getReasonPhrase();
        return phrase.charAt(0) + phrase.substring(1).toLowerCase(Locale.ROOT);
    }
}
