package io.clustersim.workloads.placement;

import io.clustersim.core.gpu.Fragmentation;
import io.clustersim.core.gpu.GpuNode;
import io.clustersim.core.gpu.GpuRequest;
import java.util.List;

/**
 * Fragmentation gradient descent (FGD, Weng et al., USENIX ATC '23): the node and devices whose
 * fragmentation, measured against the workload's task mix, grows least (or shrinks most) when the
 * task is placed. Each distinct way to place a share is tried. The mix is what the workload has
 * shown so far (the trace is streamed; the paper takes it from the whole trace in advance).
 *
 * <p>Cost per task: O(candidates × devices × typical shapes × devices).
 */
final class FragmentationGradient extends ScoredPlacement {
  @Override
  public String name() {
    return "fgd";
  }

  @Override
  public String description() {
    return "least growth of GPU fragmentation against the task mix (Weng et al., ATC '23)";
  }

  @Override
  List<int[]> options(GpuNode node, GpuRequest task) {
    return Devices.options(node, task);
  }

  /** The node's fragmentation before the task: the same for every way to place it there. */
  @Override
  double base(Candidate c, PlacementContext context) {
    return Fragmentation.of(c.node(), context.mix().typical());
  }

  @Override
  double score(GpuRequest task, Candidate c, int[] devices, PlacementContext context) {
    return -Fragmentation.of(c.node().after(task, devices), context.mix().typical());
  }
}
