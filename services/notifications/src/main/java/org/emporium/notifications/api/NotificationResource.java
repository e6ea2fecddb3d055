package org.emporium.notifications.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.emporium.notifications.persistence.NotificationRepository;
import org.emporium.platform.defaults.ProblemException;

@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    static final String ADMIN_KEY = "X-Admin-Key";
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final NotificationRepository notifications;
    private final AdminGuard admin;

    public NotificationResource(NotificationRepository notifications, AdminGuard admin) {
        this.notifications = notifications;
        this.admin = admin;
    }

    @GET
    @Operation(summary = "The emails of one order (admin): kind, recipient, status, attempts, when sent, Message-ID")
    public NotificationList ofOrder(@HeaderParam(ADMIN_KEY) String key,
                                    @QueryParam("orderId") @Parameter(description = "the order's UUID") String orderId) {
        admin.check(key);
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
