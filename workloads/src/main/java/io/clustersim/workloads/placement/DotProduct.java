package io.clustersim.workloads.placement;

import io.clustersim.core.gpu.GpuNode;
import io.clustersim.core.gpu.GpuRequest;
import java.util.List;

/**
 * Tetris's alignment score (Grandl et al., SIGCOMM '14) as the FGD paper's simulator uses it for
 * packing: the dot product of what the node has free and what the task asks, both normalised by the
 * largest node (CPU) and by one device (GPU, on the devices it would take), and the smallest wins,
 * so tasks go where their kind of resource is scarcest. Each device with room is tried for a share.
 */
final class DotProduct extends ScoredPlacement {
  @Override
  public String name() {
    return "dot-product";
  }

  @Override
  public String description() {
    return "smallest dot product of free and requested resources (Tetris-style packing)";
  }

  @Override
  List<int[]> options(GpuNode node, GpuRequest task) {
    return Devices.options(node, task);
  }

  @Override
  double score(GpuRequest task, Candidate c, int[] devices, PlacementContext context) {
    double maxCpu = Math.max(1, context.maxCpuMilli());
    double dot = (c.node().cpuMilli() / maxCpu) * (task.cpuMilli() / maxCpu);
    if (devices.length > 0) {
      long free = 0;
      for (int d : devices) {
        free += c.node().gpuFree()[d];
      }
      dot += (free / (1000.0 * devices.length)) * (task.milliPerGpu() / 1000.0);
    }
    return -dot;
  }
}
