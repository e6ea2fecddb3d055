package org.emporium.notifications.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.emporium.notifications.persistence.NotificationRepository;
import org.emporium.platform.auth.CallerContext;
import org.emporium.platform.defaults.ProblemException;

/**
 * The admin's listing of the emails sent about an order. It shows shoppers' addresses: it needs an
 * admin's (or a service's) bearer access token.
 */
@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "an access token of the identity service with role admin (or service)")
public class NotificationResource {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final NotificationRepository notifications;
    private final CallerContext caller;

    public NotificationResource(NotificationRepository notifications, CallerContext caller) {
        this.notifications = notifications;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The emails of one order (admin): kind, recipient, status, attempts, when sent, Message-ID")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NotificationList.class)))
    @APIResponse(responseCode = "401", description = "no valid bearer access token")
    @APIResponse(responseCode = "403", description = "the token's caller is neither admin nor service")
    public NotificationList ofOrder(@QueryParam("orderId") @Parameter(description = "the order's UUID") String orderId) {
        caller.requireAdmin();
        if (orderId == null || orderId.isBlank()) {
            throw ProblemException.invalid("orderId", "is required");
        }
        // UUID.fromString accepts shortened forms such as 1-2-3-4-5; only the canonical one is an id
        if (!UUID_TEXT.matcher(orderId).matches()) {
            throw ProblemException.invalid("orderId", "'" + abbreviate(orderId) + "' is not a UUID");
        }
        UUID id = UUID.fromString(orderId);
        return new NotificationList(id, notifications.findByOrder(id).stream().map(NotificationView::of).toList());
    }

    /** Echoes a bad value back, but never a huge one, nor control characters. */
    static String abbreviate(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }
}
