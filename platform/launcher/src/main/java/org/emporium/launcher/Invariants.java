package org.emporium.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a chaos run promises, judged on the services' own data once it is over: every order ended,
 * no unit sold or lost that a confirmed order does not explain, every confirmed total captured once
 * and nothing else captured, one email per ended order, every catalog change searchable, and (when
 * the scenario asks) few good orders cancelled by faults that healed. Each check names what breaks it.
 */
final class Invariants {

    /** One promise: whether it held, a line about it, and the ids or SKUs that break it. */
    record Check(String promise, boolean holds, String summary, List<String> offenders) {
    }

    static final String CONFIRMED_SUBJECT = "confirmed";
    static final String CANCELLED_SUBJECT = "cancelled";
    /** Cancellations that are the shop saying no, not a fault: a good order never gets them. */
    static final Set<String> REFUSALS = Set.of("PAYMENT_DECLINED", "OUT_OF_STOCK");

    private Invariants() {
    }

    static Check settled(int orders, List<UUID> pending, String deadline) {
        return new Check("every order CONFIRMED or CANCELLED " + deadline, pending.isEmpty(),
                (orders - pending.size()) + " of " + orders + " ended", pending.stream().map(UUID::toString).toList());
    }

    /** On hand after the run = on hand before − units of the confirmed orders, per SKU. */
    static Check stock(Map<String, Integer> before, Ended orders, Map<String, Integer> after) {
        Map<String, Integer> sold = new HashMap<>();
        for (JsonNode order : orders.confirmed()) {
            order.path("lines").forEach(l -> sold.merge(l.path("sku").asText(), l.path("quantity").asInt(), Integer::sum));
        }
        List<String> wrong = new ArrayList<>();
        for (var sku : new TreeMap<>(before).entrySet()) {
            int expected = sku.getValue() - sold.getOrDefault(sku.getKey(), 0);
            int actual = after.get(sku.getKey());
            if (actual != expected) {
                wrong.add(sku.getKey() + " on hand " + actual + ", expected " + expected);
            }
        }
        return new Check("stock = initial − units of confirmed orders", wrong.isEmpty(),
                before.size() + " products, " + sold.values().stream().mapToInt(Integer::intValue).sum() + " units sold", wrong);
    }

    /** Each confirmed order's total captured, nothing captured for the others. */
    static Check captured(Ended orders, Map<UUID, List<BigDecimal>> captures) {
        List<String> wrong = new ArrayList<>();
        BigDecimal captured = BigDecimal.ZERO;
        BigDecimal totals = BigDecimal.ZERO;
        for (JsonNode order : orders.ended()) {
            UUID id = UUID.fromString(order.path("id").asText());
            BigDecimal sum = captures.getOrDefault(id, List.of()).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal expected = confirmed(order) ? new BigDecimal(order.at("/total/amount").asText()) : BigDecimal.ZERO;
            captured = captured.add(sum);
            totals = totals.add(expected);
            if (sum.compareTo(expected) != 0) {
                wrong.add(id + " (" + order.path("status").asText() + ") captured " + sum.toPlainString() + ", expected "
                        + expected.toPlainString());
            }
        }
        return new Check("captured amounts = totals of confirmed orders", wrong.isEmpty(),
                "captured " + captured.toPlainString() + ", confirmed totals " + totals.toPlainString(), wrong);
    }

    static Check capturedOnce(Map<UUID, List<BigDecimal>> captures) {
        List<String> twice = new TreeMap<>(captures).entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " captured " + e.getValue().size() + " times").toList();
        return new Check("no payment captured twice", twice.isEmpty(), captures.size() + " orders' payments read", twice);
    }

    /** Exactly one mail per ended order: a confirmation for a confirmed one, a cancellation for a cancelled one. */
    static Check oneEmailEach(Ended orders, Map<String, List<String>> subjectsByAddress) {
        List<String> wrong = new ArrayList<>();
        for (JsonNode order : orders.ended()) {
            List<String> subjects = subjectsByAddress.getOrDefault(order.path("email").asText(), List.of());
            String expected = confirmed(order) ? CONFIRMED_SUBJECT : CANCELLED_SUBJECT;
            long right = subjects.stream().filter(s -> s.toLowerCase().contains(expected)).count();
            if (right != 1 || subjects.size() != 1) {
                wrong.add(order.path("id").asText() + " (" + order.path("status").asText() + "): " + subjects.size()
                        + " mails, " + right + " " + expected);
            }
        }
        return new Check("exactly one email per confirmed or cancelled order", wrong.isEmpty(),
                orders.ended().size() + " orders", wrong);
    }

    /** Search shows each changed product at the price the catalog has for it now. */
    static Check searchable(Map<String, String> catalogPrices, Map<String, Optional<String>> searchedPrices) {
        List<String> wrong = new ArrayList<>();
        new TreeMap<>(catalogPrices).forEach((sku, price) -> {
            Optional<String> searched = searchedPrices.getOrDefault(sku, Optional.empty());
            if (searched.isEmpty() || new BigDecimal(searched.get()).compareTo(new BigDecimal(price)) != 0) {
                wrong.add(sku + ": catalog " + price + ", search " + searched.orElse("does not find it"));
            }
        });
        return new Check("every catalog change searchable", wrong.isEmpty(), catalogPrices.size() + " products changed", wrong);
    }

    /** Good orders (an approved card) cancelled for anything but the shop's refusal, at most this share. */
    static Check fewGoodOrdersCancelled(Ended orders, Set<UUID> approvedCards, double atMostPercent) {
        List<JsonNode> good = orders.ended().stream().filter(o -> approvedCards.contains(UUID.fromString(o.path("id").asText()))).toList();
        List<String> lost = good.stream().filter(o -> !confirmed(o) && !REFUSALS.contains(o.path("reason").asText()))
                .map(o -> o.path("id").asText() + " " + o.path("reason").asText()).toList();
        double percent = good.isEmpty() ? 0 : 100.0 * lost.size() / good.size();
        return new Check("at most " + format(atMostPercent) + " % of good orders cancelled", percent <= atMostPercent,
                lost.size() + " of " + good.size() + " (" + format(percent) + " %)", lost);
    }

    /** The orders of a run once it is over, those that ended. */
    record Ended(List<JsonNode> ended) {

        List<JsonNode> confirmed() {
            return ended.stream().filter(Invariants::confirmed).toList();
        }

        /** Cancelled orders by reason, in name order. */
        Map<String, Integer> cancelledByReason() {
            Map<String, Integer> reasons = new TreeMap<>();
            ended.stream().filter(o -> !Invariants.confirmed(o)).forEach(o -> reasons.merge(o.path("reason").asText(), 1, Integer::sum));
            return reasons;
        }
    }

    static boolean confirmed(JsonNode order) {
        return order.path("status").asText().equals("CONFIRMED");
    }

    static String format(double percent) {
        return percent == Math.rint(percent) ? String.valueOf((long) percent) : String.format(java.util.Locale.ROOT, "%.1f", percent);
    }
}
