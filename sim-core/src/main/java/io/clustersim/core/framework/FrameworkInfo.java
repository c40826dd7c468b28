package io.clustersim.core.framework;

import io.clustersim.core.resources.Resources;
import java.util.List;
import java.util.Set;

/**
 * What a framework tells the master when it registers.
 *
 * @param id framework id (the scenario's id)
 * @param role the role it registers in
 * @param principal the principal it authenticates as, or null
 * @param secret the secret it presents, or null
 * @param failoverTimeoutMicros how long the master keeps its tasks after it disconnects
 * @param capabilities its capabilities
 * @param minAllocatable its own min_allocatable sets, overriding the master's; null for none
 * @param checkpoint whether agents checkpoint its tasks, so that they survive an agent restart
 */
public record FrameworkInfo(
    String id,
    String role,
    String principal,
    String secret,
    long failoverTimeoutMicros,
    Set<Capability> capabilities,
    List<Resources> minAllocatable,
    boolean checkpoint) {
  /** A framework that does not checkpoint. */
  public FrameworkInfo(
      String id,
      String role,
      String principal,
      String secret,
      long failoverTimeoutMicros,
      Set<Capability> capabilities,
      List<Resources> minAllocatable) {
    this(id, role, principal, secret, failoverTimeoutMicros, capabilities, minAllocatable, false);
  }

  /** True if the framework declared {@code c}. */
  public boolean has(Capability c) {
    return capabilities.contains(c);
  }
}
