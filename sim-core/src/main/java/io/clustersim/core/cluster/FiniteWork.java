package io.clustersim.core.cluster;

/**
 * A scheduler whose work can end (a batch job). A run without a duration stops once every such
 * scheduler is done and no scenario input is still due.
 */
public interface FiniteWork {
  /** True once every task reached a terminal state and none will be launched again. */
  boolean isDone();
}
