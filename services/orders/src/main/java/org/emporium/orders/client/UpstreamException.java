package org.emporium.orders.client;

/**
 * A call to cart or payments that did not give an answer we can use: {@code status} 404 means
 * "no such thing", another 4xx that the other side refused the request, 0 or 5xx that it is
 * unreachable or struggling (worth a retry).
 */
public class UpstreamException extends RuntimeException {

    private final String service;
    private final int status;

    public UpstreamException(String service, int status, String message, Throwable cause) {
        super(message, cause);
        this.service = service;
        this.status = status;
    }

    static UpstreamException of(String service, int status) {
        return new UpstreamException(service, status, service + " answered " + status, null);
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    public boolean notFound() {
        return status == 404;
    }

    public boolean refused() {
        return status >= 400 && status < 500 && status != 404;
    }

    public boolean unavailable() {
        return status == 0 || status >= 500;
    }
}
