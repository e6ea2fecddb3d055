package org.emporium.recommendations.domain;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * An open-addressing map from 64-bit keys (id hashes, see {@link RecentIds#key}) to ints, with no
 * object per entry: 12 bytes a slot. Entries are never removed (values are overwritten).
 */
final class LongIntMap {

    private long[] keys = new long[1024];
    private int[] values = new int[1024];
    private int size;

    int get(long key, int missing) {
        long[] k = keys;
        int mask = k.length - 1;
        for (int i = RecentIds.mix(key) & mask; k[i] != 0; i = (i + 1) & mask) {
            if (k[i] == key) {
                return values[i];
            }
        }
        return missing;
    }

    void put(long key, int value) {
        if ((size + 1) * 4L > keys.length * 3L) {
            grow();
        }
        int mask = keys.length - 1;
        int i = RecentIds.mix(key) & mask;
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == 0) {
            keys[i] = key;
            size++;
        }
        values[i] = value;
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(size);
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                out.writeLong(keys[i]);
                out.writeInt(values[i]);
            }
        }
    }

    static LongIntMap read(DataInput in, int maxSize) throws IOException {
        LongIntMap map = new LongIntMap();
        int size = StateIo.readCount(in, maxSize);
        for (int n = 0; n < size; n++) {
            long key = in.readLong();
            if (key == 0) {
                throw new IOException("an empty key in a map");
            }
            map.put(key, in.readInt());
        }
        return map;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                put(oldKeys[i], oldValues[i]);
            }
        }
        Arrays.fill(oldKeys, 0); // readers of the old arrays find nothing rather than stale slots
    }
}
