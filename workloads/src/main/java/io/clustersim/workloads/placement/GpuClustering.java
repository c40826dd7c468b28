package io.clustersim.workloads.placement;

import io.clustersim.core.gpu.GpuRequest;
import java.util.Map;

/**
 * GPU clustering, the FGD paper's baseline: tasks of the same GPU kind (the same share, or the same
 * number of whole GPUs) together. Best a node running only that kind, then one running it among
 * others, then an idle node, last a node running other kinds; within each tier the node with less
 * GPU free. CPU-only tasks score alike everywhere and go to the first offer.
 */
final class GpuClustering extends ScoredPlacement {
  @Override
  public String name() {
    return "gpu-clustering";
  }

  @Override
  public String description() {
    return "tasks of the same GPU kind together, busiest node first within a tier";
  }

  @Override
  double score(GpuRequest task, Candidate c, int[] devices, PlacementContext context) {
    String kind = task.kind();
    if (kind == null) {
      return 0;
    }
    Map<String, Integer> kinds = context.kindsOn(c.agentId());
    double busy =
        25.0
            * (context.maxGpuMilli() - c.node().gpuFreeTotal())
            / Math.max(1, context.maxGpuMilli());
    if (kinds.getOrDefault(kind, 0) > 0) {
      return (kinds.size() == 1 ? 75 : 50) + busy;
    }
    return (kinds.isEmpty() ? 25 : 0) + busy;
  }
}
