package io.clustersim.core.cluster;

import io.clustersim.core.framework.ExecutorInfo;
import io.clustersim.core.framework.TaskState;
import io.clustersim.core.resources.Resources;

/** The master's record of a launched task. */
final class MasterTask {
  final String id;
  final String frameworkId;
  final String agentId;
  final Resources resources;
  final String executorId;
  final ExecutorInfo executor;
  TaskState state = TaskState.TASK_STAGING;

  MasterTask(
      String id, String frameworkId, String agentId, Resources resources, ExecutorInfo executor) {
    this.id = id;
    this.frameworkId = frameworkId;
    this.agentId = agentId;
    this.resources = resources;
    this.executor = executor;
    // The command executor takes the task's id, as in Mesos.
    this.executorId = executor == null ? id : executor.id();
  }
}
