package io.clustersim.core.allocator;

import org.apache.commons.math3.random.RandomGenerator;

/** Makes sorters, so that a policy is an allocator assembled from a role and a framework sorter. */
@FunctionalInterface
public interface SorterFactory {
  /** A new, empty sorter; {@code random} is for sorters that order at random. */
  Sorter create(RandomGenerator random, AllocatorOptions options);
}
