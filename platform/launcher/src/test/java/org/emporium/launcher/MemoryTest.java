package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryTest {

    /** A real /proc/<pid>/smaps_rollup of a JVM, shortened. */
    private static final String ROLLUP = """
            55d0c7a3e000-7ffd4b1f3000 ---p 00000000 00:00 0                          [rollup]
            Rss:              209152 kB
            Pss:              183010 kB
            Pss_Dirty:        161224 kB
            Pss_Anon:         158512 kB
            Pss_File:          24498 kB
            Pss_Shmem:             0 kB
            Shared_Clean:      27392 kB
            Shared_Dirty:          0 kB
            Private_Clean:     20536 kB
            Private_Dirty:    161224 kB
            Swap:                  0 kB
            SwapPss:               0 kB
            """;

    @Test
    void readsPssAndRssNotTheirBreakdown() {
        Memory.Usage usage = Memory.parse(ROLLUP);

        assertThat(usage.pssKb()).isEqualTo(183010);
        assertThat(usage.rssKb()).isEqualTo(209152);
        assertThat(usage.pssMb()).isEqualTo(178);
    }

    @Test
    void aProcessThatIsGoneHoldsNothing() {
        assertThat(Memory.of(Long.MAX_VALUE)).isEqualTo(Memory.Usage.NONE);
        assertThat(Memory.tree(Long.MAX_VALUE)).isEqualTo(Memory.Usage.NONE);
    }

    @Test
    void aTreeAddsItsChildrenToTheProcess() throws Exception {
        Process shell = new ProcessBuilder("sh", "-c", "sleep 30 & wait").start();
        try {
            ProcessHandle sleep = null;
            for (int i = 0; i < 100 && sleep == null; i++) {
                sleep = shell.toHandle().children().findFirst().orElse(null);
                Thread.sleep(20);
            }
            assertThat(sleep).as("the shell's child").isNotNull();

            assertThat(Memory.of(sleep.pid()).pssKb()).isPositive();
            // PSS divides shared pages among the processes using them, so it moves whenever any
            // process on the machine maps or unmaps the same library (failed CI once: 543 against
            // 541 kB): compare with the sum read just before and just after, once the two agree
            long before;
            long tree;
            long after;
            int tries = 0;
            do {
                before = Memory.of(shell.pid()).pssKb() + Memory.of(sleep.pid()).pssKb();
                tree = Memory.tree(shell.pid()).pssKb();
                after = Memory.of(shell.pid()).pssKb() + Memory.of(sleep.pid()).pssKb();
            } while (before != after && ++tries < 100);
            assertThat(before).as("the sum stayed still for one reading").isEqualTo(after);
            assertThat(tree).isEqualTo(before);
        } finally {
            shell.toHandle().descendants().forEach(ProcessHandle::destroy);
            shell.destroy();
        }
    }
}
