package io.clustersim.core.container;

/**
 * Scenario-wide settings of what runs inside agents: containerizer costs, the resource monitor's
 * period and oversubscription.
 *
 * @param containers containerizer start-up costs
 * @param monitorIntervalMicros how often each agent reports its usage to the master, 0 for never
 * @param oversubscription oversubscription settings, or null when it is off
 */
public record AgentRuntime(
    ContainerSettings containers, long monitorIntervalMicros, Oversubscription oversubscription) {
  /** No monitor, no oversubscription, default containerizer costs. */
  public static final AgentRuntime DEFAULT = new AgentRuntime(ContainerSettings.DEFAULT, 0, null);
}
