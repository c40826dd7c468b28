package io.clustersim.allocators.sorter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clustersim.core.allocator.AllocatorOptions;
import io.clustersim.core.resources.Resources;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The role sorter as a tree, after Mesos's sorter tests (NestedRoleDRF, virtual leaves). */
class HierarchicalSorterTest {
  private static FairShareSorter tree(String... clients) {
    FairShareSorter s = new FairShareSorter(AllocatorOptions.defaults(), Share.DOMINANT, true);
    s.addTotal(Resources.scalar("cpus", 100));
    for (String c : clients) {
      s.add(c);
    }
    return s;
  }

  private static Resources cpus(double n) {
    return Resources.scalar("cpus", n);
  }

  @Test
  void aSubtreeWithALowerShareComesBeforeEveryLeafOfAHigherOne() {
    // a/x holds 10 and a/y 1: subtree a holds 11. b holds 5. b (0.05) < a (0.11), so b comes
    // before both leaves of a, even though a/y alone (0.01) is lower than b.
    FairShareSorter s = tree("a/x", "a/y", "b");
    s.allocated("a/x", cpus(10));
    s.allocated("a/y", cpus(1));
    s.allocated("b", cpus(5));
    assertEquals(List.of("b", "a/y", "a/x"), s.sort());
  }

  @Test
  void aWeightOnAPathAppliesToItsWholeSubtree() {
    // Same holdings; weight 3 on a makes it 0.11 / 3 ≈ 0.037 < b's 0.05: a's leaves come first.
    FairShareSorter s = tree("a/x", "a/y", "b");
    s.allocated("a/x", cpus(10));
    s.allocated("a/y", cpus(1));
    s.allocated("b", cpus(5));
    s.updateWeight("a", 3);
    assertEquals(List.of("a/y", "a/x", "b"), s.sort());
  }

  @Test
  void aRoleWithSubRolesIsAVirtualLeafBesideThem() {
    // d holds 2 itself and d/e holds 3; subtree d holds 5 against f's 4: f first. Inside d, the
    // virtual leaf for d itself (2) comes before d/e (3).
    FairShareSorter s = tree("d", "d/e", "f");
    s.allocated("d", cpus(2));
    s.allocated("d/e", cpus(3));
    s.allocated("f", cpus(4));
    assertEquals(List.of("f", "d", "d/e"), s.sort());
    assertEquals(cpus(2), s.allocation("d"));
  }

  @Test
  void inactiveLeavesStillCountInTheirAncestorsShares() {
    // a/x is inactive but its 10 still make subtree a heavier than b's 5.
    FairShareSorter s = tree("a/x", "a/y", "b");
    s.allocated("a/x", cpus(10));
    s.allocated("b", cpus(5));
    s.deactivate("a/x");
    assertEquals(List.of("b", "a/y"), s.sort());
  }

  @Test
  void removingTheLastLeafOfASubtreeRemovesItsAllocationFromTheAncestors() {
    FairShareSorter s = tree("a/x", "a/y", "b");
    s.allocated("a/x", cpus(10));
    s.allocated("b", cpus(5));
    s.remove("a/x");
    // a now holds nothing: a/y (0) before b (0.05).
    assertEquals(List.of("a/y", "b"), s.sort());
    s.remove("a/y");
    assertEquals(List.of("b"), s.sort());
    s.add("a/z");
    assertEquals(List.of("a/z", "b"), s.sort());
  }

  @Test
  void aFlatSorterDoesNotSplitNames() {
    FairShareSorter s = new FairShareSorter(AllocatorOptions.defaults(), Share.DOMINANT);
    s.addTotal(cpus(10));
    s.add("x/1");
    s.add("x/2");
    s.allocated("x/1", cpus(1));
    assertEquals(List.of("x/2", "x/1"), s.sort());
  }
}
