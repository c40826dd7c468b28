package io.clustersim.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clustersim.core.allocator.Allocation;
import io.clustersim.core.allocator.AllocatorContext;
import io.clustersim.core.allocator.AllocatorOptions;
import io.clustersim.core.cluster.AgentInfo;
import io.clustersim.core.framework.Filters;
import io.clustersim.core.framework.FrameworkInfo;
import io.clustersim.core.kernel.RandomStreams;
import io.clustersim.core.kernel.SimTime;
import io.clustersim.core.kernel.Simulation;
import io.clustersim.core.resources.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Refusal filters are dropped once expired, as Mesos's expiry timers do, even for a framework that
 * is never offered the agents again: what the allocator keeps follows the live filters, not the
 * history of declines.
 */
class FilterExpiryTest {
  private final Simulation sim = new Simulation();
  private final List<Allocation> offered = new ArrayList<>();
  private final HierarchicalAllocator allocator = (HierarchicalAllocator) Policies.create("drf");

  FilterExpiryTest() {
    allocator.initialize(
        new AllocatorContext(
            sim,
            new RandomStreams(1, 0).stream("allocator"),
            AllocatorOptions.defaults(),
            (fw, allocations) -> offered.addAll(allocations)));
    for (int i = 0; i < 3; i++) {
      allocator.addAgent(new AgentInfo("a-" + i, Map.of()), Resources.scalar("cpus", 4), Map.of());
    }
  }

  private void framework(String id) {
    allocator.addFramework(
        new FrameworkInfo(id, "*", null, null, 0, Set.of(), null), Map.of(), true);
  }

  @Test
  void aDeclinedBatchsFiltersLastTheirTimeThenGo() {
    framework("f");
    allocator.allocateNow();
    assertEquals(3, offered.size());
    // Declined at 0 s with a 5 s filter, then suppressed: f is never offered these agents again,
    // so no allocation run ever checks its filters.
    allocator.recoverResources("f", List.copyOf(offered), Filters.refuseSeconds(5));
    allocator.suppressOffers("f");
    sim.runUntil(3 * SimTime.SECONDS);
    assertEquals(3, allocator.filtersHeld());
    // A filter counts up to its expiry instant inclusive (5 s); the run after it drops it.
    sim.runUntil(7 * SimTime.SECONDS);
    assertEquals(0, allocator.filtersHeld());
  }

  @Test
  void aRemovedFrameworksFiltersGoWithoutTouchingTheNextOneInItsSlot() {
    framework("f");
    allocator.allocateNow();
    allocator.recoverResources("f", List.copyOf(offered), Filters.refuseSeconds(5));
    allocator.removeFramework("f");
    offered.clear();
    framework("g"); // takes f's slot in every agent's filter table
    sim.runUntil(2 * SimTime.SECONDS);
    assertEquals(3, offered.size(), "f's filters do not hold g back");
    allocator.recoverResources("g", List.copyOf(offered), Filters.refuseSeconds(60));
    allocator.suppressOffers("g");
    // f's batch expires at 5 s; g's filters, in the same slots, live until 62 s.
    sim.runUntil(10 * SimTime.SECONDS);
    assertEquals(3, allocator.filtersHeld());
    sim.runUntil(64 * SimTime.SECONDS);
    assertEquals(0, allocator.filtersHeld());
  }
}
