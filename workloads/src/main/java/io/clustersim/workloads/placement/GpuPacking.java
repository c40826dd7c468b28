package io.clustersim.workloads.placement;

import io.clustersim.core.gpu.GpuDevices;
import io.clustersim.core.gpu.GpuRequest;

/**
 * GPU packing, the FGD paper's baseline: first onto devices already shared (the fewer free, the
 * better), then onto idle devices of a node already in use (the fewer taken, the better), last onto
 * an idle node (the fewer GPUs it has, the better). Devices are taken tightest first. CPU-only
 * tasks score alike everywhere and go to the first offer.
 */
final class GpuPacking extends ScoredPlacement {
  @Override
  public String name() {
    return "gpu-packing";
  }

  @Override
  public String description() {
    return "shared devices first, then idle devices of busy nodes, then idle nodes";
  }

  @Override
  double score(GpuRequest task, Candidate c, int[] devices, PlacementContext context) {
    if (task.gpus() == 0) {
      return 0;
    }
    int[] free = c.node().gpuFree();
    int idle = c.node().idleDevices();
    if (idle == free.length) {
      return 100.0 / 3 - idle; // a node nobody uses
    }
    int idleTaken = 0;
    long freeRatioPct = 0;
    for (int d : devices) {
      if (free[d] == GpuDevices.MILLI) {
        idleTaken++;
      }
      freeRatioPct += free[d] * 100L / GpuDevices.MILLI;
    }
    if (idleTaken > 0) {
      return Math.max(50.0 - idleTaken, 100.0 / 3);
    }
    return Math.max(100.0 - freeRatioPct / 10.0, 50.0);
  }
}
