package io.clustersim.core.cluster;

import io.clustersim.core.kernel.Simulation;
import io.clustersim.core.resources.Resources;
import java.util.LinkedHashMap;
import java.util.Map;

/** The master's record of a registered agent and of what is offered and allocated on it. */
final class AgentEntry {
  final AgentInfo info;

  /** Changes only with reservations, which convert resources without changing quantities. */
  Resources total;

  Resources offered = Resources.EMPTY;
  Resources allocated = Resources.EMPTY;

  /** Tasks on this agent, by framework id + "/" + task id, in launch order. */
  final Map<String, MasterTask> tasks = new LinkedHashMap<>();

  /** Custom executors holding resources here, by framework id + "/" + executor id. */
  final Map<String, Resources> executors = new LinkedHashMap<>();

  boolean ponged;

  /** Set when the master forgets the agent: its offers still name this entry until rescinded. */
  boolean removed;

  /** The incarnation of the agent process it last registered as. */
  int generation;

  int missedPings;
  long pingTimer = Simulation.NO_EVENT;

  AgentEntry(AgentInfo info, Resources total) {
    this.info = info;
    this.total = total;
  }

  String id() {
    return info.id();
  }

  /** What the agent has that is neither offered nor allocated; throws if accounting is broken. */
  Resources available() {
    // Memoised on the identity of the three immutable values: every offer checks it, and a replay
    // offers each agent to every framework that revives.
    if (total != availableTotal || offered != availableOffered || allocated != availableAllocated) {
      availableOf = total.minus(offered).minus(allocated);
      availableTotal = total;
      availableOffered = offered;
      availableAllocated = allocated;
    }
    return availableOf;
  }

  private Resources availableOf;
  private Resources availableTotal;
  private Resources availableOffered;
  private Resources availableAllocated;

  String describe() {
    return "agent "
        + id()
        + " total "
        + total
        + ", offered "
        + offered
        + ", allocated "
        + allocated;
  }
}
