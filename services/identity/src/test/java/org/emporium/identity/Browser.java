package org.emporium.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A real HTTP client with a cookie jar that does not follow redirects, so tests see each step. */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final URI base;
    private final HttpClient http;

    public Browser(URI base) {
        this(base, null);
    }

    /**
     * A browser whose connections come from {@code clientAddress} (a loopback address such as 127.0.0.2),
     * so the server sees another client IP; the JDK's default when null.
     */
    public Browser(URI base, InetAddress clientAddress) {
        this.base = base;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5));
        this.http = (clientAddress == null ? builder : builder.localAddress(clientAddress)).build();
    }

    public URI base() {
        return base;
    }

    public HttpResponse<String> get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(resolve(pathOrUrl)).header("Accept", "text/html").GET());
    }

    public HttpResponse<String> get(String pathOrUrl, String header, String value) {
        return send(HttpRequest.newBuilder(resolve(pathOrUrl)).header(header, value).GET());
    }

    /** A POST without a body, with one header unless {@code header} is null. */
    public HttpResponse<String> post(String pathOrUrl, String header, String value) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(pathOrUrl)).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody());
        return send(header == null ? request : request.header(header, value));
    }

    public HttpResponse<String> postForm(String pathOrUrl, Map<String, String> form) {
        return postForm(pathOrUrl, form, null);
    }

    public HttpResponse<String> postForm(String pathOrUrl, Map<String, String> form, String basicAuth) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(pathOrUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (basicAuth != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
        }
        return send(request);
    }

    public HttpResponse<String> postJson(String pathOrUrl, String json) {
        return send(jsonPost(pathOrUrl, json));
    }

    /** The same with one more request header. */
    public HttpResponse<String> postJson(String pathOrUrl, String json, String header, String value) {
        return send(jsonPost(pathOrUrl, json).header(header, value));
    }

    private HttpRequest.Builder jsonPost(String pathOrUrl, String json) {
        return HttpRequest.newBuilder(resolve(pathOrUrl))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    /** The CSRF token of the form on a page. */
    public static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the page: " + page.body());
        }
        return m.group(1);
    }

    /** Signs in through the login form and returns the answer to the form post. */
    public HttpResponse<String> login(String email, String password) {
        String token = csrf(get("/login"));
        return postForm("/login", form("username", email, "password", password, "_csrf", token));
    }

    public static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("no Location header; status " + response.statusCode()));
    }

    private URI resolve(String pathOrUrl) {
        return pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : base.resolve(pathOrUrl);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
