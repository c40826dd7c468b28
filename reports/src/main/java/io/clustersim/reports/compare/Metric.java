package io.clustersim.reports.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One headline metric of a run, declared once: the comparison table, {@code summary.csv}, {@code
 * summary.json} and the headline chart all read it from a run's summary through {@link #path}.
 *
 * @param key column name in the CSV
 * @param label what the table calls it
 * @param unit its unit, or "" for a ratio or count
 * @param path the summary fields to follow
 * @param share true if it lies in [0, 1] (it goes on the headline chart)
 */
public record Metric(String key, String label, String unit, List<String> path, boolean share) {
  /** The metrics, in table order. */
  public static final List<Metric> HEADLINE =
      List.of(
          m(
              "cpus_allocated_share",
              "CPU allocated (mean share)",
              "",
              true,
              "resources",
              "cpus",
              "allocated_share_mean"),
          m(
              "mem_allocated_share",
              "memory allocated (mean share)",
              "",
              true,
              "resources",
              "mem",
              "allocated_share_mean"),
          m("cpus_used_mean", "CPU used (mean)", "cores", false, "resources", "cpus", "used_mean"),
          m(
              "jain_time_weighted",
              "Jain's index over dominant shares (time-weighted)",
              "",
              true,
              "fairness",
              "jain_time_weighted"),
          m(
              "jain_of_mean_shares",
              "Jain's index of mean dominant shares",
              "",
              true,
              "fairness",
              "jain_dominant_share_mean"),
          m(
              "max_min_share_ratio",
              "largest / smallest mean dominant share",
              "",
              false,
              "fairness",
              "max_min_dominant_share_ratio"),
          m("wait_p50", "task wait p50", "s", false, "wait_seconds", "p50"),
          m("wait_p90", "task wait p90", "s", false, "wait_seconds", "p90"),
          m("wait_p99", "task wait p99", "s", false, "wait_seconds", "p99"),
          m(
              "job_completion_mean",
              "job completion time (mean)",
              "s",
              false,
              "jobs",
              "completion_seconds_mean"),
          m("slowdown_mean", "job slowdown (mean)", "", false, "jobs", "slowdown_mean"),
          m("makespan", "makespan (last task end)", "s", false, "makespan_seconds"),
          m(
              "starvation",
              "longest wait for an offer with work pending",
              "s",
              false,
              "starvation_seconds"),
          m("offers_made", "offers made", "", false, "offers", "made"),
          m("offers_declined", "offers declined", "", false, "offers", "declined"),
          m("offers_rescinded", "offers rescinded", "", false, "offers", "rescinded"),
          m("allocation_runs", "allocation runs", "", false, "allocation_runs"),
          m("tasks_launched", "tasks launched", "", false, "tasks", "launched"),
          m(
              "tasks_finished",
              "tasks finished",
              "",
              false,
              "tasks",
              "by_final_state",
              "TASK_FINISHED"),
          m("tasks_failed", "tasks failed", "", false, "tasks", "by_final_state", "TASK_FAILED"),
          m("tasks_killed", "tasks killed", "", false, "tasks", "by_final_state", "TASK_KILLED"),
          m("tasks_lost", "tasks lost", "", false, "tasks", "by_final_state", "TASK_LOST"),
          m(
              "tasks_running_at_end",
              "tasks running at the end",
              "",
              false,
              "tasks",
              "by_final_state",
              "TASK_RUNNING"),
          // GPU-sharing replays only (absent otherwise, and then left out of the table).
          m("gpu_allocated_pct", "GPUs allocated at the end", "%", false, "gpu", "allocated_pct"),
          m(
              "gpu_fragmented_pct",
              "GPUs fragmented at the end (FGD measure)",
              "%",
              false,
              "gpu",
              "fragmented_pct"),
          m("gpu_tasks_given_up", "GPU tasks given up", "", false, "gpu", "tasks_given_up"));

  private static Metric m(String key, String label, String unit, boolean share, String... path) {
    return new Metric(key, label, unit, List.of(path), share);
  }

  /**
   * The value in a run's summary; a task state that never occurred counts 0, anything else missing
   * or null (a percentile of no waits) is null.
   */
  public Double of(JsonNode summary) {
    JsonNode n = summary;
    for (String p : path) {
      n = n == null ? null : n.get(p);
    }
    if (n == null || n.isNull()) {
      return path.contains("by_final_state") ? 0.0 : null;
    }
    return n.asDouble();
  }
}
