package io.clustersim.core.resources;

import java.util.Arrays;

/**
 * An immutable set of non-negative integer ranges such as ports {@code 31000-32000}, kept as
 * sorted, disjoint, non-adjacent inclusive [low, high] pairs.
 */
public final class Ranges {
  /** The empty set. */
  public static final Ranges EMPTY = new Ranges(new long[0]);

  private final long[] bounds; // low0, high0, low1, high1, ...

  private Ranges(long[] bounds) {
    this.bounds = bounds;
  }

  /** One range, inclusive at both ends. */
  public static Ranges of(long low, long high) {
    if (low < 0 || high < low) {
      throw new IllegalArgumentException("invalid range " + low + "-" + high);
    }
    return new Ranges(new long[] {low, high});
  }

  /**
   * Parses {@code "31000-32000"} or {@code "[31000-31999, 33000-33000]"}; a bare number is a range
   * of one.
   */
  public static Ranges parse(String text) {
    String body = text.trim();
    if (body.startsWith("[") && body.endsWith("]")) {
      body = body.substring(1, body.length() - 1);
    }
    Ranges result = EMPTY;
    if (body.isBlank()) {
      return result;
    }
    for (String part : body.split(",")) {
      String p = part.trim();
      int dash = p.indexOf('-', 1);
      try {
        long low = Long.parseLong(dash < 0 ? p : p.substring(0, dash).trim());
        long high = dash < 0 ? low : Long.parseLong(p.substring(dash + 1).trim());
        result = result.plus(of(low, high));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "'" + text + "' is not a list of ranges such as \"31000-32000\"");
      }
    }
    return result;
  }

  /** True if the set holds no value. */
  public boolean isEmpty() {
    return bounds.length == 0;
  }

  /** Number of values in the set. */
  public long count() {
    long n = 0;
    for (int i = 0; i < bounds.length; i += 2) {
      n += bounds[i + 1] - bounds[i] + 1;
    }
    return n;
  }

  /** The union of both sets. */
  public Ranges plus(Ranges other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    long[] all = new long[bounds.length + other.bounds.length];
    int a = 0;
    int b = 0;
    int n = 0;
    while (a < bounds.length || b < other.bounds.length) {
      long low;
      long high;
      if (b >= other.bounds.length || (a < bounds.length && bounds[a] <= other.bounds[b])) {
        low = bounds[a];
        high = bounds[a + 1];
        a += 2;
      } else {
        low = other.bounds[b];
        high = other.bounds[b + 1];
        b += 2;
      }
      if (n > 0 && low <= all[n - 1] + 1) {
        all[n - 1] = Math.max(all[n - 1], high);
      } else {
        all[n++] = low;
        all[n++] = high;
      }
    }
    return new Ranges(Arrays.copyOf(all, n));
  }

  /** True if every value of {@code other} is in this set. */
  public boolean contains(Ranges other) {
    int a = 0;
    for (int b = 0; b < other.bounds.length; b += 2) {
      while (a < bounds.length && bounds[a + 1] < other.bounds[b]) {
        a += 2;
      }
      if (a >= bounds.length
          || bounds[a] > other.bounds[b]
          || bounds[a + 1] < other.bounds[b + 1]) {
        return false;
      }
    }
    return true;
  }

  /** This set without the values of {@code other}, which must be contained in it. */
  public Ranges minus(Ranges other) {
    if (!contains(other)) {
      throw new IllegalArgumentException(this + " does not contain " + other);
    }
    long[] out = new long[bounds.length + other.bounds.length];
    int n = 0;
    int b = 0;
    for (int a = 0; a < bounds.length; a += 2) {
      long low = bounds[a];
      long high = bounds[a + 1];
      while (b < other.bounds.length && other.bounds[b] <= high) {
        if (other.bounds[b] > low) {
          out[n++] = low;
          out[n++] = other.bounds[b] - 1;
        }
        low = other.bounds[b + 1] + 1;
        b += 2;
      }
      if (low <= high) {
        out[n++] = low;
        out[n++] = high;
      }
    }
    return new Ranges(Arrays.copyOf(out, n));
  }

  /** The values held in both sets. */
  public Ranges intersect(Ranges other) {
    long[] out = new long[bounds.length + other.bounds.length];
    int n = 0;
    int a = 0;
    int b = 0;
    while (a < bounds.length && b < other.bounds.length) {
      long low = Math.max(bounds[a], other.bounds[b]);
      long high = Math.min(bounds[a + 1], other.bounds[b + 1]);
      if (low <= high) {
        out[n++] = low;
        out[n++] = high;
      }
      if (bounds[a + 1] < other.bounds[b + 1]) {
        a += 2;
      } else {
        b += 2;
      }
    }
    return new Ranges(Arrays.copyOf(out, n));
  }

  /** The first {@code count} values of the set, lowest first (fewer if the set is smaller). */
  public Ranges first(long count) {
    Ranges result = EMPTY;
    long left = count;
    for (int i = 0; i < bounds.length && left > 0; i += 2) {
      long high = Math.min(bounds[i + 1], bounds[i] + left - 1);
      result = result.plus(of(bounds[i], high));
      left -= high - bounds[i] + 1;
    }
    return result;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ranges r && Arrays.equals(bounds, r.bounds);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bounds);
  }

  /** Mesos's text form without brackets: {@code 31000-31999,33000-33000}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < bounds.length; i += 2) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(bounds[i]).append('-').append(bounds[i + 1]);
    }
    return sb.toString();
  }
}
