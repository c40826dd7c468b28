package io.clustersim.workloads.trace;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a replay maps a trace's tasks to frameworks (each framework registers in a role of the same
 * name): one per user, per job, per priority band, per scheduling class, or per QoS class.
 */
public enum GroupBy {
  /** One framework per (hashed) user. */
  USER,
  /** One framework per job; it leaves the cluster once its tasks are done. */
  JOB,
  /**
   * One per priority band: Google 2011's free (0–1), middle (2–8) and production (9–11); Google
   * 2019's free (≤ 99), best-effort batch (100–115), mid (116–119) and production (≥ 120).
   */
  PRIORITY,
  /** One per scheduling class (latency sensitivity 0–3). */
  CLASS,
  /** One per QoS class (GPU 2023: LS, BE, Burstable, Guaranteed). */
  QOS,
  /** One framework for the whole trace. */
  NONE;

  /** Its name on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The value for {@code label}; unknown labels throw with the list of known ones. */
  public static GroupBy of(String label) {
    for (GroupBy g : values()) {
      if (g.label().equals(label)) {
        return g;
      }
    }
    throw new IllegalArgumentException(
        "unknown grouping '" + label + "' (known: " + String.join(", ", labels()) + ")");
  }

  /** All labels. */
  public static List<String> labels() {
    return Arrays.stream(values()).map(GroupBy::label).toList();
  }

  /** The framework (and role) name for a task's owner; "other" where the trace has no value. */
  public String key(TaskOwner o, boolean google2019Bands) {
    return switch (this) {
      case USER -> o.user() == null ? "user-unknown" : "user-" + shorten(o.user());
      case JOB -> "job-" + shorten(o.job());
      case PRIORITY -> o.priority() < 0 ? "priority-unknown" : band(o.priority(), google2019Bands);
      case CLASS -> o.schedulingClass() < 0 ? "class-unknown" : "class-" + o.schedulingClass();
      case QOS -> o.qos() == null || o.qos().isEmpty() ? "qos-unknown" : "qos-" + clean(o.qos());
      case NONE -> "trace";
    };
  }

  private static String band(int p, boolean v2019) {
    if (v2019) {
      return p <= 99 ? "free" : p <= 115 ? "beb" : p <= 119 ? "mid" : "production";
    }
    return p <= 1 ? "free" : p <= 8 ? "middle" : "production";
  }

  /** Hashed ids are 44 base64 characters; 16 of them (96 bits) keep them apart. */
  private static String shorten(String id) {
    String c = clean(id);
    return c.length() > 16 ? c.substring(0, 16) : c;
  }

  /** Role names may not hold '/', '+', '=' or spaces (Mesos's role name rules). */
  private static String clean(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' ? c : '_');
    }
    return b.toString();
  }
}
