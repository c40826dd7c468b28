package io.clustersim.core.allocator;

import java.util.List;

/**
 * Where offers leave the allocator: the only way it talks to the master, as Mesos's offer callback.
 */
@FunctionalInterface
public interface OfferSink {
  /**
   * One call per framework per allocation run, with its allocations in the order they were made.
   */
  void offer(String frameworkId, List<Allocation> allocations);
}
