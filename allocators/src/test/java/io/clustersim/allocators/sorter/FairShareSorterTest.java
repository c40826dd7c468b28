package io.clustersim.allocators.sorter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clustersim.core.allocator.AllocatorOptions;
import io.clustersim.core.resources.Resources;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DRF order (Share.DOMINANT): share / weight, then allocation count, then name (Mesos's
 * compareDRF).
 */
class FairShareSorterTest {
  private static Resources r(double cpus, double mem) {
    return Resources.scalar("cpus", cpus).plus(Resources.scalar("mem", mem));
  }

  private static FairShareSorter sorter(Resources pool, String... clients) {
    FairShareSorter s = new FairShareSorter(AllocatorOptions.defaults(), Share.DOMINANT);
    s.addTotal(pool);
    for (String c : clients) {
      s.add(c);
    }
    return s;
  }

  @Test
  void lowerDominantShareComesFirst() {
    // Pool <10, 100>: x holds <5, 10> → max(0.5, 0.1) = 0.5; y holds <1, 20> → max(0.1, 0.2) = 0.2.
    FairShareSorter s = sorter(r(10, 100), "x", "y");
    s.allocated("x", r(5, 10));
    s.allocated("y", r(1, 20));
    assertEquals(List.of("y", "x"), s.sort());
    assertEquals(0.5, s.share("x"), 1e-12);
  }

  @Test
  void theDominantResourceDependsOnThePool() {
    // The semantics doc's example: pool <100, 100>, x <5, 10> → 0.1, y <1, 20> → 0.2: x first.
    FairShareSorter s = sorter(r(100, 100), "x", "y");
    s.allocated("x", r(5, 10));
    s.allocated("y", r(1, 20));
    assertEquals(List.of("x", "y"), s.sort());
  }

  @Test
  void equalSharesBreakByAllocationCountThenName() {
    FairShareSorter s = sorter(r(10, 100), "b", "a", "c");
    // All at share 0 with no allocations: by name.
    assertEquals(List.of("a", "b", "c"), s.sort());
    // a receives and returns an offer: share 0 again but one allocation more, so it goes last.
    s.allocated("a", r(1, 1));
    s.unallocated("a", r(1, 1));
    assertEquals(List.of("b", "c", "a"), s.sort());
  }

  @Test
  void weightsDivideShares() {
    // x <4, 0> of <10, 100> = 0.4 with weight 2 → 0.2; y <3, 0> = 0.3 with weight 1.
    FairShareSorter s = sorter(r(10, 100), "x", "y");
    s.updateWeight("x", 2);
    s.allocated("x", r(4, 0));
    s.allocated("y", r(3, 0));
    assertEquals(List.of("x", "y"), s.sort());
  }

  @Test
  void inactiveClientsAreLeftOutButKeepTheirAllocation() {
    FairShareSorter s = sorter(r(10, 100), "x", "y");
    s.allocated("x", r(1, 0));
    s.deactivate("x");
    assertEquals(List.of("y"), s.sort());
    assertEquals(r(1, 0), s.allocation("x"));
    s.activate("x");
    assertEquals(List.of("y", "x"), s.sort());
  }

  @Test
  void aGrowingPoolReordersClients() {
    // Pool <10, 100>: x <2, 0> → 0.2, y <0, 30> → 0.3: x first. Adding <0, 200> makes the pool
    // <10, 300>: y → 0.1, so y comes first.
    FairShareSorter s = sorter(r(10, 100), "x", "y");
    s.allocated("x", r(2, 0));
    s.allocated("y", r(0, 30));
    assertEquals(List.of("x", "y"), s.sort());
    s.addTotal(Resources.scalar("mem", 200));
    assertEquals(List.of("y", "x"), s.sort());
    s.removeTotal(Resources.scalar("mem", 200));
    assertEquals(List.of("x", "y"), s.sort());
  }

  @Test
  void excludedResourcesDoNotCount() {
    // gpus excluded: x's 1 of 1 gpu does not make its share 1.
    FairShareSorter s =
        new FairShareSorter(
            new AllocatorOptions(1, List.of(), List.of(), List.of("gpus"), true, Resources.EMPTY),
            Share.DOMINANT);
    s.addTotal(r(10, 100).plus(Resources.scalar("gpus", 1)));
    s.add("x");
    s.add("y");
    s.allocated("x", r(1, 0).plus(Resources.scalar("gpus", 1)));
    s.allocated("y", r(2, 0));
    assertEquals(List.of("x", "y"), s.sort());
    assertEquals(0.1, s.share("x"), 1e-12);
  }

  @Test
  void rangesNeverCount() {
    FairShareSorter s = sorter(r(10, 100), "x");
    s.allocated("x", Resources.fromMap(Map.of("ports", "31000-31999")));
    assertEquals(0.0, s.share("x"));
  }

  @Test
  void lazyOrderMatchesTheSnapshotWhileItsClientsReceiveAllocations() {
    // Walk the lazy order, giving every second client returned an allocation that moves it to the
    // end; the clients returned must be exactly the snapshot taken before, once each.
    FairShareSorter s = sorter(r(100, 1000), "a", "b", "c", "d", "e", "f");
    s.allocated("c", r(1, 0));
    s.allocated("e", r(2, 0));
    List<String> snapshot = s.sort();
    List<String> walked = new java.util.ArrayList<>();
    int i = 0;
    for (String client : s.ordered()) {
      walked.add(client);
      if (i++ % 2 == 0) {
        s.allocated(client, r(10, 0));
      }
    }
    assertEquals(snapshot, walked);
    assertEquals(
        List.of("b", "d", "f", "c", "e", "a"),
        snapshot.isEmpty() ? null : List.of("b", "d", "f", "c", "e", "a"));
  }
}
