package io.clustersim.core.framework;

/** Mesos task states. */
public enum TaskState {
  TASK_STAGING,
  TASK_STARTING,
  TASK_RUNNING,
  TASK_KILLING,
  TASK_FINISHED,
  TASK_FAILED,
  TASK_KILLED,
  TASK_ERROR,
  TASK_LOST,
  TASK_DROPPED,
  TASK_UNREACHABLE,
  TASK_GONE,
  TASK_GONE_BY_OPERATOR,
  TASK_UNKNOWN;

  /** True for states a task never leaves. TASK_UNREACHABLE is not terminal, as in Mesos. */
  public boolean isTerminal() {
    return switch (this) {
      case TASK_FINISHED,
          TASK_FAILED,
          TASK_KILLED,
          TASK_ERROR,
          TASK_LOST,
          TASK_DROPPED,
          TASK_GONE,
          TASK_GONE_BY_OPERATOR ->
          true;
      default -> false;
    };
  }
}
