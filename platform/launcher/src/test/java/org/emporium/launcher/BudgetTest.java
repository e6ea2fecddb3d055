package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BudgetTest {

    @Test
    void everyPartOfAJvmsBudgetBecomesAFlag() {
        Budget budget = Budget.heap(96).metaspace(80).codeCache(40).direct(16).pss(150);

        assertThat(budget.jvmFlags()).startsWith("-Xmx96m", "-XX:MaxMetaspaceSize=80m", "-XX:ReservedCodeCacheSize=40m",
                "-XX:MaxDirectMemorySize=16m", "-Xss" + Budget.STACK_KB + "k");
        assertThat(budget.pssMb()).isEqualTo(150);
    }

    @Test
    void aHeapStartsSmallAndKeepsTheJdksRoomForGarbage() {
        assertThat(Budget.heap(128).jvmFlags()).contains("-Xms16m", "-XX:-ShrinkHeapInSteps")
                .noneMatch(flag -> flag.contains("HeapFreeRatio"));
    }

    @Test
    void trimsTheCHeapOnlyWhereTheFlagIsAProductOne() {
        assertThat(Budget.trimNativeHeap(Runtime.Version.parse("25.0.1"))).containsExactly("-XX:TrimNativeHeapInterval=10000");
        assertThat(Budget.trimNativeHeap(Runtime.Version.parse("21.0.4+7"))).isNotEmpty();
        assertThat(Budget.trimNativeHeap(Runtime.Version.parse("21.0.2"))).isEmpty();
    }

    @Test
    void aProcessThatIsNoJvmGetsNoFlags() {
        assertThat(Budget.process(100).jvmFlags()).isEmpty();
        assertThat(Budget.process(100).isJvm()).isFalse();
    }
}
