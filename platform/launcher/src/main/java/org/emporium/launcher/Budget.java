package org.emporium.launcher;

/**
 * What one process may use. {@link #pssMb} is what {@code ./emporium status} holds it to (its
 * proportional set size); for a JVM the heap is its {@code -Xmx}. Written in {@link Topology}, one per component; the parts not written there are the
 * defaults below, measured on the services at idle and after load (see docs/architecture).
 *
 * @param heapMb      maximum heap; 0 for a process that is not a JVM
 * @param metaspaceMb maximum metaspace (class metadata): the services load 15-25k classes
 * @param codeCacheMb reserved code cache (JIT-compiled code); full, the JIT stops compiling
 * @param directMb    maximum of direct (off-heap) byte buffers: Netty's and NIO's
 * @param stackKb     stack of each Java thread
 * @param pssMb       what the whole process may hold, as {@code status} measures it
 */
public record Budget(int heapMb, int metaspaceMb, int codeCacheMb, int directMb, int stackKb, int pssMb) {

    static final int METASPACE_MB = 128;
    static final int CODE_CACHE_MB = 64;
    static final int DIRECT_MB = 64;
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
}
