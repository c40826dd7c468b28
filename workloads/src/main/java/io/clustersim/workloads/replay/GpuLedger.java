package io.clustersim.workloads.replay;

import io.clustersim.core.gpu.Fragmentation;
import io.clustersim.core.gpu.GpuDevices;
import io.clustersim.core.gpu.GpuNode;
import io.clustersim.core.gpu.TaskMix;
import io.clustersim.core.resources.Resources;
import io.clustersim.workloads.placement.PlacementContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The replay's own books of its machines' CPU and GPU devices, kept from what its frameworks launch
 * and what ends: the task mix and node shapes that placement strategies need, and the FGD paper's
 * metrics as the workload arrives (GPU demand arrived and GPU allocated, as shares of the cluster's
 * GPUs, and the fragmented share). Only the trace's own tasks are counted; frameworks a scenario
 * adds beside the trace are not seen.
 *
 * <p>Cost: O(devices) per launch or end; a metric point, every {@link #EVERY} arrivals, is
 * O(machines × devices × typical shapes).
 */
final class GpuLedger {
  /** Arrivals between two metric points. */
  static final int EVERY = 50;

  /** One point of the metrics. */
  record Point(
      long tasks, double arrivedPct, double allocatedPct, double fragmentedPct, long givenUp) {}

  private static final class Machine {
    final String model;
    final long cpuTotal;
    long cpu;
    final int[] free;
    final Map<String, Integer> kinds = new LinkedHashMap<>();

    Machine(String model, long cpu, int devices) {
      this.model = model;
      this.cpuTotal = cpu;
      this.cpu = cpu;
      this.free = new int[devices];
      java.util.Arrays.fill(free, GpuDevices.MILLI);
    }

    GpuNode node() {
      return new GpuNode(cpu, free.clone(), model);
    }
  }

  // Looked up by agent; iterated (for the measure) in the order machines were added.
  private final Map<String, Machine> machines = new LinkedHashMap<>();
  private final TaskMix mix = new TaskMix();
  private final List<Point> points = new ArrayList<>();
  private long capacityMilli;
  private long allocatedMilli;
  private long arrivedMilli;
  private long arrived;
  private long givenUp;
  private long maxCpu;
  private long maxGpu;

  void machineAdded(String id, Resources capacity, Map<String, String> attributes) {
    int devices = GpuDevices.free(capacity).length;
    Machine m = new Machine(attributes.get("gpu_model"), capacity.milli("cpus"), devices);
    machines.put(id, m);
    capacityMilli += (long) devices * GpuDevices.MILLI;
    maxCpu = Math.max(maxCpu, m.cpuTotal);
    maxGpu = Math.max(maxGpu, (long) devices * GpuDevices.MILLI);
  }

  void machineRemoved(String id) {
    Machine m = machines.remove(id);
    if (m != null) {
      capacityMilli -= (long) m.free.length * GpuDevices.MILLI;
      for (int f : m.free) {
        allocatedMilli -= GpuDevices.MILLI - f;
      }
    }
  }

  /** Devices of the machine behind {@code agentId} (0 if it has none, or is not the trace's). */
  int devices(String agentId) {
    if (capacityMilli == 0) {
      return 0; // a cluster without GPU devices: no look-up per offer
    }
    Machine m = machines.get(agentId);
    return m == null ? 0 : m.free.length;
  }

  void arrived(Attempt a) {
    if (capacityMilli == 0) {
      // No GPU devices: nothing to measure, and a mix of every CPU shape of a long trace would
      // grow with its length.
      return;
    }
    arrived++;
    arrivedMilli += a.gpu.totalMilli();
    mix.add(a.gpu);
    if (arrived % EVERY == 0) {
      sample();
    }
  }

  void givenUp() {
    givenUp++;
  }

  void launched(Attempt a) {
    book(a, -1);
  }

  void ended(Attempt a) {
    book(a, +1);
  }

  private void book(Attempt a, int sign) {
    Machine m = machines.get(a.agent);
    if (m == null || a.taken == null) {
      return;
    }
    m.cpu += sign * a.taken.milli("cpus");
    for (int d = 0; d < m.free.length; d++) {
      long share = a.taken.milli(GpuDevices.name(d));
      m.free[d] += (int) (sign * share);
      allocatedMilli -= sign * share;
    }
    String kind = a.gpu.kind();
    if (kind != null) {
      m.kinds.merge(kind, -sign, Integer::sum);
      m.kinds.remove(kind, 0);
    }
  }

  private void sample() {
    if (capacityMilli == 0) {
      return;
    }
    TaskMix.Weighted[] typical = mix.typical();
    double fragmented = 0;
    for (Machine m : machines.values()) {
      if (m.free.length > 0) {
        fragmented += Fragmentation.of(m.node(), typical);
      }
    }
    points.add(
        new Point(
            arrived,
            100.0 * arrivedMilli / capacityMilli,
            100.0 * allocatedMilli / capacityMilli,
            100.0 * fragmented / capacityMilli,
            givenUp));
  }

  /** The cluster's GPUs in milli-GPU (0: the trace has no GPU devices). */
  long capacityMilli() {
    return capacityMilli;
  }

  /** The metric points so far, the last one taken now. */
  List<Point> points() {
    if (points.isEmpty() || points.get(points.size() - 1).tasks() != arrived) {
      sample();
    }
    return List.copyOf(points);
  }

  /** What strategies may know, for a framework with {@code random}. */
  PlacementContext context(RandomGenerator random) {
    return new PlacementContext() {
      @Override
      public RandomGenerator random() {
        return random;
      }

      @Override
      public TaskMix mix() {
        return mix;
      }

      @Override
      public long maxCpuMilli() {
        return maxCpu;
      }

      @Override
      public long maxGpuMilli() {
        return maxGpu;
      }

      @Override
      public Map<String, Integer> kindsOn(String agentId) {
        Machine m = machines.get(agentId);
        return m == null ? Map.of() : m.kinds;
      }
    };
  }
}
