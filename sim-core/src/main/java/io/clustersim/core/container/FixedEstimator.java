package io.clustersim.core.container;

/**
 * Mesos's {@code FixedResourceEstimator}: a fixed amount of revocable CPU whatever the usage, less
 * what revocable tasks already hold.
 */
final class FixedEstimator implements ResourceEstimator {
  @Override
  public String name() {
    return "fixed";
  }

  @Override
  public String description() {
    return "a fixed amount of revocable CPU per agent (Mesos's FixedResourceEstimator)";
  }

  @Override
  public long oversubscribableCpusMilli(AgentUsage usage, Oversubscription settings) {
    return Math.max(0, settings.fixedCpusMilli() - usage.revocableAllocatedCpusMilli());
  }
}
