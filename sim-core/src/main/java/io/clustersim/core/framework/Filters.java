package io.clustersim.core.framework;

import io.clustersim.core.kernel.SimTime;

/**
 * Mesos's {@code Filters}: how long the master should not re-offer the refused resources.
 *
 * @param refuseMicros refusal time in microseconds; 0 sets no filter
 */
public record Filters(long refuseMicros) {
  /** Mesos's default when a framework passes no filter: {@code refuse_seconds = 5}. */
  public static final Filters DEFAULT = new Filters(5 * SimTime.SECONDS);

  /** No filter at all. */
  public static final Filters NONE = new Filters(0);

  private static final long MAX = 365L * 24 * 3600 * SimTime.SECONDS;

  /**
   * A filter of {@code seconds}, clamped as Mesos does: negative → 5 s, above 365 days → 365 days.
   */
  public static Filters refuseSeconds(double seconds) {
    if (seconds < 0) {
      return DEFAULT;
    }
    return new Filters(Math.min(MAX, SimTime.ofSeconds(seconds)));
  }
}
