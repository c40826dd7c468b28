package io.clustersim.reports;

/**
 * A quantity that changes at discrete instants, with its time integral and peak, for time-weighted
 * means. O(1) per change.
 */
public final class TimeWeighted {
  private double value;
  private long since;
  private double integral;
  private double peak;
  private final long start;

  /** A quantity that is 0 from {@code start}. */
  public TimeWeighted(long start) {
    this.start = start;
    this.since = start;
  }

  /** The quantity becomes {@code v} at time {@code t} (microseconds, never decreasing). */
  public void set(long t, double v) {
    integral += value * (t - since);
    since = t;
    value = v;
    peak = Math.max(peak, v);
  }

  /** Current value. */
  public double value() {
    return value;
  }

  /** Largest value so far. */
  public double peak() {
    return peak;
  }

  /** Mean over [start, end]; the current value if the interval is empty. */
  public double mean(long end) {
    long span = end - start;
    if (span <= 0) {
      return value;
    }
    return (integral + value * (end - since)) / span;
  }
}
