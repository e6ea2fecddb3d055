package org.emporium.recommendations.domain;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The primitives of the model's binary state (see {@link RecommendationModel#write}): nullable
 * strings as UTF-8 bytes with their length (no 64 KB limit), and counts checked against what the
 * settings allow, so a damaged state fails to read instead of allocating wildly.
 */
final class StateIo {

    /** Longer strings are not in any event the model keeps (names, URLs, ids are far shorter). */
    private static final int MAX_STRING_BYTES = 1 << 20;

    private StateIo() {
    }

    static void writeString(DataOutput out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInput in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        byte[] bytes = new byte[count(length, MAX_STRING_BYTES)];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static int readCount(DataInput in, int max) throws IOException {
        return count(in.readInt(), max);
    }

    static int count(int count, int max) throws IOException {
        if (count < 0 || count > max) {
            throw new IOException("a count of " + count + " where at most " + max + " fit");
        }
        return count;
    }

    static void writeInts(DataOutput out, int[] values, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            out.writeInt(values[i]);
        }
    }

    static int[] readInts(DataInput in, int count, int length) throws IOException {
        int[] values = new int[length];
        for (int i = 0; i < count; i++) {
            values[i] = in.readInt();
        }
        return values;
    }

    static void writeFloats(DataOutput out, float[] values, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            out.writeFloat(values[i]);
        }
    }

    static float[] readFloats(DataInput in, int count, int length) throws IOException {
        float[] values = new float[length];
        for (int i = 0; i < count; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }
}
