package org.emporium.storefront.web.layout;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.qute.RawString;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;

/**
 * Markup that is a pure function of its data, rendered once per distinct data instead of on every
 * page view. A product page's article and its "Customers also bought" row change only when the
 * product, its stock level or the recommendations do, yet rendering them was most of the product
 * page's templating, and templating about a third of the storefront's CPU per page
 * (docs/performance.md). The key is the template and the data itself (records and lists compare by
 * value), so any shown value that changes is a different key: nothing is ever stale. Such a
 * template must use nothing but the data it is given (no request, session or config).
 *
 * <p>Bounded by the characters kept (a few catalogs' worth of articles); an entry not shown for ten
 * minutes goes.
 */
@ApplicationScoped
public class Fragments {

    static final long MAX_CHARS = 4_000_000;

    private record Key(String template, Map<String, Object> data) {
    }

    private final Cache<Key, RawString> rendered = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARS)
            .weigher((Key key, RawString markup) -> markup.getValue().length())
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    /** {@code template} rendered with {@code data} (names to values, compared by value), already escaped. */
    public RawString render(Template template, Map<String, Object> data) {
        return rendered.get(new Key(template.getId(), data), key -> {
            TemplateInstance instance = template.instance();
            data.forEach(instance::data);
            return new RawString(instance.render());
        });
    }
}
