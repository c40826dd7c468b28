package io.clustersim.workloads.placement;

import io.clustersim.core.gpu.GpuRequest;
import java.util.List;

/** A uniformly random offer among those the task fits, from the framework's seeded stream. */
final class RandomFit implements TaskPlacement {
  @Override
  public String name() {
    return "random";
  }

  @Override
  public String description() {
    return "a random offer the task fits (seeded)";
  }

  @Override
  public Choice choose(GpuRequest task, List<Candidate> candidates, PlacementContext context) {
    if (candidates.isEmpty()) {
      return null;
    }
    int i = context.random().nextInt(candidates.size());
    return new Choice(i, Devices.lowest(candidates.get(i).node(), task));
  }
}
