package io.clustersim.allocators;

import io.clustersim.core.resources.Resources;

/** What an {@link AgentOrder} may look at: an agent's id, total and what it has handed out. */
public interface AgentLoad {
  /** Agent id. */
  String id();

  /** The agent's total resources. */
  Resources total();

  /** What is offered or allocated on the agent. */
  Resources offeredOrAllocated();

  /** The largest fraction of any scalar resource of the agent that is offered or allocated. */
  default double load() {
    double load = 0;
    Resources used = offeredOrAllocated();
    Resources total = total();
    for (String name : total.scalarNames()) {
      long t = total.milli(name);
      if (t > 0) {
        load = Math.max(load, used.milli(name) / (double) t);
      }
    }
    return load;
  }
}
