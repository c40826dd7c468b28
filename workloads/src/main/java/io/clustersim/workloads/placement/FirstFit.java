package io.clustersim.workloads.placement;

import io.clustersim.core.gpu.GpuNode;
import io.clustersim.core.gpu.GpuRequest;
import java.util.List;

/** The first offer the task fits, in the order the offers came; the lowest-numbered devices. */
final class FirstFit implements TaskPlacement {
  @Override
  public String name() {
    return "first-fit";
  }

  @Override
  public String description() {
    return "the first offer the task fits (the default)";
  }

  @Override
  public Choice choose(GpuRequest task, List<Candidate> candidates, PlacementContext context) {
    if (candidates.isEmpty()) {
      return null;
    }
    GpuNode node = candidates.get(0).node();
    return new Choice(0, node == null ? new int[0] : Devices.lowest(node, task));
  }
}
