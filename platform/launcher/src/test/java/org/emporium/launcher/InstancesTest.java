package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class InstancesTest {

    @Test
    void theFirstCopyKeepsTheServicesNameAndTheOthersAreNumbered() {
        assertThat(Instances.name("catalog", 1)).isEqualTo("catalog");
        assertThat(Instances.name("catalog", 3)).isEqualTo("catalog-3");
        assertThat(Instances.service("catalog-3")).isEqualTo("catalog");
        assertThat(Instances.index("catalog-3")).isEqualTo(3);
        assertThat(Instances.service("catalog")).isEqualTo("catalog");
        assertThat(Instances.index("catalog")).isEqualTo(1);
        // a name that only looks like a copy is taken as it is
        assertThat(Instances.service("kafka-controller")).isEqualTo("kafka-controller");
        assertThat(Instances.service("nothing-2")).isEqualTo("nothing-2");
        assertThat(Instances.index("catalog-1")).isEqualTo(1);
        assertThat(Topology.budget("catalog-2")).isEqualTo(Topology.budget("catalog"));
    }

    @Test
    void countsAreReadWithCommasOrSpacesAndCheckedAgainstTheGraph() {
        assertThat(Instances.parse(List.of("storefront=2,catalog=3", "orders=2")))
                .containsExactly(java.util.Map.entry("storefront", 2), java.util.Map.entry("catalog", 3),
                        java.util.Map.entry("orders", 2));
        assertThatThrownBy(() -> Instances.parse(List.of("catalog"))).hasMessageContaining("<service>=<count>");
        assertThatThrownBy(() -> Instances.parse(List.of("nothing=2"))).hasMessageContaining("nothing cannot be scaled");
        assertThatThrownBy(() -> Instances.parse(List.of("postgres=2"))).hasMessageContaining("cannot be scaled");
        assertThatThrownBy(() -> Instances.parse(List.of("gateway=2"))).hasMessageContaining("cannot be scaled");
        assertThat(Instances.parse(List.of("identity=2"))).containsEntry("identity", 2);
        assertThatThrownBy(() -> Instances.parse(List.of("catalog=0"))).hasMessageContaining("1 to " + Instances.MAX);
        assertThatThrownBy(() -> Instances.parse(List.of("catalog=" + (Instances.MAX + 1)))).hasMessageContaining("1 to ");
        assertThatThrownBy(() -> Instances.parse(List.of("catalog=two"))).hasMessageContaining("'two' is not a number");
    }
}
