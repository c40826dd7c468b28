package io.clustersim.core.container;

import java.util.List;

/**
 * What a task really uses while it runs, as steps: from {@code atMicros} of its work on, it wants
 * {@code cpusMilli} and holds {@code memMilli} (thousandths of a core and of a MiB), until the next
 * step. Times count the task's own progress, so that a throttled task reaches its later steps
 * later. Before the first step it uses what it asked for.
 *
 * @param steps in increasing {@code atMicros}
 */
public record UsageProfile(List<Step> steps) {
  /**
   * One step of the profile.
   *
   * @param atMicros task progress at which it starts
   * @param cpusMilli CPU wanted, thousandths of a core
   * @param memMilli memory held, thousandths of a MiB
   */
  public record Step(long atMicros, long cpusMilli, long memMilli) {}

  /** Checks that the steps are in increasing time. */
  public UsageProfile {
    steps = List.copyOf(steps);
    for (int i = 1; i < steps.size(); i++) {
      if (steps.get(i).atMicros() <= steps.get(i - 1).atMicros()) {
        throw new IllegalArgumentException("usage steps must be in increasing time");
      }
    }
  }

  /**
   * How the task runs inside limits of {@code cpuLimitMilli} (0: none) and {@code memLimitMilli}
   * (0: none) when it needs {@code durationMicros} of unthrottled work (negative: until killed).
   * While it wants more CPU than its limit it progresses at limit / wanted (CFS quota throttling),
   * so it takes longer; the first step whose memory is above the limit ends it (the OOM killer).
   * O(steps).
   */
  public Plan plan(long durationMicros, long cpuLimitMilli, long memLimitMilli) {
    int n = steps.size();
    long[] wallAt = new long[n];
    long[] cpuUsed = new long[n];
    long[] memUsed = new long[n];
    double wall = 0;
    long work = 0;
    double stretch = 1; // before the first step the task uses what it asked for
    int used = 0;
    for (Step s : steps) {
      if (durationMicros >= 0 && s.atMicros() >= durationMicros) {
        break;
      }
      wall += (s.atMicros() - work) * stretch;
      work = s.atMicros();
      wallAt[used] = Math.round(wall);
      cpuUsed[used] = cpuLimitMilli > 0 ? Math.min(s.cpusMilli(), cpuLimitMilli) : s.cpusMilli();
      memUsed[used] = s.memMilli();
      used++;
      if (memLimitMilli > 0 && s.memMilli() > memLimitMilli) {
        long oom = wallAt[used - 1];
        return new Plan(
            -1, oom, oom - work, trim(wallAt, used), trim(cpuUsed, used), trim(memUsed, used));
      }
      stretch =
          cpuLimitMilli > 0 && s.cpusMilli() > cpuLimitMilli
              ? s.cpusMilli() / (double) cpuLimitMilli
              : 1;
    }
    long end = -1;
    long throttled = 0;
    if (durationMicros >= 0) {
      end = Math.round(wall + (durationMicros - work) * stretch);
      throttled = end - durationMicros;
    }
    return new Plan(
        end, -1, throttled, trim(wallAt, used), trim(cpuUsed, used), trim(memUsed, used));
  }

  private static long[] trim(long[] a, int n) {
    return n == a.length ? a : java.util.Arrays.copyOf(a, n);
  }

  /**
   * A task's run under its limits: when it ends by itself (wall time after it started running, -1
   * if it does not end by itself), when the OOM killer ends it (-1 if never), how much longer
   * throttling made it run, and its usage over wall time (step starts with CPU and memory used).
   *
   * @param endMicros when it finishes, from the start of its run, or -1
   * @param oomMicros when it crosses its memory limit, from the start of its run, or -1
   * @param throttledMicros extra run time from CPU throttling
   * @param wallAt wall time of each usage step, from the start of its run
   * @param cpuUsed CPU used in each step (wanted, capped at the limit), thousandths of a core
   * @param memUsed memory held in each step, thousandths of a MiB
   */
  public record Plan(
      long endMicros,
      long oomMicros,
      long throttledMicros,
      long[] wallAt,
      long[] cpuUsed,
      long[] memUsed) {
    /** The step in force {@code sinceStart} after the run began, or -1 before the first one. */
    public int stepAt(long sinceStart) {
      int i = java.util.Arrays.binarySearch(wallAt, sinceStart);
      if (i >= 0) {
        while (i + 1 < wallAt.length && wallAt[i + 1] == sinceStart) {
          i++;
        }
        return i;
      }
      return -i - 2;
    }
  }
}
