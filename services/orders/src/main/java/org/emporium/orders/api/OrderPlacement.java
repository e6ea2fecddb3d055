package org.emporium.orders.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.emporium.orders.domain.Checkout;
import org.emporium.orders.domain.Order;
import org.emporium.orders.client.CardToken;
import org.emporium.orders.client.CartSnapshot;
import org.emporium.orders.client.CartAndCards;
import org.emporium.orders.client.PaymentsApi;
import org.emporium.orders.persistence.OrderRepository;
import org.emporium.orders.persistence.OrderRepository.Placement;
import org.emporium.orders.saga.CheckoutSaga;
import org.emporium.orders.saga.SagaBacklog;
import org.emporium.platform.auth.AuthenticationRequired;
import org.emporium.platform.auth.Caller;
import org.emporium.platform.defaults.Problem;
import org.emporium.platform.defaults.ProblemException;
import org.emporium.platform.upstream.UpstreamException;
import org.emporium.platform.upstream.UpstreamRejectedException;

/**
 * Placing an order: answer a retry from what its key made; snapshot the cart (its prices are the
 * catalog's now); turn the card into the provider's token; store the order, its OrderPlaced event
 * and the saga's first command in one transaction. Everything after that is the saga's.
 */
@ApplicationScoped
public class OrderPlacement {

    /**
     * Units of one SKU an order takes, its lines (sizes) together: inventory reserves per SKU and
     * refuses more than 99 in a line of a reservation (contracts/events/inventory.ReserveStock.json).
     */
    static final int MAX_UNITS_PER_SKU = 99;

    private final OrderRepository orders;
    private final CheckoutSaga saga;
    private final CartAndCards cartAndCards;
    private final SagaBacklog backlog;
    private final Validator validator;
    private final Clock clock = Clock.systemUTC();

    OrderPlacement(OrderRepository orders, CheckoutSaga saga, CartAndCards cartAndCards, SagaBacklog backlog,
                   Validator validator) {
        this.orders = orders;
        this.saga = saga;
        this.cartAndCards = cartAndCards;
        this.backlog = backlog;
        this.validator = validator;
    }

    /**
     * The placed order's id and status; the same for a retry with the same key and body. With a
     * {@code caller}, the order is theirs, the cart is read with their token (so the cart service
     * applies its owner rules), and a body without an email takes the token's.
     */
    public OrderView.Accepted place(String idempotencyKey, PlaceOrderRequest body, Optional<Caller> caller) {
        PlaceOrderRequest request = withEmail(body, caller);
        CardRules.check(request.payment(), clock);
        String owner = caller.map(Caller::subject).orElse(null);
        String fingerprint = request.fingerprint(owner);
        var earlier = orders.byIdempotencyKey(idempotencyKey);
        if (earlier.isPresent()) {
            return answerRetry(earlier.get(), fingerprint);
        }
        if (!backlog.admitsAnother()) {
            throw new ProblemException(Problem.of(503, "Checkout busy", "more orders are being checked out than "
                    + "the shop can finish in time; retry with the same Idempotency-Key"), backlog.retryAfter());
        }
        CartSnapshot cart = snapshot(request.cartId(), caller);
        CardToken card = tokenize(request.payment());
        Order order = newOrder(request, owner, cart, card);
        return switch (saga.start(order, idempotencyKey, fingerprint)) {
            case Placement.Created created -> new OrderView.Accepted(created.order().id(), created.order().status().name());
            case Placement.Earlier raced -> answerRetry(raced, fingerprint);
        };
    }

    private OrderView.Accepted answerRetry(Placement.Earlier earlier, String fingerprint) {
        if (!earlier.requestHash().equals(fingerprint)) {
            throw new ProblemException(Problem.of(422, "Idempotency key reused",
                    "this Idempotency-Key was used for a different request; use a new key for a new order"));
        }
        Order order = orders.find(earlier.orderId()).orElseThrow();
        return new OrderView.Accepted(order.id(), order.status().name());
    }

