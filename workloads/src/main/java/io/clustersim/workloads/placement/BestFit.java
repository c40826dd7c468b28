package io.clustersim.workloads.placement;

import io.clustersim.core.gpu.GpuRequest;

/**
 * The offer the task leaves least room in: the smallest Σ w (free − request) / largest over CPU and
 * GPU, each weighted ½ and normalised by the largest node seen (the FGD paper's best-fit baseline).
 */
final class BestFit extends ScoredPlacement {
  @Override
  public String name() {
    return "best-fit";
  }

  @Override
  public String description() {
    return "least CPU and GPU left after the task (normalised, equal weights)";
  }

  @Override
  double score(GpuRequest task, Candidate c, int[] devices, PlacementContext context) {
    double cpu =
        (c.node().cpuMilli() - task.cpuMilli()) / (double) Math.max(1, context.maxCpuMilli());
    double gpu =
        (c.node().gpuFreeTotal() - task.totalMilli()) / (double) Math.max(1, context.maxGpuMilli());
    return -(0.5 * cpu + 0.5 * gpu);
  }
}
