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

  /**
   * Where the state stands in a task's life (staging, starting, running, ended): a status update
   * that would move a task back is a late duplicate and is ignored.
   */
  public int progress() {
    return switch (this) {
      case TASK_STAGING -> 0;
      case TASK_STARTING -> 1;
      case TASK_RUNNING, TASK_KILLING, TASK_UNREACHABLE, TASK_UNKNOWN -> 2;
      default -> 3;
    };
  }

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
