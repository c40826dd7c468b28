package io.clustersim.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clustersim.core.resources.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Agent orders and framework preferences on hand-computed cases. */
class PlacementPolicyTest {
  private record Load(String id, Resources total, Resources offeredOrAllocated)
      implements AgentLoad {}

  private static Resources r(double cpus, double mem) {
    return Resources.scalar("cpus", cpus).plus(Resources.scalar("mem", mem));
  }

  @Test
  void leastLoadedFirstOrdersByTheFullestResourceThenId() {
    // Loads: a max(2/4, 0) = 0.5; b max(0, 3/4) = 0.75; c 0; d 0.5 (ties with a, so by id).
    List<Load> agents =
        new ArrayList<>(
            List.of(
                new Load("d", r(4, 4), r(2, 1)),
                new Load("b", r(4, 4), r(0, 3)),
                new Load("a", r(4, 4), r(2, 0)),
                new Load("c", r(4, 4), Resources.EMPTY)));
    AgentOrder.LEAST_LOADED_FIRST.order(agents, null);
    assertEquals(List.of("c", "a", "d", "b"), agents.stream().map(Load::id).toList());
  }

  @Test
  void packingPrefersTheBestAlignedFittingDemand() {
    // Agent total <8, 8>, free <4, 1>. Alignment = Σ (task/total)·(free/total):
    //   cpu-heavy <4, 1>: (4/8)(4/8) + (1/8)(1/8) = 0.25 + 0.015625 = 0.265625
    //   mem-heavy <1, 4>: does not fit (4 > 1 free mem), so it goes after the fitting ones
    //   small     <1, 1>: (1/8)(4/8) + (1/8)(1/8) = 0.0625 + 0.015625 = 0.078125
    // Sorter order was mem-heavy, small, cpu-heavy, none (no demand).
    List<String> order =
        FrameworkPreference.PACKING.reorder(
            List.of("mem-heavy", "small", "cpu-heavy", "none"),
            r(4, 1),
            r(8, 8),
            Map.of(
                "mem-heavy", List.of(r(1, 4)),
                "small", List.of(r(1, 1)),
                "cpu-heavy", List.of(r(4, 1))));
    assertEquals(List.of("cpu-heavy", "small", "mem-heavy", "none"), order);
    assertEquals(0.265625, FrameworkPreference.alignment(r(4, 1), r(4, 1), r(8, 8)), 1e-12);
  }
}
