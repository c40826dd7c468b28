package io.clustersim.core.framework;

import io.clustersim.core.resources.Resources;
import java.util.Map;

/**
 * A resource offer as the scheduler sees it: one agent's resources, for one of its roles.
 *
 * @param id offer id
 * @param agentId the agent the resources are on
 * @param role the role the resources are allocated to
 * @param resources the offered resources
 * @param attributes the agent's attributes, for placement constraints
 */
public record Offer(
    String id, String agentId, String role, Resources resources, Map<String, String> attributes) {}
