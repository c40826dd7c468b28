package io.clustersim.core.cluster;

import io.clustersim.core.framework.FrameworkInfo;
import io.clustersim.core.framework.Scheduler;
import io.clustersim.core.kernel.RandomStreams;
import io.clustersim.core.resources.Resources;
import java.util.Map;

/**
 * What a {@link Workload} may do to the running cluster. Inputs scheduled with {@link #input} run
 * at {@code Simulation.PRIORITY_INPUT}, after the scenario's own inputs due at the same instant
 * that were scheduled before them, and keep a drain-stopping run going until they have run.
 */
public interface ClusterControl {
  /** Current simulated time in microseconds. */
  long now();

  /** The run's named random streams. */
  RandomStreams streams();

  /** Runs {@code action} at simulated time {@code at} (not before now). */
  void input(long at, Runnable action);

  /** A new agent process starts and registers. */
  void addAgent(String id, Resources resources, Map<String, String> attributes);

  /** An agent leaves for good: its process stops and the master removes it at once. */
  void removeAgent(String id, String reason);

  /**
   * An agent's capacity changes; returns false if it could not, because running tasks hold more
   * than the new total or the agent is unknown.
   */
  boolean updateAgent(String id, Resources total);

  /**
   * What a task uses now, as measured on its agent (a trace's usage record): the agent's monitor
   * reports it from now on instead of the task's profile; with {@code enforceMemory}, memory above
   * the task's limit is an OOM kill at once. Nothing happens for a task the agent does not run.
   */
  void taskUsage(
      String agentId,
      String frameworkId,
      String taskId,
      long cpusMilli,
      long memMilli,
      boolean enforceMemory);

  /** A new framework starts and registers. */
  void addFramework(FrameworkInfo info, Scheduler scheduler);

  /** A framework is torn down: its tasks are killed and it leaves the network. */
  void removeFramework(String id, String reason);
}
