package io.clustersim.workloads.trace;

/**
 * A task of a trace: Google's (job ID, task index), Alibaba's (job, task, instance), a GPU pod's
 * name. A resubmitted task keeps its key and starts a new attempt.
 *
 * @param job the job (collection) it belongs to
 * @param task its name or index within the job
 */
public record TaskKey(String job, String task) {
  /**
   * Mixed, because the record's default (31 × job + task) makes numeric ids such as Google's
   * collide in whole families ((j, i + 31) and (j + 1, i)), turning hash sets into lists.
   */
  @Override
  public int hashCode() {
    long h = job.hashCode() * 0x9E3779B97F4A7C15L + task.hashCode();
    h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L;
    return (int) (h ^ (h >>> 32));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TaskKey k && k.job.equals(job) && k.task.equals(task);
  }

  @Override
  public String toString() {
    return job + "/" + task;
  }
}
