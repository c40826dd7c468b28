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

  private static final java.util.regex.Pattern DURATION =
      java.util.regex.Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(us|ms|s|m|h|d|w)");

  /**
   * Parses a duration: a number of seconds, or a number with a unit ({@code 250ms}, {@code 90s},
   * {@code 5m}, {@code 2h}, {@code 7d}, {@code 1w}, {@code 10us}). Throws {@link
   * IllegalArgumentException} with the accepted forms otherwise.
   */
  public static long parseDuration(String text) {
    String t = text.trim();
    if (t.startsWith("-")) {
      throw new IllegalArgumentException("a duration cannot be negative, found " + text);
    }
    double seconds;
    java.util.regex.Matcher m = DURATION.matcher(t);
    if (m.matches()) {
      double unit =
          switch (m.group(2)) {
            case "us" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1;
            case "m" -> 60;
            case "h" -> 3600;
            case "d" -> 86400;
            default -> 7 * 86400;
          };
      seconds = Double.parseDouble(m.group(1)) * unit;
    } else {
      try {
        seconds = Double.parseDouble(t);
      } catch (NumberFormatException e) {
        seconds = Double.NaN;
      }
      if (!(seconds >= 0) || Double.isInfinite(seconds)) {
        throw new IllegalArgumentException(
            "'"
                + text
                + "' is not a duration (a number of seconds, or e.g. 250ms, 90s, 5m, 2h, 7d)");
      }
    }
    return ofSeconds(seconds);
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
