package org.emporium.launcher;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How several copies of one service are named and counted. The first instance keeps the
 * service's name and port ({@code catalog}, so everything that knows one copy works unchanged);
 * the others are {@code catalog-2}, {@code catalog-3}, … on free ports, each with a log file of
 * its own. Only services scale: infrastructure is one server each, and the gateway is the single
 * entry point. Identity's copies share its database (accounts, keys, the login throttle), but
 * browsers and the services' token calls reach its first copy, the issuer's address: a copy
 * answers only who asks it directly until something balances in front of identity.
 */
public final class Instances {

    /**
     * Most copies of one service: Postgres is sized for every pool this many times over, since it
     * cannot allow more connections without a restart (see {@link LocalWiring#databaseConnections}).
     */
    public static final int MAX = 4;

    private static final Pattern INSTANCE = Pattern.compile("(.+)-([2-9]|[1-9][0-9]+)");

    private Instances() {
    }

    /** The name of a service's {@code index}-th copy (counting from 1). */
    public static String name(String service, int index) {
        if (index < 1) {
            throw new IllegalArgumentException("instances count from 1: " + index);
        }
        return index == 1 ? service : service + "-" + index;
    }

    /** The service a component name is a copy of: {@code catalog} for {@code catalog-2}, the name itself otherwise. */
    public static String service(String component) {
        Matcher m = INSTANCE.matcher(component);
        return m.matches() && Topology.GRAPH.stream().anyMatch(n -> n.name().equals(m.group(1))) ? m.group(1) : component;
    }

    /** Which copy a component is: 2 for {@code catalog-2}, 1 for {@code catalog} and for anything that is not a copy. */
    public static int index(String component) {
        String service = service(component);
        return service.equals(component) ? 1 : Integer.parseInt(component.substring(service.length() + 1));
    }

    /** Whether {@code ./emporium scale} may run more than one copy of it (see the class comment). */
    public static boolean scalable(String service) {
        return Topology.services().stream().anyMatch(n -> n.name().equals(service))
                && !service.equals("gateway");
    }

    /**
     * Reads {@code catalog=3,storefront=2} (commas or spaces between): counts by service, checked
     * against the graph and {@link #MAX}, with a message fit for the terminal when it is wrong.
     */
    public static Map<String, Integer> parse(Iterable<String> assignments) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String part : assignments) {
            for (String assignment : part.split("[,\\s]+")) {
                if (assignment.isBlank()) {
                    continue;
                }
                int equals = assignment.indexOf('=');
                if (equals < 1) {
                    throw new IllegalArgumentException("'" + assignment + "' is not <service>=<count>, e.g. catalog=3");
                }
                String service = assignment.substring(0, equals).strip();
                String count = assignment.substring(equals + 1).strip();
                if (!scalable(service)) {
                    throw new IllegalArgumentException(service + " cannot be scaled; services that can: " + String.join(", ",
                            Topology.services().stream().map(Node::name).filter(Instances::scalable).toList()));
                }
                int n;
                try {
                    n = Integer.parseInt(count);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + count + "' is not a number of instances (1 to " + MAX + ")");
                }
                if (n < 1 || n > MAX) {
                    throw new IllegalArgumentException(service + "=" + n + ": a service runs 1 to " + MAX + " instances");
                }
                counts.put(service, n);
            }
        }
        return counts;
    }
}
