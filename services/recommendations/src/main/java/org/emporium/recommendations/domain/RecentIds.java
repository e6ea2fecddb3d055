package org.emporium.recommendations.domain;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.UUID;

/**
 * The ids of the latest events, to drop redeliveries (outbox relays publish at least once). Two
 * generations of an open-addressing set of 64-bit id hashes (load at most 4/5): when the current one holds
 * {@code capacity} ids it becomes the previous one and the oldest generation is forgotten, so the
 * latest {@code capacity} to {@code 2 * capacity} ids are remembered in a fixed 2 × 8 bytes × 5/4 to 5/2 ×
 * capacity (4 MB for 200,000), with no objects per id. A 64-bit hash collision (about 1 in
 * 10^13 at this size) would drop one event.
 */
final class RecentIds {

    private final int capacity;
    private long[] current;
    private long[] previous;
    private int size;

    RecentIds(int capacity) {
        this.capacity = capacity;
        int slots = Integer.highestOneBit(Math.max(16, capacity + capacity / 4 - 1)) << 1; // load at most 4/5
        current = new long[slots];
        previous = new long[slots];
    }

    /** Adds the id; false if it was already there (a duplicate). */
    boolean add(String id) {
        long key = key(id);
        if (contains(previous, key)) {
            return false;
        }
        long[] table = current;
        int mask = table.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (table[i] == key) {
                return false;
            }
            if (table[i] == 0) {
                table[i] = key;
                if (++size >= capacity) {
                    long[] recycled = previous;
                    java.util.Arrays.fill(recycled, 0);
                    previous = current;
                    current = recycled;
                    size = 0;
                }
                return true;
            }
        }
    }

    /** The ids of both generations (their hashes), for {@link #read}. */
    void write(DataOutput out) throws IOException {
        out.writeInt(size);
        writeKeys(out, current);
        writeKeys(out, previous);
    }

    private static void writeKeys(DataOutput out, long[] table) throws IOException {
        int count = 0;
        for (long key : table) {
            count += key != 0 ? 1 : 0;
        }
        out.writeInt(count);
        for (long key : table) {
            if (key != 0) {
                out.writeLong(key);
            }
        }
    }

    /** The ids {@link #write} wrote, in their generations: the same ids are duplicates, the next rotation at the same count. */
    static RecentIds read(DataInput in, int capacity) throws IOException {
        RecentIds ids = new RecentIds(capacity);
        ids.size = StateIo.readCount(in, capacity - 1);
        readKeys(in, ids.current, capacity);
        readKeys(in, ids.previous, capacity);
        return ids;
    }

    private static void readKeys(DataInput in, long[] table, int capacity) throws IOException {
        int count = StateIo.readCount(in, capacity);
        int mask = table.length - 1;
        for (int n = 0; n < count; n++) {
            long key = in.readLong();
            if (key == 0) {
                throw new IOException("an empty slot among the recent ids");
            }
            int i = mix(key) & mask;
            while (table[i] != 0) {
                i = (i + 1) & mask;
            }
            table[i] = key;
        }
    }

    private static boolean contains(long[] table, long key) {
        int mask = table.length - 1;
        for (int i = mix(key) & mask; table[i] != 0; i = (i + 1) & mask) {
            if (table[i] == key) {
                return true;
            }
        }
        return false;
    }

    static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** A UUID's 128 bits folded to 64; any other text hashed (FNV-1a). Never 0 (the empty slot). */
    static long key(String id) {
        long key;
        if (id.length() == 36 && id.charAt(8) == '-') {
            try {
                UUID uuid = UUID.fromString(id);
                key = uuid.getMostSignificantBits() ^ Long.rotateLeft(uuid.getLeastSignificantBits(), 29) * 0xC2B2AE3D27D4EB4FL;
                return key == 0 ? 1 : key;
            } catch (IllegalArgumentException e) {
                // not a UUID after all: hash the text
            }
        }
        key = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            key = (key ^ id.charAt(i)) * 0x100000001b3L;
        }
        return key == 0 ? 1 : key;
    }
}
