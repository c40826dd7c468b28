package io.clustersim.core.container;

/**
 * The default estimator: usage slack, the CPU that regular tasks hold but do not use, less a fixed
 * safety margin and less what revocable tasks already hold. Cost O(tasks on the agent).
 */
final class FixedSlackEstimator implements ResourceEstimator {
  @Override
  public String name() {
    return "fixed-slack";
  }

  @Override
  public String description() {
    return "allocated-but-unused CPU of regular tasks, less a fixed safety margin (default)";
  }

  @Override
  public long oversubscribableCpusMilli(AgentUsage usage, Oversubscription settings) {
    long slack = 0;
    for (AgentUsage.TaskUsage t : usage.tasks()) {
      if (!t.revocable()) {
        slack += Math.max(0, t.allocatedCpusMilli() - t.usedCpusMilli());
      }
    }
    return Math.max(0, slack - settings.safetyCpusMilli() - usage.revocableAllocatedCpusMilli());
  }
}
