package io.clustersim.workloads.replay;

import io.clustersim.core.gpu.GpuRequest;
import io.clustersim.workloads.trace.TraceEvent;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which of a trace's submissions a replay takes, the same in both modes: none submitted before the
 * window, none of a job left out by sampling, none past {@code --max-tasks}, none without a
 * request; each one taken becomes an {@link Attempt} of its framework. It also keeps the replay's
 * counts (what was left out and why, and the other counts a replay reports).
 */
final class Submissions {
  private final ReplayOptions options;
  private final TreeMap<String, Long> counts = new TreeMap<>();
  private long taken;
  private long nextAttempt;

  Submissions(ReplayOptions options) {
    this.options = options;
  }

  /** The attempt for {@code s} submitted at replay time {@code t}, or null if left out. */
  Attempt admit(TraceEvent.TaskSubmitted s, long t) {
    TraceSubset subset = options.subset();
    if (s.time() < subset.windowStart()) {
      count("tasks submitted before the window");
      return null;
    }
    if (!subset.keepsJob(s.task().job())) {
      count("tasks of jobs left out by sampling");
      return null;
    }
    if (subset.maxTasks() >= 0 && taken >= subset.maxTasks()) {
      count("tasks beyond --max-tasks");
      return null;
    }
    if (s.request().isEmpty()) {
      count("tasks without a resource request");
      return null;
    }
    GpuRequest gpu;
    try {
      gpu =
          GpuRequest.of(
              s.request(), s.gpuModels() == null ? Set.of() : Set.of(s.gpuModels().split("\\|")));
    } catch (IllegalArgumentException e) {
      count("tasks asking for a fraction of more than one GPU");
      return null;
    }
    taken++;
    String framework = options.groupBy().key(s.owner(), options.google2019Bands());
    return new Attempt(s.task() + "#" + nextAttempt++, framework, s.request(), gpu, t);
  }

  void count(String what) {
    count(what, 1);
  }

  void count(String what, long n) {
    if (n > 0) {
      counts.merge(what, n, Long::sum);
    }
  }

  /** The counts, sorted by what they count. */
  Map<String, Long> counts() {
    return counts;
  }
}
