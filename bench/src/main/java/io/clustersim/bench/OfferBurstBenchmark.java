package io.clustersim.bench;

import io.clustersim.allocators.HierarchicalAllocator;
import io.clustersim.allocators.Policies;
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
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The trace replay's hot path at the allocator: a framework revives among many suppressed ones
 * (each with its own role, as a replay grouped by user), one allocation run offers it every agent,
 * and it declines them all in one call with the default 5 s filter. One operation is revive + run +
 * batch decline, O(A) in agents; the suppressed frameworks cost nothing per agent.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx4g"})
@State(Scope.Benchmark)
public class OfferBurstBenchmark {
  @Param({"1000", "12500"})
  int agents;

  @Param({"100", "1000"})
  int suppressed;

  private HierarchicalAllocator allocator;
  private final Simulation sim = new Simulation();
  private final List<Allocation> made = new ArrayList<>();

  @Setup
  public void setUp() {
    Resources agentTotal =
        Resources.scalar("cpus", 32)
            .plus(Resources.scalar("mem", 131072))
            .plus(Resources.scalar("disk", 1e6));
    allocator = (HierarchicalAllocator) Policies.create("drf");
    allocator.initialize(
        new AllocatorContext(
            sim,
            new RandomStreams(1, 0).stream("allocator"),
            AllocatorOptions.defaults(),
            (fw, allocations) -> made.addAll(allocations)));
    for (int i = 0; i < agents; i++) {
      allocator.addAgent(new AgentInfo("agent-" + i, Map.of()), agentTotal, Map.of());
    }
    for (int i = 0; i <= suppressed; i++) {
      String id = "user-" + i;
      allocator.addFramework(
          new FrameworkInfo(id, id, null, null, 0, Set.of(), null), Map.of(), true);
      allocator.suppressOffers(id);
    }
  }

  @Benchmark
  public int reviveOfferDecline() {
    allocator.reviveOffers("user-0");
    allocator.allocateNow();
    int n = made.size();
    allocator.recoverResources("user-0", List.copyOf(made), Filters.DEFAULT);
    made.clear();
    // Six seconds on: the periodic runs find every agent filtered, then the filters expire.
    sim.runUntil(sim.now() + 6 * SimTime.SECONDS);
    return n;
  }
}
