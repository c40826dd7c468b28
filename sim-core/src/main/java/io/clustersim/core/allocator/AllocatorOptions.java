package io.clustersim.core.allocator;

import io.clustersim.core.kernel.SimTime;
import io.clustersim.core.resources.Resources;
import java.util.List;

/**
 * Settings of the allocation module, with Mesos's defaults in {@link #defaults()}.
 *
 * @param allocationIntervalMicros batch allocation period
 * @param minAllocatable alternatives: an offer must contain at least one of these quantity sets
 * @param roles roles declared in the scenario, with weights and quotas
 * @param fairSharingExcludedResourceNames resources left out of DRF shares
 * @param filterGpuResources offer agents with GPUs only to GPU-capable frameworks
 * @param slot the fixed bundle that slot-based policies count in
 */
public record AllocatorOptions(
    long allocationIntervalMicros,
    List<Resources> minAllocatable,
    List<RoleConfig> roles,
    List<String> fairSharingExcludedResourceNames,
    boolean filterGpuResources,
    Resources slot) {

  /**
   * Mesos's defaults: 1 s interval, {@code cpus:0.01|mem:32}, no roles, GPU filtering on; slots of
   * 1 CPU and 2 GiB.
   */
  public static AllocatorOptions defaults() {
    return new AllocatorOptions(
        SimTime.SECONDS,
        List.of(Resources.scalar("cpus", 0.01), Resources.scalar("mem", 32)),
        List.of(),
        List.of(),
        true,
        Resources.scalar("cpus", 1).plus(Resources.scalar("mem", 2048)));
  }
}
