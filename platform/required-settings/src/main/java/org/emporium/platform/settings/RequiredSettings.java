package org.emporium.platform.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs before a service's main (as {@code -javaagent}, which the images' entry point passes): every
 * setting named in {@value #LIST} must be set and not blank, else the JVM stops at once with exit
 * code {@value #EXIT_CODE} and one line naming what is missing. A service left without, say, its
 * database address would otherwise start with its local default, fail to connect and log a stack
 * trace on every restart; on Kubernetes its startup probe fails and the pod's log says why in one
 * line. Values are never printed.
 */
public final class RequiredSettings {

    /** The environment variable that names the required settings, comma-separated (set in the image). */
    public static final String LIST = "EMPORIUM_REQUIRED_SETTINGS";
    /** sysexits.h' EX_CONFIG: a configuration error. */
    public static final int EXIT_CODE = 78;

    private RequiredSettings() {
    }

    public static void premain(String arguments) {
        List<String> missing = missing(System.getenv());
        if (!missing.isEmpty()) {
            System.err.println(message(missing));
            System.err.flush();
            Runtime.getRuntime().halt(EXIT_CODE);
        }
    }

    /** The required settings that are unset or blank, in the order the list names them. */
    static List<String> missing(Map<String, String> environment) {
        String list = environment.getOrDefault(LIST, "");
        return Arrays.stream(list.split(",")).map(String::strip).filter(name -> !name.isEmpty())
                .filter(name -> environment.getOrDefault(name, "").isBlank()).toList();
    }

    static String message(List<String> missing) {
        return "cannot start: " + (missing.size() == 1 ? "the setting " : missing.size() + " settings ")
                + "it needs " + (missing.size() == 1 ? "is" : "are") + " not set: " + String.join(", ", missing)
                + " (ConfigMap or Secret of the deployment)";
    }
}
