package org.emporium.recommendations.domain;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * One shopper: the last {@value ModelSettings#RECENT_ITEMS} distinct items interacted with (oldest
 * first; a repeat moves to the end keeping its strongest signal), the start of the current session,
 * the latest cart, and decayed category and brand affinities (a few of each, weakest replaced).
 */
final class Profile {

    static final int AFFINITIES = 8;
    private static final int MAX = ModelSettings.RECENT_ITEMS;

    int[] items = new int[4];
    byte[] signals = new byte[4];
    long[] times = new long[4];
    int size;
    long sessionStart = Long.MIN_VALUE;
    long lastTime = Long.MIN_VALUE;
    /** The latest cart's key ({@link RecentIds#key}), 0 for none. */
    long cartKey;
    final Affinities categories = new Affinities();
    final Affinities brands = new Affinities();

    /** Records an interaction; returns nothing, the caller pairs with {@link #sessionItems} first. */
    void remember(int item, Signal signal, long time) {
        int at = indexOf(item);
        byte strongest = (byte) signal.ordinal();
        if (at >= 0) {
            strongest = (byte) Math.max(strongest, signals[at]);
            System.arraycopy(items, at + 1, items, at, size - at - 1);
            System.arraycopy(signals, at + 1, signals, at, size - at - 1);
            System.arraycopy(times, at + 1, times, at, size - at - 1);
            size--;
        } else if (size == MAX) {
            System.arraycopy(items, 1, items, 0, MAX - 1);
            System.arraycopy(signals, 1, signals, 0, MAX - 1);
            System.arraycopy(times, 1, times, 0, MAX - 1);
            size--;
        } else if (size == items.length) {
            int grown = Math.min(MAX, size * 2);
            items = Arrays.copyOf(items, grown);
            signals = Arrays.copyOf(signals, grown);
            times = Arrays.copyOf(times, grown);
        }
        items[size] = item;
        signals[size] = strongest;
        times[size] = time;
        size++;
    }

    /** Moves the session on: an interaction at {@code time} after a gap of at least {@code gap} starts a new one. */
    void touch(long time, long gap) {
        if (lastTime == Long.MIN_VALUE || time - lastTime >= gap) {
            sessionStart = time;
        }
        lastTime = Math.max(lastTime, time);
    }

    boolean inSession(int index) {
        return times[index] >= sessionStart;
    }

    int indexOf(int item) {
        for (int i = 0; i < size; i++) {
            if (items[i] == item) {
                return i;
            }
        }
        return -1;
    }

    void rescale(float factor) {
        categories.rescale(factor);
        brands.rescale(factor);
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            out.writeInt(items[i]);
            out.writeByte(signals[i]);
            out.writeLong(times[i]);
        }
        out.writeLong(sessionStart);
        out.writeLong(lastTime);
        out.writeLong(cartKey);
        categories.write(out);
        brands.write(out);
    }

    static Profile read(DataInput in) throws IOException {
        Profile profile = new Profile();
        int size = StateIo.readCount(in, MAX);
        int length = Math.max(size, profile.items.length);
        profile.items = new int[length];
        profile.signals = new byte[length];
        profile.times = new long[length];
        for (int i = 0; i < size; i++) {
            profile.items[i] = in.readInt();
            profile.signals[i] = in.readByte();
            profile.times[i] = in.readLong();
        }
        profile.size = size;
        profile.sessionStart = in.readLong();
        profile.lastTime = in.readLong();
        profile.cartKey = in.readLong();
        profile.categories.read(in);
        profile.brands.read(in);
        return profile;
    }

    /** A handful of (key, decayed score) pairs; a new key replaces the weakest when full. */
    static final class Affinities {
        int[] keys = new int[1];
        float[] scores = new float[1];
        int count;

        void add(int key, float weight) {
            if (key < 0) {
                return;
            }
            for (int i = 0; i < count; i++) {
                if (keys[i] == key) {
                    scores[i] += weight;
                    return;
                }
            }
            int at = count;
            if (count == keys.length && count < AFFINITIES) {
                keys = Arrays.copyOf(keys, Math.min(AFFINITIES, count * 2));
                scores = Arrays.copyOf(scores, keys.length);
            }
            if (count == AFFINITIES) {
                at = 0;
                for (int i = 1; i < count; i++) {
                    if (scores[i] < scores[at]) {
                        at = i;
                    }
                }
                if (scores[at] >= weight) {
                    return;
                }
            } else {
                count++;
            }
            keys[at] = key;
            scores[at] = weight;
        }

        float get(int key) {
            for (int i = 0; i < count; i++) {
                if (keys[i] == key) {
                    return scores[i];
                }
            }
            return 0;
        }

        float max() {
            float max = 0;
            for (int i = 0; i < count; i++) {
                max = Math.max(max, scores[i]);
            }
            return max;
        }

        /** The keys, strongest first. */
        int[] ranked() {
            long[] order = new long[count];
            for (int i = 0; i < count; i++) {
                order[i] = ((long) Float.floatToIntBits(scores[i]) << 32) | i;
            }
            Arrays.sort(order);
            int[] ranked = new int[count];
            for (int i = 0; i < count; i++) {
                ranked[i] = keys[(int) order[count - 1 - i]];
            }
            return ranked;
        }

        void rescale(float factor) {
            for (int i = 0; i < count; i++) {
                scores[i] *= factor;
            }
        }

        void write(DataOutput out) throws IOException {
            out.writeInt(count);
            StateIo.writeInts(out, keys, count);
            StateIo.writeFloats(out, scores, count);
        }

        /** Into an empty one: the same keys and scores in the same order (which breaks ties). */
        void read(DataInput in) throws IOException {
            count = StateIo.readCount(in, AFFINITIES);
            int length = Math.max(count, keys.length);
            keys = StateIo.readInts(in, count, length);
            scores = StateIo.readFloats(in, count, length);
        }
    }
}
