package io.clustersim.core.cluster;

import io.clustersim.core.kernel.SimTime;
import java.util.List;
import java.util.Map;

/**
 * The master's settings, with Mesos's defaults in {@link #defaults()}.
 *
 * @param offerTimeoutMicros rescind unused offers after this long; {@link SimTime#NEVER} = never
 * @param agentPingTimeoutMicros how long the master waits for a pong
 * @param maxAgentPingTimeouts missed pings in a row before the agent is removed
 * @param agentReregisterTimeoutMicros how long a disconnected agent has to come back
 * @param credentials principal → secret; when non-empty, frameworks must authenticate
 * @param acls principal → roles it may register in; when non-empty, registration is authorised
 */
public record MasterConfig(
    long offerTimeoutMicros,
    long agentPingTimeoutMicros,
    int maxAgentPingTimeouts,
    long agentReregisterTimeoutMicros,
    Map<String, String> credentials,
    Map<String, List<String>> acls) {

  /** Mesos's defaults: no offer timeout, 15 s × 5 pings, 10 min re-register window, no auth. */
  public static MasterConfig defaults() {
    return new MasterConfig(
        SimTime.NEVER, 15 * SimTime.SECONDS, 5, 600 * SimTime.SECONDS, Map.of(), Map.of());
  }
}
