package io.clustersim.allocators.sorter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clustersim.core.resources.Resources;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The share measures on hand-computed cases. Pool: 9 CPUs, 18 GB (the DRF paper's cluster). */
class ShareTest {
  private static final SortedMap<String, Long> POOL =
      new TreeMap<>(java.util.Map.of("cpus", 9_000L, "mem", 18_000L));

  private static Resources r(double cpus, double mem) {
    return Resources.scalar("cpus", cpus).plus(Resources.scalar("mem", mem));
  }

  @Test
  void dominantShareIsTheLargestFraction() {
    // <3 CPU, 1 GB>: max(3/9, 1/18) = 1/3.
    assertEquals(1.0 / 3, Share.DOMINANT.of(r(3, 1), POOL, List.of()), 1e-12);
  }

  @Test
  void assetShareIsTheSumOfFractions() {
    // <3 CPU, 1 GB>: 3/9 + 1/18 = 7/18; <1 CPU, 4 GB>: 1/9 + 4/18 = 1/3.
    assertEquals(7.0 / 18, Share.ASSET.of(r(3, 1), POOL, List.of()), 1e-12);
    assertEquals(1.0 / 3, Share.ASSET.of(r(1, 4), POOL, List.of()), 1e-12);
    // Excluding mem leaves only the CPU fraction.
    assertEquals(1.0 / 3, Share.ASSET.of(r(3, 1), POOL, List.of("mem")), 1e-12);
  }

  @Test
  void slotShareCountsWholeSlotsOfTheScarcestKind() {
    // Slots of <1 CPU, 2 GB>: the pool holds min(9/1, 18/2) = 9 slots. <1 CPU, 4 GB> occupies
    // max(ceil(1/1), ceil(4/2)) = 2 slots → 2/9; <2.5 CPU, 1 GB> occupies ceil(2.5) = 3 → 3/9.
    Share slots = Share.slots(r(1, 2));
    assertEquals(2.0 / 9, slots.of(r(1, 4), POOL, List.of()), 1e-12);
    assertEquals(3.0 / 9, slots.of(r(2.5, 1), POOL, List.of()), 1e-12);
    assertEquals(0.0, slots.of(Resources.EMPTY, POOL, List.of()), 0);
  }
}
