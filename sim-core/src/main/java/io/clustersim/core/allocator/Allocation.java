package io.clustersim.core.allocator;

import io.clustersim.core.resources.Resources;

/**
 * Resources of one agent that the allocator gives a framework for one role: one offer.
 *
 * @param role the role the resources are allocated to
 * @param agentId the agent
 * @param resources the resources
 */
public record Allocation(String role, String agentId, Resources resources) {}
