package io.clustersim.core.cluster;

import io.clustersim.core.allocator.AllocatorState;
import io.clustersim.core.resources.Resources;
import java.util.List;

/**
 * The whole cluster at one instant, as a state dump shows it: the master's books (agents,
 * frameworks, outstanding offers, live tasks) and the allocator's view.
 *
 * @param timeMicros the simulated time
 * @param lastSeq the sequence number of the last event logged (-1 before any)
 * @param agents registered agents, in registration order
 * @param frameworks registered frameworks, in registration order
 * @param offers outstanding offers, oldest first
 * @param tasks tasks the master knows, agent by agent in launch order
 * @param allocator the allocator's order, suppressed frameworks and filters
 */
public record ClusterState(
    long timeMicros,
    long lastSeq,
    List<Agent> agents,
    List<Framework> frameworks,
    List<Offer> offers,
    List<Task> tasks,
    AllocatorState allocator) {
  /** An agent's books; {@code available} is total less offered less allocated. */
  public record Agent(
      String id,
      Resources total,
      Resources reserved,
      Resources offered,
      Resources allocated,
      Resources available) {}

  /** A framework at the master. */
  public record Framework(String id, String role, boolean active, int offers, int tasks) {}

  /** An outstanding offer. */
  public record Offer(
      String id, String framework, String agent, String role, Resources resources) {}

  /** A task and its last state. */
  public record Task(
      String id, String framework, String agent, String state, Resources resources) {}
}
