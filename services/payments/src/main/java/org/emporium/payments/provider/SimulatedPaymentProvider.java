package org.emporium.payments.provider;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.emporium.platform.defaults.FaultInjection;
import org.emporium.platform.faults.Errors;
import org.emporium.platform.faults.Faults;
import org.emporium.payments.domain.ProviderUnavailable;
import org.emporium.payments.domain.Authorization;
import org.emporium.payments.domain.CardDetails;
import org.emporium.payments.domain.CardToken;
import org.emporium.payments.domain.Money;
import org.emporium.payments.domain.PaymentProvider;

/**
 * A card processor in test mode, in process. The outcome depends on the card, as with a real
 * processor's test cards:
 * <ul>
 *   <li>4242 4242 4242 4242 approves; any other Luhn-valid number approves too;</li>
 *   <li>4000 0000 0000 0002 declines ({@code card_declined});</li>
 *   <li>4000 0000 0000 0119 fails ({@code processing_error});</li>
 *   <li>4000 0000 0000 3220 answers after {@code slow-delay}, then approves.</li>
 * </ul>
 * Every call waits {@code latency}; approvals fail at random with {@code failure-rate}.
 *
 * <p>The provider is outside the system, so it is a downstream of payments for {@code ./emporium
 * chaos}: {@code latency payments 2s --to provider}, {@code errors payments 30% --to provider} and
 * {@code cut payments provider} meet the money calls here (authorize, capture, void, refund) as a
 * slow or failing provider would. Tokenizing does not meet them: it is local to the simulator, as a
 * real shop's card form tokenizes in the browser. A provider failure is {@link ProviderUnavailable},
 * retried here three times with exponential backoff and jitter (safe: every call is idempotent by
 * payment id), then left to the caller, whose recovery asks again later.
 *
 * <p>The token is self-describing — {@code sim_<outcome>_<last4>_<random>} — so the simulator
 * needs no vault and remembers nothing: the card number is gone once tokenized. Outcomes are a
 * function of the token and the payment id (the random failures too: a hash of the id decides),
 * which makes every operation idempotent by payment id across restarts, as a real processor's
 * idempotency keys do.
 */
@ApplicationScoped
public class SimulatedPaymentProvider implements PaymentProvider {

    static final String APPROVE = "4242424242424242";
    static final String DECLINE = "4000000000000002";
    static final String ERROR = "4000000000000119";
    static final String SLOW = "4000000000003220";
    /** The provider's name as a downstream of payments, for {@code ./emporium chaos ... --to provider}. */
    public static final String DOWNSTREAM = "provider";
    private static final String PREFIX = "sim";
    private static final char[] LETTERS = "abcdefghijklmnopqrstuvwxyz".toCharArray();

    /** What the token says the card will do. */
    enum Outcome { OK, DECLINE, ERROR, SLOW }

    private final Duration latency;
    private final double failureRate;
    private final Duration slowDelay;
    private final SecureRandom random = new SecureRandom();
    private final Supplier<Faults> faults;

    @Inject
    public SimulatedPaymentProvider(@ConfigProperty(name = "emporium.payments.simulator.latency") Duration latency,
                                    @ConfigProperty(name = "emporium.payments.simulator.failure-rate") double failureRate,
                                    @ConfigProperty(name = "emporium.payments.simulator.slow-delay") Duration slowDelay,
                                    FaultInjection faults) {
        this(latency, failureRate, slowDelay, faults::current);
    }

    /** With no faults injected: for tests. */
    public SimulatedPaymentProvider(Duration latency, double failureRate, Duration slowDelay) {
        this(latency, failureRate, slowDelay, () -> Faults.NONE);
    }

    SimulatedPaymentProvider(Duration latency, double failureRate, Duration slowDelay, Supplier<Faults> faults) {
        this.faults = faults;
        if (failureRate < 0 || failureRate > 1) {
            throw new IllegalArgumentException("emporium.payments.simulator.failure-rate must be between 0 and 1");
        }
        this.latency = latency;
        this.failureRate = failureRate;
        this.slowDelay = slowDelay;
    }

