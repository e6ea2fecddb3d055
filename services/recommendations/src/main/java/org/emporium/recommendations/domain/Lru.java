package org.emporium.recommendations.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map bounded to {@code capacity} entries, dropping the least recently written. Insertion
 * ordered, so reading ({@link #get}) never changes it (readers run alongside the writer); the
 * writer marks an entry as used with {@link #touch}.
 */
final class Lru<K, V> extends LinkedHashMap<K, V> {

    private final int capacity;

    Lru(int capacity) {
        super(16, 0.75f, false);
        this.capacity = capacity;
    }

    /** The entry, moved to the most recent end; created with {@code create} when absent. */
    V touch(K key, java.util.function.Function<K, V> create) {
        V value = remove(key);
        if (value == null) {
            value = create.apply(key);
        }
        put(key, value);
        return value;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}
