package io.clustersim.workloads.trace;

/**
 * A task of a trace: Google's (job ID, task index), Alibaba's (job, task, instance), a GPU pod's
 * name. A resubmitted task keeps its key and starts a new attempt.
 *
 * @param job the job (collection) it belongs to
 * @param task its name or index within the job
 */
public record TaskKey(String job, String task) {
  @Override
  public String toString() {
    return job + "/" + task;
  }
}
