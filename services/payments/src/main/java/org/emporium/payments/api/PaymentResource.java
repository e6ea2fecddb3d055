package org.emporium.payments.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.emporium.payments.domain.Payment;
import org.emporium.payments.persistence.PaymentRepository;
import org.emporium.platform.defaults.ProblemException;

/** The admin's view of payments: status, amount, card summary, outcome and the whole ledger. */
@Path("/api/payments")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

    static final String ADMIN_KEY = "X-Admin-Key";

    private final PaymentRepository payments;
    private final AdminGuard admin;

    public PaymentResource(PaymentRepository payments, AdminGuard admin) {
        this.payments = payments;
        this.admin = admin;
    }

    @GET
    @Operation(summary = "The payments of an order (admin)")
    public PaymentList byOrder(@HeaderParam(ADMIN_KEY) String key, @QueryParam("orderId") String orderId) {
        admin.check(key);
        if (orderId == null || orderId.isBlank()) {
            throw ProblemException.invalid("orderId", "is required");
        }
        return new PaymentList(payments.findByOrder(uuid("orderId", orderId)).stream().map(this::view).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One payment with its ledger (admin)")
    public PaymentView one(@HeaderParam(ADMIN_KEY) String key, @PathParam("id") String id) {
        admin.check(key);
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
