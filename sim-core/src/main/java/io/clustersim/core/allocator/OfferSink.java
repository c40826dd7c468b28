package io.clustersim.core.allocator;

import java.util.List;

/**
 * Where offers leave the allocator: the only way it talks to the master, as Mesos's offer and
 * inverse-offer callbacks.
 */
@FunctionalInterface
public interface OfferSink {
  /**
   * One call per framework per allocation run, with its allocations in the order they were made.
   */
  void offer(String frameworkId, List<Allocation> allocations);

  /**
   * An inverse offer: the framework is asked to give back the whole agent for its scheduled
   * unavailability. Sinks that do not model maintenance ignore it.
   */
  default void inverseOffer(
      String frameworkId, String agentId, long startMicros, long durationMicros) {}
}
