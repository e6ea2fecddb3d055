package org.emporium.launcher;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A scrape in Prometheus' text format (0.0.4), as samples: what {@code ./emporium top} reads from
 * {@code /q/metrics} and {@code /actuator/prometheus}. Only the sample lines matter here: comments
 * ({@code # HELP}, {@code # TYPE}) and blank lines are skipped, and so is a line this small parser
 * cannot read (a scrape is shown with what it could read, never refused). The Prometheus Java
 * libraries on Maven Central write this format but do not read it.
 */
public record PrometheusText(List<Sample> samples) {

    /** One line: the family's sample name ({@code http_server_requests_seconds_count}), its labels and value. */
    public record Sample(String name, Map<String, String> labels, double value) {

        public String label(String key) {
            return labels.getOrDefault(key, "");
        }
    }

    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            Sample sample = sample(l);
            if (sample != null) {
                samples.add(sample);
            }
        }
        return new PrometheusText(List.copyOf(samples));
    }

    /** A sample line, or null when it is not one. */
    static Sample sample(String line) {
        int i = 0;
        int n = line.length();
        while (i < n && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '_' || line.charAt(i) == ':')) {
            i++;
        }
        if (i == 0) {
            return null;
        }
        String name = line.substring(0, i);
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < n && line.charAt(i) == '{') {
            i++;
            while (true) {
                while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == ',')) {
                    i++;
                }
                if (i >= n) {
                    return null;
                }
                if (line.charAt(i) == '}') {
                    i++;
                    break;
                }
                int eq = line.indexOf('=', i);
                if (eq < 0 || eq + 1 >= n || line.charAt(eq + 1) != '"') {
                    return null;
                }
                String key = line.substring(i, eq).strip();
                StringBuilder value = new StringBuilder();
                i = eq + 2;
                boolean closed = false;
                while (i < n) {
                    char c = line.charAt(i++);
                    if (c == '\\' && i < n) {
                        char e = line.charAt(i++);
                        value.append(e == 'n' ? '\n' : e);
                    } else if (c == '"') {
                        closed = true;
                        break;
                    } else {
                        value.append(c);
                    }
                }
                if (!closed) {
                    return null;
                }
                labels.put(key, value.toString());
            }
        }
        String[] rest = line.substring(i).strip().split("\\s+");
        if (rest.length == 0 || rest[0].isEmpty()) {
            return null;
        }
        Double value = number(rest[0]);
        return value == null ? null : new Sample(name, Collections.unmodifiableMap(labels), value);
    }

    private static Double number(String text) {
        switch (text) {
            case "+Inf", "Inf" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-Inf" -> {
                return Double.NEGATIVE_INFINITY;
            }
            case "NaN" -> {
                return Double.NaN;
            }
            default -> {
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
    }

    /** Whether any sample of this name is in the scrape. */
    boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    /** The sum of every sample of this name whose labels pass (NaN samples count as nothing). */
    public double sum(String name, Predicate<Sample> where) {
        return samples.stream().filter(s -> s.name().equals(name) && where.test(s) && !Double.isNaN(s.value()))
                .mapToDouble(Sample::value).sum();
    }

    double sum(String name) {
        return sum(name, s -> true);
    }

    /** How many samples of this name pass. */
    long count(String name, Predicate<Sample> where) {
        return samples.stream().filter(s -> s.name().equals(name) && where.test(s)).count();
    }

    /**
     * A histogram's cumulative buckets ({@code <family>_bucket}) summed over its series by upper
     * bound ({@code le}), like PromQL's {@code sum by (le)}.
     */
    NavigableMap<Double, Double> buckets(String family, Predicate<Sample> where) {
        NavigableMap<Double, Double> buckets = new TreeMap<>();
        for (Sample s : samples) {
            if (s.name().equals(family + "_bucket") && where.test(s) && !Double.isNaN(s.value())) {
                Double le = number(s.label("le"));
                if (le != null) {
                    buckets.merge(le, s.value(), Double::sum);
                }
            }
        }
        return buckets;
    }
}
