package org.emporium.payments.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.emporium.payments.domain.Payment;
import org.emporium.payments.persistence.PaymentRepository;
import org.emporium.platform.auth.CallerContext;
import org.emporium.platform.defaults.ProblemException;

/**
 * The admin's view of payments: status, amount, card summary, outcome and the whole ledger. Needs
 * an admin's (or a service's) bearer access token.
 */
@Path("/api/payments")
@Produces(MediaType.APPLICATION_JSON)
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "an access token of the identity service with role admin (or service)")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "no valid bearer access token")
@APIResponse(responseCode = "403", description = "the token's caller is neither admin nor service")
public class PaymentResource {

    private final PaymentRepository payments;
    private final CallerContext caller;

    public PaymentResource(PaymentRepository payments, CallerContext caller) {
        this.payments = payments;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The payments of an order (admin)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentList.class)))
    public PaymentList byOrder(@QueryParam("orderId") String orderId) {
        caller.requireAdmin();
        if (orderId == null || orderId.isBlank()) {
            throw ProblemException.invalid("orderId", "is required");
        }
        return new PaymentList(payments.findByOrder(uuid("orderId", orderId)).stream().map(this::view).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One payment with its ledger (admin)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentView.class)))
    public PaymentView one(@PathParam("id") String id) {
        caller.requireAdmin();
        UUID paymentId = uuid("id", id);
        return payments.find(paymentId).map(this::view)
                .orElseThrow(() -> ProblemException.notFound("no payment with id " + paymentId));
    }

    private PaymentView view(Payment p) {
        return PaymentView.of(p, payments.ledger(p.id()));
    }

    private static UUID uuid(String field, String value) {
        try {
            if (value.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be a UUID");
        }
    }
}
