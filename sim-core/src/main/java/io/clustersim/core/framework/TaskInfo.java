package io.clustersim.core.framework;

import io.clustersim.core.container.ContainerSpec;
import io.clustersim.core.container.UsageProfile;
import io.clustersim.core.resources.Resources;

/**
 * A task to launch on an offer.
 *
 * @param id the framework's task id, unique within the framework
 * @param resources what the task uses, taken from the offer
 * @param durationMicros how long it runs once RUNNING; negative runs until killed
 * @param executor a custom executor, or null for the command executor
 * @param submittedMicros when the task became pending at its framework, for wait-time metrics
 * @param endState the terminal state it reaches after its duration: TASK_FINISHED, or another
 *     terminal state to replay a trace's recorded failure or kill
 * @param container how it is containerized ({@link ContainerSpec#MESOS} by default)
 * @param usage what it really uses over its run, or null: exactly what it asked for
 */
public record TaskInfo(
    String id,
    Resources resources,
    long durationMicros,
    ExecutorInfo executor,
    long submittedMicros,
    TaskState endState,
    ContainerSpec container,
    UsageProfile usage) {
  /** Checks that the end state is terminal; a null container is a plain Mesos one. */
  public TaskInfo {
    if (!endState.isTerminal()) {
      throw new IllegalArgumentException("a task's end state must be terminal: " + endState);
    }
    if (container == null) {
      container = ContainerSpec.MESOS;
    }
  }

  /** A task in a plain Mesos container that uses exactly what it asked for. */
  public TaskInfo(
      String id,
      Resources resources,
      long durationMicros,
      ExecutorInfo executor,
      long submittedMicros,
      TaskState endState) {
    this(
        id,
        resources,
        durationMicros,
        executor,
        submittedMicros,
        endState,
        ContainerSpec.MESOS,
        null);
  }

  /** A task that finishes normally after its duration. */
  public TaskInfo(
      String id,
      Resources resources,
      long durationMicros,
      ExecutorInfo executor,
      long submittedMicros) {
    this(id, resources, durationMicros, executor, submittedMicros, TaskState.TASK_FINISHED);
  }
}
