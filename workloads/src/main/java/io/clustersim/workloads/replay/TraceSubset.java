package io.clustersim.workloads.replay;

/**
 * Which part of a trace a replay uses: a time window (trace microseconds; the replay's time 0 is
 * the window's start), a fraction of machines and of jobs, and a cap on tasks. Sampling is a pure
 * function of the seed and the id (a 64-bit mix of both compared with the fraction), so the same
 * seed keeps the same machines and jobs on every machine, in any reading order, with no memory.
 *
 * @param windowStart first trace time replayed
 * @param windowEnd trace time where the replay stops reading, or -1 for the whole trace
 * @param machineFraction fraction of machines kept, in (0, 1]
 * @param jobFraction fraction of jobs kept, in (0, 1]
 * @param maxTasks tasks submitted at most, or -1
 * @param seed the run's seed
 */
public record TraceSubset(
    long windowStart,
    long windowEnd,
    double machineFraction,
    double jobFraction,
    long maxTasks,
    long seed) {
  /** The whole trace. */
  public static TraceSubset all(long seed) {
    return new TraceSubset(0, -1, 1, 1, -1, seed);
  }

  /** Checks ranges. */
  public TraceSubset {
    if (windowStart < 0 || (windowEnd >= 0 && windowEnd <= windowStart)) {
      throw new IllegalArgumentException("the window's end must be after its start");
    }
    if (!(machineFraction > 0 && machineFraction <= 1) || !(jobFraction > 0 && jobFraction <= 1)) {
      throw new IllegalArgumentException("sample fractions must be in (0, 1]");
    }
  }

  /** The replay's time for a trace time: the window's start is 0, earlier times are 0 too. */
  public long simTime(long traceTime) {
    return Math.max(0, traceTime - windowStart);
  }

  /** True if machine {@code id} is in the sample. */
  public boolean keepsMachine(String id) {
    return machineFraction >= 1 || keep(id, 0x6d616368696e65L, machineFraction);
  }

  /** True if job {@code id} is in the sample. */
  public boolean keepsJob(String id) {
    return jobFraction >= 1 || keep(id, 0x6a6f6273L, jobFraction);
  }

  private boolean keep(String id, long salt, double fraction) {
    // String.hashCode is specified by the JLS, so this is the same on every JVM.
    long h = mix(mix(seed ^ salt) ^ id.hashCode() ^ ((long) id.length() << 32));
    return (h >>> 11) * 0x1.0p-53 < fraction;
  }

  /** SplitMix64's finaliser. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
