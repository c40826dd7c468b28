package io.clustersim.core.allocator;

import io.clustersim.core.cluster.AgentInfo;
import io.clustersim.core.framework.Filters;
import io.clustersim.core.framework.FrameworkInfo;
import io.clustersim.core.resources.Resources;
import java.util.List;
import java.util.Map;

/**
 * The master's allocation module, shaped like Mesos's {@code mesos::allocator::Allocator}:
 * lifecycle calls come in, offers go out through the {@link OfferSink} only. The allocator never
 * calls the master. It owns its own timers (the batch allocation loop, filter expiry).
 *
 * <p>Accounting rule, as in Mesos: resources are "offered or allocated" from the moment the
 * allocator hands them to the sink until the master returns them with {@link #recoverResources};
 * the master never returns the same resources twice.
 */
public interface Allocator {
  /** Called once before any other call; starts the batch allocation loop. */
  void initialize(AllocatorContext context);

  /**
   * A framework registered. {@code usedByAgent} is what it already holds (after a master failover).
   * When {@code active}, triggers an allocation over all agents.
   */
  void addFramework(FrameworkInfo framework, Map<String, Resources> usedByAgent, boolean active);

  /**
   * A framework is gone; everything it held must already have been recovered or is dropped here.
   */
  void removeFramework(String frameworkId);

  /** A framework reconnected; triggers an allocation over all agents. */
  void activateFramework(String frameworkId);

  /** A framework disconnected: it gets no offers and all its filters are cleared. */
  void deactivateFramework(String frameworkId);

  /**
   * An agent registered with {@code total} resources, of which {@code usedByFramework} is already
   * in use. Triggers an allocation on that agent.
   */
  void addAgent(AgentInfo agent, Resources total, Map<String, Resources> usedByFramework);

  /** An agent is gone: its resources leave the pool and its filters are dropped. */
  void removeAgent(String agentId);

  /** An agent's total changed (e.g. revocable resources); triggers an allocation on it. */
  void updateAgent(String agentId, Resources total);

  /** An agent reconnected and may be offered again. */
  void activateAgent(String agentId);

  /** An agent disconnected; it is not offered until activated. */
  void deactivateAgent(String agentId);

  /**
   * Resources come back from a framework (declined, unused part of an accepted offer, rescinded,
   * finished task). With a non-null filter of positive duration the framework is not offered a
   * subset of them on that agent for {@code max(refuse, allocation interval)}. Never triggers an
   * allocation: they wait for the next batch run.
   */
  void recoverResources(String frameworkId, String agentId, Resources resources, Filters filters);

  /**
   * As {@link #recoverResources} for each of {@code returned} in order, under one filter: what a
   * framework declines in one call. An allocator may settle its books once for the batch (a
   * replay's framework declines thousands of offers at a time).
   */
  default void recoverResources(String frameworkId, List<Allocation> returned, Filters filters) {
    for (Allocation a : returned) {
      recoverResources(frameworkId, a.agentId(), a.resources(), filters);
    }
  }

  /**
   * A framework converted resources it holds on an agent, with the same quantities (a RESERVE or
   * UNRESERVE in an accepted offer): {@code from} becomes {@code to} in its allocation and in the
   * agent's total.
   */
  void updateAllocation(String frameworkId, String agentId, Resources from, Resources to);

  /**
   * The agent is scheduled to be unavailable from {@code startMicros} for {@code durationMicros}
   * (maintenance). Clears the agent's inverse-offer filters and triggers an allocation on it;
   * inverse offers go to the frameworks using it. A negative start removes the schedule.
   */
  void updateUnavailability(String agentId, long startMicros, long durationMicros);

  /**
   * A framework answered an inverse offer for an agent; {@code filters} keeps it from receiving
   * another for that agent for their duration.
   */
  void updateInverseOffer(String frameworkId, String agentId, boolean accepted, Filters filters);

  /** The framework wants no offers. */
  void suppressOffers(String frameworkId);

  /** The framework wants offers again: its filters are cleared and an allocation runs. */
  void reviveOffers(String frameworkId);

  /**
   * The framework's pending work, as Mesos's {@code requestResources}: the shapes of the tasks it
   * wants to launch (empty when it wants nothing). Policies that place work, such as packing, use
   * it; the others may ignore it. Does not trigger an allocation.
   */
  default void requestResources(String frameworkId, List<Resources> requests) {}

  /** Allocation runs made so far (batch and event-triggered), for reports; 0 if not counted. */
  default long runs() {
    return 0;
  }

  /** A role's weight changed. Does not trigger an allocation. */
  void updateWeight(String role, double weight);

  /** A role's quota changed. Does not trigger an allocation. */
  void updateQuota(String role, Quota quota);

  /**
   * What the allocator counts as offered or allocated on {@code agentId}, for conservation checks.
   */
  Resources offeredOrAllocated(String agentId);

  /**
   * This allocator belongs to a master elected after a failover, which expects {@code
   * expectedAgents} agents of its registry back. Mesos's allocator then holds allocation, when some
   * quota is set, until 80% of them are back or 10 minutes have passed.
   */
  default void recover(int expectedAgents) {}

  /**
   * The master that owns it crashed: it must schedule nothing more (its batch loop stops), so that
   * failovers do not leave allocators ticking for the rest of the run.
   */
  default void stop() {}

  /** What a state dump shows of this allocator; nothing unless it says. */
  default AllocatorState state() {
    return AllocatorState.NONE;
  }
}