    @Override
    public CardToken tokenize(CardDetails card) {
        Outcome outcome = switch (card.number()) {
            case DECLINE -> Outcome.DECLINE;
            case ERROR -> Outcome.ERROR;
            case SLOW -> Outcome.SLOW;
            default -> Outcome.OK;
        };
        // letters only: a token never holds a long run of digits that could pass for a card number
        char[] suffix = new char[20];
        for (int i = 0; i < suffix.length; i++) {
            suffix[i] = LETTERS[random.nextInt(LETTERS.length)];
        }
        String token = PREFIX + "_" + outcome.name().toLowerCase(Locale.ROOT) + "_" + card.last4() + "_" + new String(suffix);
        return new CardToken(token, card.last4(), card.brand(), card.expiry());
    }

    @Override
    @WithSpan(value = "provider authorize", kind = SpanKind.CLIENT)
    @Retry(maxRetries = 3, delay = 200, jitter = 100, retryOn = ProviderUnavailable.class)
    @ExponentialBackoff
    public Authorization authorize(UUID paymentId, Money amount, String cardToken) {
        call();
        Outcome outcome = outcome(cardToken);
        if (outcome == null) {
            return new Authorization.Declined("invalid_token", "the card token is not known to the provider");
        }
        return switch (outcome) {
            case DECLINE -> new Authorization.Declined("card_declined", "the card was declined");
            case ERROR -> new Authorization.Failed("processing_error", "an error occurred while processing the card");
            case SLOW -> {
                pause(slowDelay);
                yield approve(paymentId);
            }
            case OK -> approve(paymentId);
        };
    }

    @Override
    @WithSpan(value = "provider capture", kind = SpanKind.CLIENT)
    @Retry(maxRetries = 3, delay = 200, jitter = 100, retryOn = ProviderUnavailable.class)
    @ExponentialBackoff
    public void capture(UUID paymentId, Money amount) {
        call();
    }

    @Override
    @WithSpan(value = "provider void", kind = SpanKind.CLIENT)
    @Retry(maxRetries = 3, delay = 200, jitter = 100, retryOn = ProviderUnavailable.class)
    @ExponentialBackoff
    public void voidAuthorization(UUID paymentId) {
        call();
    }

    @Override
    @WithSpan(value = "provider refund", kind = SpanKind.CLIENT)
    @Retry(maxRetries = 3, delay = 200, jitter = 100, retryOn = ProviderUnavailable.class)
    @ExponentialBackoff
    public void refund(UUID paymentId, Money amount) {
        call();
    }

    private Authorization approve(UUID paymentId) {
        byte[] hash = sha256(paymentId);
        // the first 8 bytes as a fraction in [0, 1): the same payment always draws the same number
        double draw = (java.nio.ByteBuffer.wrap(hash).getLong() >>> 11) / (double) (1L << 53);
        if (draw < failureRate) {
            return new Authorization.Failed("processing_error", "simulated processing error");
        }
        return new Authorization.Approved("SIM" + HexFormat.of().withUpperCase().formatHex(hash, 8, 11));
    }

    /** The outcome a token of this simulator encodes; null for anything else. */
    static Outcome outcome(String token) {
        String[] parts = token == null ? new String[0] : token.split("_", -1);
        if (parts.length != 4 || !PREFIX.equals(parts[0]) || !parts[2].matches("[0-9]{4}") || parts[3].isEmpty()) {
            return null;
        }
        for (Outcome o : Outcome.values()) {
            if (o.name().toLowerCase(Locale.ROOT).equals(parts[1])) {
                return o;
            }
        }
        return null;
    }

    private static byte[] sha256(UUID id) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(id.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One call to the provider: its latency, and the faults injected on it ({@link #DOWNSTREAM}). */
    private void call() {
        pause(latency);
        Faults now = faults.get();
        if (now == Faults.NONE || !now.onCalls()) {
            return;
        }
        if (now.isCutOffFrom(DOWNSTREAM)) {
            throw new ProviderUnavailable("the card provider refused the connection: a fault injected on purpose (./emporium chaos cut)");
        }
        Errors error = now.errorTowards(DOWNSTREAM);
        if (error != null) {
            throw new ProviderUnavailable("the card provider answered " + (error.drops() ? "nothing (connection reset)" : error.status())
                    + ": a fault injected on purpose (./emporium chaos errors --to provider)");
        }
        pause(Duration.ofMillis(now.delayMillisTowards(DOWNSTREAM)));
    }

    private static void pause(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the provider");
        }
    }
}
