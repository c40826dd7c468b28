package io.clustersim.core.cluster;

import io.clustersim.core.allocator.Allocation;
import io.clustersim.core.resources.Resources;

/**
 * An outstanding offer at the master: the allocation it came from (handed back to the allocator as
 * it was when the offer is declined) and the agent's entry (removed agents are marked so).
 */
record OfferEntry(
    String id, String frameworkId, Allocation allocation, AgentEntry agent, long timeout) {
  String role() {
    return allocation.role();
  }

  String agentId() {
    return allocation.agentId();
  }

  Resources resources() {
    return allocation.resources();
  }
}
