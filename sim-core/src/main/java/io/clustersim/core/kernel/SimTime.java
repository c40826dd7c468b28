package io.clustersim.core.kernel;

/** Conversions for simulated time, which is kept as integer microseconds. */
public final class SimTime {
  /** Microseconds in one millisecond. */
  public static final long MILLIS = 1_000L;

  /** Microseconds in one second. */
  public static final long SECONDS = 1_000_000L;

  /** Used for "never" (no timeout, no end). */
  public static final long NEVER = Long.MAX_VALUE;

  private SimTime() {}

  /** Whole or fractional seconds to microseconds, rounded to the nearest microsecond. */
  public static long ofSeconds(double seconds) {
    return Math.round(seconds * SECONDS);
  }

  /** Microseconds as seconds, for reports. */
  public static double toSeconds(long micros) {
    return micros / (double) SECONDS;
  }

  /** A short human form such as {@code 75s} or {@code 1.5s}, for messages. */
  public static String format(long micros) {
    if (micros == NEVER) {
      return "never";
    }
    if (micros % SECONDS == 0) {
      return micros / SECONDS + "s";
    }
    if (micros % MILLIS == 0) {
      return micros / MILLIS + "ms";
    }
    return micros + "us";
  }
}
