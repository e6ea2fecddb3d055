package org.emporium.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one process may use. {@link #pssMb} is what {@code ./emporium status} holds it to (its
 * proportional set size); for a JVM every other part becomes a flag, so the JVM itself stays
 * within it: heap ({@code -Xmx}), metaspace, code cache, direct buffers and the stack of each
 * thread. Written in {@link Topology}, one per component; the parts not written there are the
 * defaults below, measured on the services at idle and after load (see docs/architecture).
 *
 * @param heapMb      maximum heap; 0 for a process that is not a JVM
 * @param metaspaceMb maximum metaspace (class metadata not in a start-up archive)
 * @param codeCacheMb reserved code cache (JIT-compiled code); full, the JIT stops compiling
 * @param directMb    maximum of direct (off-heap) byte buffers: Netty's and NIO's
 * @param stackKb     stack of each Java thread
 * @param pssMb       what the whole process may hold, as {@code status} measures it
 */
public record Budget(int heapMb, int metaspaceMb, int codeCacheMb, int directMb, int stackKb, int pssMb) {

    /** Three times what the JVMs use at idle (14-43 MB): more classes load under load, or without a start-up archive. */
    static final int METASPACE_MB = 128;
    /**
     * Half the JDK's default: 12-19 MB at idle, growing as C2 compiles the hot paths under load; a
     * full code cache stops the JIT (and throughput with it), so it is generous. Only what is used
     * is resident.
     */
    static final int CODE_CACHE_MB = 128;
    /** Netty's pooled buffers (Vert.x, Reactor Netty, Armeria) and NIO's; almost none at idle. */
    static final int DIRECT_MB = 64;
    /** The JDK's default is 1 MB; no service recurses deeply. */
    static final int STACK_KB = 512;

    /** A JVM with this maximum heap and the default non-heap parts; give it its {@link #pss} too. */
    public static Budget heap(int heapMb) {
        return new Budget(heapMb, METASPACE_MB, CODE_CACHE_MB, DIRECT_MB, STACK_KB, 0);
    }

    /** A process that is not a JVM (Postgres, Redis): only its total is held. */
    public static Budget process(int pssMb) {
        return new Budget(0, 0, 0, 0, 0, pssMb);
    }

    public Budget metaspace(int mb) {
        return new Budget(heapMb, mb, codeCacheMb, directMb, stackKb, pssMb);
    }

    public Budget codeCache(int mb) {
        return new Budget(heapMb, metaspaceMb, mb, directMb, stackKb, pssMb);
    }

    public Budget direct(int mb) {
        return new Budget(heapMb, metaspaceMb, codeCacheMb, mb, stackKb, pssMb);
    }

    public Budget pss(int mb) {
        return new Budget(heapMb, metaspaceMb, codeCacheMb, directMb, stackKb, mb);
    }

    public boolean isJvm() {
        return heapMb > 0;
    }

    /** The JVM flags that keep the process within the budget; none for a process that is not a JVM. */
    public List<String> jvmFlags() {
        return jvmFlags(Runtime.version());
    }

    /** The same for a JVM of the given version (the images' JDK, for the Kubernetes manifests). */
    public List<String> jvmFlags(Runtime.Version java) {
        if (!isJvm()) {
            return List.of();
        }
        List<String> flags = new ArrayList<>(List.of(
                "-Xmx" + heapMb + "m",
                "-XX:MaxMetaspaceSize=" + metaspaceMb + "m",
                "-XX:ReservedCodeCacheSize=" + codeCacheMb + "m",
                "-XX:MaxDirectMemorySize=" + directMb + "m",
                "-Xss" + stackKb + "k"));
        flags.addAll(IDLE);
        flags.addAll(trimNativeHeap(java));
        return flags;
    }

    /**
     * What a JVM holds beyond its heap at most, as measured under load: metaspace (40-60 MB),
     * compiled code (20-50 MB), direct buffers, thread stacks, and the collector's and JIT's own
     * memory. A container limit below heap plus this is a kill by the kernel under load (the
     * recommendations model, replaying its history, was killed so with a limit of 1.5 × its PSS).
     */
    static final int NON_HEAP_MB = 160;

    /**
     * The memory limit of a container running this process: half as much again as its budget,
     * since the kernel counts resident pages (shared ones in full), and at least the heap's maximum
     * plus {@link #NON_HEAP_MB}; rounded up to 16 MB.
     */
    public int containerLimitMb() {
        int limit = Math.max(pssMb * 3 / 2, heapMb > 0 ? heapMb + NON_HEAP_MB : 0);
        return (limit + 15) / 16 * 16;
    }

    /**
     * {@link #jvmFlags(Runtime.Version)} for a container: the heap as the same share of the
     * container's memory limit ({@code -XX:MaxRAMPercentage}) instead of a fixed {@code -Xmx}, so a
     * larger limit set in an overlay gives a larger heap without other changes.
     */
    public List<String> containerJvmFlags(Runtime.Version java) {
        return jvmFlags(java).stream().map(flag -> flag.startsWith("-Xmx")
                ? String.format(Locale.ROOT, "-XX:MaxRAMPercentage=%.1f", heapMb * 100.0 / containerLimitMb())
                : flag).toList();
    }

    /**
     * A heap that starts small and gives memory back at once. SerialGC resizes its heap after a
     * collection to keep between Min- and MaxHeapFreeRatio (40 and 70 %) of it free, and its young
     * generation is a third of it. Those ratios stay the JDK's: 10 and 30 % (a heap at most a tenth
     * over what is live) saved 160 MB of PSS at idle but kept the young generation so small under
     * load that requests in flight were promoted and collected as old: the product page's plateau
     * fell from 1,050-1,080 to 650-700 requests/s (2-core machine, 2026-12-05). The heap never
     * shrinks below its initial size, so that is small; the shrinking happens at once rather than
     * a step per collection.
     */
    private static final List<String> IDLE = List.of("-Xms16m", "-XX:-ShrinkHeapInSteps");

    /**
     * The C heap trimmed every 10 s: the JIT compilers' arenas are freed once start-up is over, but
     * glibc's malloc keeps the memory. A product flag from JDK 21.0.4 (an unknown one stops the JVM).
     */
    static List<String> trimNativeHeap(Runtime.Version java) {
        return java.compareToIgnoreOptional(Runtime.Version.parse("21.0.4")) >= 0
                ? List.of("-XX:TrimNativeHeapInterval=10000") : List.of();
    }
}
