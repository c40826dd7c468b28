package io.clustersim.workloads.replay;

import io.clustersim.core.framework.TaskState;
import io.clustersim.core.gpu.GpuRequest;
import io.clustersim.core.resources.Resources;

/**
 * One submission of a trace task, from the moment the reader sees it until it ends in the
 * simulation. What the trace says about it (when the production scheduler started it, when and how
 * it ended) is filled in as the reader gets there, possibly before or after the simulation launches
 * it.
 */
final class Attempt {
  final String id;
  final String framework;
  final Resources request;
  final GpuRequest gpu;
  final long submitted;
  Resources taken;
  long recordedStart = -1;
  long recordedEnd = -1;
  TaskState endState;
  boolean recordedEndKnown;
  long launchedAt = -1;
  String agent;
  boolean endSent;
  boolean done;

  Attempt(String id, String framework, Resources request, GpuRequest gpu, long submitted) {
    this.id = id;
    this.framework = framework;
    this.request = request;
    this.gpu = gpu;
    this.submitted = submitted;
  }

  /** True if the trace ended it without ever starting it (killed or failed while pending). */
  boolean neverRan() {
    return recordedEndKnown && recordedStart < 0;
  }

  /**
   * How long it runs once launched at {@code launch}: the recorded runtime; for a task the trace
   * never started, until its recorded end; -1 while unknown.
   */
  long duration(long launch) {
    if (!recordedEndKnown) {
      return -1;
    }
    if (recordedStart < 0) {
      return Math.max(0, recordedEnd - launch);
    }
    return recordedEnd - recordedStart;
  }
}
