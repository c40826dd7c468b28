package io.clustersim.core.cluster;

import java.util.Map;

/**
 * What the master and allocator know of an agent besides its resources.
 *
 * @param id agent id
 * @param attributes attributes such as rack and zone, sorted by name
 */
public record AgentInfo(String id, Map<String, String> attributes) {}
