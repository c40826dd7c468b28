package io.clustersim.core.framework;

/**
 * A request to give an agent back for maintenance: the whole agent, from {@code startMicros} for
 * {@code durationMicros}.
 *
 * @param id inverse offer id
 * @param agentId the agent to be unavailable
 * @param startMicros when its unavailability starts
 * @param durationMicros how long it lasts
 */
public record InverseOffer(String id, String agentId, long startMicros, long durationMicros) {}
