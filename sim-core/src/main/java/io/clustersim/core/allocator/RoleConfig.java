package io.clustersim.core.allocator;

/**
 * A role declared in the scenario.
 *
 * @param name role name; hierarchical roles use slashes ({@code a/b})
 * @param weight fair-share weight (Mesos default 1)
 * @param quota guarantees and limits
 */
public record RoleConfig(String name, double weight, Quota quota) {}
