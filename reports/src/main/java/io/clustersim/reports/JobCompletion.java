package io.clustersim.reports;

import io.clustersim.core.framework.TaskState;
import io.clustersim.core.log.LogEvent;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Job completion times and slowdowns. A job is a framework's tasks, or, for trace replays (task ids
 * {@code job/index#attempt}), the tasks of one trace job. It completes when its last running task
 * ends: completion time = that end − the earliest submission among its tasks; slowdown = completion
 * time / its longest task's runtime (the completion time it would have alone on an empty cluster).
 * A job whose tasks arrive in separate waves completes once per wave, so memory holds only jobs
 * with running tasks.
 */
final class JobCompletion {
  private static final class Job {
    long firstSubmitted = Long.MAX_VALUE;
    long longestRun;
    int running;
  }

  private record Running(String job, long launched) {}

  private final Map<String, Job> jobs = new HashMap<>();
  private final Map<String, Running> tasks = new HashMap<>();
  private final SummaryStatistics completion = new SummaryStatistics();
  private final SummaryStatistics slowdown = new SummaryStatistics();
  private long makespan;

  void onEvent(long t, LogEvent e) {
    if (e instanceof LogEvent.TaskLaunched l) {
      String job = jobOf(l.framework(), l.task());
      Job j = jobs.computeIfAbsent(job, k -> new Job());
      j.firstSubmitted = Math.min(j.firstSubmitted, l.submitted());
      j.running++;
      tasks.put(l.framework() + "/" + l.task(), new Running(job, t));
    } else if (e instanceof LogEvent.TaskStatus s && TaskState.valueOf(s.state()).isTerminal()) {
      Running r = tasks.remove(s.framework() + "/" + s.task());
      if (r == null) {
        return;
      }
      makespan = Math.max(makespan, t);
      Job j = jobs.get(r.job());
      j.longestRun = Math.max(j.longestRun, t - r.launched());
      if (--j.running == 0) {
        jobs.remove(r.job());
        double jct = (t - j.firstSubmitted) / 1e6;
        completion.addValue(jct);
        if (j.longestRun > 0) {
          slowdown.addValue(jct / (j.longestRun / 1e6));
        }
      }
    }
  }

  /** The job a task belongs to: the trace job named before a '/' in its id, else the framework. */
  static String jobOf(String framework, String task) {
    int slash = task.indexOf('/');
    return slash < 0 ? framework : framework + "/" + task.substring(0, slash);
  }

  SummaryStatistics completion() {
    return completion;
  }

  SummaryStatistics slowdown() {
    return slowdown;
  }

  /** When the last task to end ended (µs), 0 if none did. */
  long makespan() {
    return makespan;
  }
}
