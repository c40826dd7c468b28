package io.clustersim.core.allocator;

import io.clustersim.core.resources.Resources;
import java.util.Objects;

/**
 * Resources of one agent that the allocator gives a framework for one role: one offer.
 *
 * <p>{@code handle} is the allocator's own reference to the agent, opaque to everyone else; the
 * master hands the same allocation back when the offer is declined, so that a replay's thousands of
 * declines need no look-up by agent id. It takes no part in equality.
 *
 * @param role the role the resources are allocated to
 * @param agentId the agent
 * @param resources the resources
 * @param handle the allocator's reference to the agent, or null
 */
public record Allocation(String role, String agentId, Resources resources, Object handle) {
  /** An allocation without a handle. */
  public Allocation(String role, String agentId, Resources resources) {
    this(role, agentId, resources, null);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Allocation a
        && role.equals(a.role)
        && agentId.equals(a.agentId)
        && resources.equals(a.resources);
  }

  @Override
  public int hashCode() {
    return Objects.hash(role, agentId, resources);
  }
}
