package io.clustersim.bench;

import io.clustersim.core.gpu.GpuNode;
import io.clustersim.core.gpu.GpuRequest;
import io.clustersim.core.gpu.TaskMix;
import io.clustersim.workloads.placement.PlacementContext;
import io.clustersim.workloads.placement.TaskPlacement;
import io.clustersim.workloads.placement.TaskPlacements;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
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
 * One GPU placement decision: a pod placed among offers from every node of a cluster the size of
 * the Alibaba GPU 2023 node list (1,523 nodes, 8 GPUs each, partly used), under each strategy,
 * against a task mix of ten shapes. This is the per-arrival cost of {@code --group-by none}
 * replays; the cost is O(candidates) for the simple strategies and O(candidates × devices × typical
 * shapes × devices) for fgd.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class PlacementBenchmark {
  @Param({"first-fit", "best-fit", "dot-product", "gpu-packing", "gpu-clustering", "fgd"})
  String strategy;

  @Param({"1523"})
  int nodes;

  private TaskPlacement placement;
  private List<TaskPlacement.Candidate> candidates;
  private PlacementContext context;
  private GpuRequest task;

  @Setup
  public void setUp() {
    placement = TaskPlacements.get(strategy);
    SplittableRandom random = new SplittableRandom(1);
    candidates = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      int[] free = new int[8];
      for (int d = 0; d < 8; d++) {
        free[d] = random.nextInt(4) == 0 ? random.nextInt(11) * 100 : 1000;
      }
      candidates.add(new TaskPlacement.Candidate(i, "node-" + i, new GpuNode(64000, free, "V100")));
    }
    TaskMix mix = new TaskMix();
    int[] shares = {1000, 500, 250, 460, 300, 1000, 1000, 200, 700, 100};
    for (int k = 0; k < 1000; k++) {
      int s = shares[k % shares.length];
      mix.add(new GpuRequest(4000, k % 7 == 0 ? 2 : 1, s, Set.of()));
    }
    RandomGenerator stream = new Well19937c(1);
    context =
        new PlacementContext() {
          @Override
          public RandomGenerator random() {
            return stream;
          }

          @Override
          public TaskMix mix() {
            return mix;
          }

          @Override
          public long maxCpuMilli() {
            return 64000;
          }

          @Override
          public long maxGpuMilli() {
            return 8000;
          }

          @Override
          public Map<String, Integer> kindsOn(String agentId) {
            return Map.of("500m", 1);
          }
        };
    task = new GpuRequest(4000, 1, 460, Set.of());
  }

  @Benchmark
  public TaskPlacement.Choice choose() {
    return placement.choose(task, candidates, context);
  }
}
