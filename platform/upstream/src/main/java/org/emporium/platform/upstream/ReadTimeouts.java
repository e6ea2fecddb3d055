package org.emporium.platform.upstream;

/** Recognizes a read timeout in a failed call, whichever layer of the HTTP stack reported it. */
public final class ReadTimeouts {

    private ReadTimeouts() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // Vert.x, Netty and the JDK each have their own timeout exception type; all are named so
            if (t.getClass().getSimpleName().endsWith("TimeoutException")) {
                return true;
            }
        }
        return false;
    }
}