    /** The body's email, or the signed-in caller's when the body has none; checked either way. */
    private PlaceOrderRequest withEmail(PlaceOrderRequest request, Optional<Caller> caller) {
        String email = request.email();
        if ((email == null || email.isBlank()) && caller.isPresent() && caller.get().email() != null) {
            email = caller.get().email();
        }
        var violation = validator.validate(new PlaceOrderRequest.EmailAddress(email)).stream().findFirst();
        if (violation.isPresent()) {
            throw ProblemException.invalid("email", violation.get().getMessage());
        }
        return email.equals(request.email()) ? request : request.withEmail(email);
    }

    private CartSnapshot snapshot(UUID cartId, Optional<Caller> caller) {
        CartSnapshot cart;
        try {
            // the caller's own token: the cart service decides whether this caller may read the cart
            cart = cartAndCards.cart(cartId, caller.map(c -> "Bearer " + c.token()).orElse(null))
                    .orElseThrow(() -> cartNotFound(cartId));
        } catch (UpstreamRejectedException e) {
            throw switch (e.status()) {
                // an account's cart, and no token: sign in to order it
                case 401 -> caller.isEmpty()
                        ? AuthenticationRequired.missing("cart " + cartId + " belongs to an account: sign in to order it")
                        : AuthenticationRequired.invalid("the cart service did not accept the access token");
                case 403 -> cartNotFound(cartId);
                default -> new ProblemException(Problem.of(422, "Cart refused",
                        "the cart service refused to show cart " + cartId + " (" + e.status() + ")"));
            };
        } catch (UpstreamException | FaultToleranceException e) {
            throw unavailable("the cart service");
        }
        if (cart.lines() == null || cart.lines().isEmpty()) {
            throw new ProblemException(Problem.of(422, "Empty cart", "cart " + cartId + " has nothing to order"));
        }
        // inventory reserves per SKU (it knows no sizes), at most 99 units of a SKU per reservation
        Map<String, Integer> units = new LinkedHashMap<>();
        cart.lines().forEach(l -> units.merge(l.sku(), l.quantity(), Integer::sum));
        units.forEach((sku, quantity) -> {
            if (quantity > MAX_UNITS_PER_SKU) {
                throw new ProblemException(Problem.of(422, "Too many units", "an order takes at most "
                        + MAX_UNITS_PER_SKU + " units of " + sku + ", all its sizes together; cart " + cartId
                        + " holds " + quantity));
            }
        });
        boolean unpriced = cart.partial() || cart.total() == null
                || cart.lines().stream().anyMatch(l -> l.unitPrice() == null || l.lineTotal() == null || l.name() == null);
        if (unpriced) {
            throw unavailable("the catalog (prices)");
        }
        return cart;
    }

    private CardToken tokenize(PlaceOrderRequest.Payment payment) {
        try {
            return cartAndCards.tokenize(new PaymentsApi.Card(payment.digits(), payment.expiry(), payment.cvc()));
        } catch (UpstreamRejectedException e) {
            throw ProblemException.invalid("payment.cardNumber", "was refused by the payment provider");
        } catch (UpstreamException | FaultToleranceException e) {
            throw unavailable("the payment service");
        }
    }

    private static ProblemException cartNotFound(UUID cartId) {
        return new ProblemException(Problem.of(404, "Cart not found", "there is no cart with id " + cartId));
    }

    private Order newOrder(PlaceOrderRequest request, String owner, CartSnapshot cart, CardToken card) {
        List<Order.Line> lines = cart.lines().stream().map(l -> new Order.Line(l.sku(), l.options(), l.name(), l.quantity(),
                new BigDecimal(l.unitPrice().amount()), new BigDecimal(l.lineTotal().amount()))).toList();
        PlaceOrderRequest.Address a = request.shippingAddress();
        Instant now = clock.instant();
        return new Order(UUID.randomUUID(), request.cartId(), owner, request.email(),
                new Order.Address(a.name(), a.line1(), a.line2(), a.city(), a.region(), a.postalCode(), a.country()),
                new Order.Card(card.token(), card.last4(), card.brand()), lines,
                new BigDecimal(cart.total().amount()), cart.total().currency(), Checkout.FIRST_STEP, 1, null, null,
                now, now, null, null, List.of());
    }

    private static ProblemException unavailable(String what) {
        return new ProblemException(Problem.of(503, "Service unavailable",
                "checkout cannot reach " + what + " right now; retry with the same Idempotency-Key"));
    }
}
