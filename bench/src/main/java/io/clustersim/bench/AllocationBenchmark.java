package io.clustersim.bench;

import io.clustersim.allocators.HierarchicalAllocator;
import io.clustersim.allocators.Policies;
import io.clustersim.core.allocator.Allocation;
import io.clustersim.core.allocator.AllocatorContext;
import io.clustersim.core.allocator.AllocatorOptions;
import io.clustersim.core.allocator.Quota;
import io.clustersim.core.allocator.RoleConfig;
import io.clustersim.core.cluster.AgentInfo;
import io.clustersim.core.framework.Filters;
import io.clustersim.core.framework.FrameworkInfo;
import io.clustersim.core.kernel.RandomStreams;
import io.clustersim.core.kernel.SimTime;
import io.clustersim.core.kernel.Simulation;
import io.clustersim.core.resources.Resources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One batch allocation run of the {@code drf} allocator over every agent, in the shapes of Mesos's
 * allocator benchmarks: all frameworks in one role; either nothing filtered (every agent is offered
 * whole to one framework, and the offers are recovered between runs), or every framework has
 * declined every agent with a long filter (Mesos's {@code DeclineOffers} shape: the run offers
 * nothing but must check every pair: {@code declined} is the steady state, where the allocator
 * remembers that an agent had nothing to offer, {@code declined-cold} the first run after a
 * framework change, which checks every pair). With quota on, the role has a guarantee of 1 CPU and
 * a limit above the cluster, so the same allocations go through both of the allocator's stages.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx14g"})
@State(Scope.Benchmark)
public class AllocationBenchmark {
  @Param({"1000x100", "5000x500", "10000x1000", "20000x2000"})
  String size;

  @Param({"none", "declined", "declined-cold"})
  String filters;

  @Param({"off", "on"})
  String quota;

  private HierarchicalAllocator allocator;
  private final List<Allocation> made = new ArrayList<>();
  private final List<String> madeBy = new ArrayList<>();

  @Setup(Level.Trial)
  public void setUp() {
    String[] dims = size.split("x");
    int agents = Integer.parseInt(dims[0]);
    int frameworks = Integer.parseInt(dims[1]);
    Resources agentTotal =
        Resources.scalar("cpus", 32)
            .plus(Resources.scalar("mem", 131072))
            .plus(Resources.scalar("disk", 1e6));
    List<RoleConfig> roles = List.of();
    if (quota.equals("on")) {
      Resources limit = Resources.scalar("cpus", 64.0 * agents);
      roles = List.of(new RoleConfig("r", 1, new Quota(Resources.scalar("cpus", 1), limit)));
    }
    AllocatorOptions d = AllocatorOptions.defaults();
    AllocatorOptions options =
        new AllocatorOptions(
            d.allocationIntervalMicros(), d.minAllocatable(), roles, List.of(), true, d.slot());
    Simulation sim = new Simulation();
    allocator = (HierarchicalAllocator) Policies.create("drf");
    allocator.initialize(
        new AllocatorContext(
            sim,
            new RandomStreams(1, 0).stream("allocator"),
            options,
            (fw, allocations) -> {
              for (Allocation a : allocations) {
                made.add(a);
                madeBy.add(fw);
              }
            }));
    for (int i = 0; i < agents; i++) {
      allocator.addAgent(new AgentInfo("agent-" + i, Map.of()), agentTotal, Map.of());
    }
    if (filters.equals("none")) {
      for (int i = 0; i < frameworks; i++) {
        allocator.addFramework(info(i), Map.of(), true);
      }
      return;
    }
    // Every framework declines every agent with a long filter. Each framework is added holding
    // every agent whole (as after a master failover) and gives each agent back with the filter.
    Map<String, Resources> everything = new LinkedHashMap<>();
    for (int a = 0; a < agents; a++) {
      everything.put("agent-" + a, agentTotal);
    }
    Filters longFilter = new Filters(365L * 24 * 3600 * SimTime.SECONDS);
    for (int i = 0; i < frameworks; i++) {
      allocator.addFramework(info(i), everything, false);
      for (int a = 0; a < agents; a++) {
        allocator.recoverResources("fw-" + i, "agent-" + a, agentTotal, longFilter);
      }
      allocator.activateFramework("fw-" + i);
    }
  }

  private static FrameworkInfo info(int i) {
    return new FrameworkInfo("fw-" + i, "r", null, null, 0, Set.of(), null);
  }

  private void recover(Filters filter) {
    for (int i = 0; i < made.size(); i++) {
      Allocation a = made.get(i);
      allocator.recoverResources(madeBy.get(i), a.agentId(), a.resources(), filter);
    }
    made.clear();
    madeBy.clear();
  }

  /**
   * Gives back what the previous run offered, unfiltered, so each run sees the same cluster. In the
   * cold shape, also makes the allocator forget which agents had nothing to offer (activating an
   * active framework changes nothing else), so the run checks every (framework, agent) pair.
   */
  @Setup(Level.Invocation)
  public void recoverOffers() {
    recover(null);
    if (filters.equals("declined-cold")) {
      allocator.activateFramework("fw-0");
    }
  }

  @Benchmark
  public int allocationRun() {
    allocator.allocateNow();
    return made.size();
  }
}
