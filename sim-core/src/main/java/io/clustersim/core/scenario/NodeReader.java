package io.clustersim.core.scenario;

import io.clustersim.core.kernel.SimTime;
import io.clustersim.core.resources.Ranges;
import io.clustersim.core.resources.Resource;
import io.clustersim.core.resources.Resources;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Typed access to {@link Node}s; every failure names the file, line, column and key. */
final class NodeReader {

  /** Resources that are always scalars, so a string there is a mistake rather than ranges. */
  private static final List<String> SCALARS = List.of("cpus", "mem", "disk", "gpus");

  private final String file;

  NodeReader(String file) {
    this.file = file;
  }

  ScenarioException error(Node n, String message) {
    String where = file + ":" + n.line() + ":" + n.column() + ": ";
    return new ScenarioException(where + (n.path().isEmpty() ? "" : n.path() + ": ") + message);
  }

  Node.MapNode map(Node n) {
    if (n instanceof Node.MapNode m) {
      return m;
    }
    throw error(n, "expected a mapping, found " + Node.describe(n));
  }

  List<Node> list(Node n) {
    if (n instanceof Node.ListNode l) {
      return l.items();
    }
    throw error(n, "expected a list, found " + Node.describe(n));
  }

  /** Rejects any key not in {@code allowed}, naming it and listing the allowed ones. */
  void allowOnly(Node.MapNode m, String... allowed) {
    List<String> ok = Arrays.asList(allowed);
    for (Map.Entry<String, Node> e : m.entries().entrySet()) {
      if (!ok.contains(e.getKey())) {
        throw error(
            e.getValue(),
            "unknown key '" + e.getKey() + "' (expected one of: " + String.join(", ", ok) + ")");
      }
    }
  }

  /** The value under {@code key}, or null if absent or written as null. */
  Node get(Node.MapNode m, String key) {
    Node n = m.entries().get(key);
    if (n instanceof Node.ScalarNode s && s.kind() == Node.Kind.NULL) {
      return null;
    }
    return n;
  }

  Node require(Node.MapNode m, String key) {
    Node n = get(m, key);
    if (n == null) {
      String where = file + ":" + m.line() + ":" + m.column() + ": ";
      throw new ScenarioException(
          where
              + (m.path().isEmpty() ? "" : m.path() + ": ")
              + "missing required key '"
              + key
              + "'");
    }
    return n;
  }

  Node.ScalarNode scalar(Node n) {
    if (n instanceof Node.ScalarNode s && s.kind() != Node.Kind.NULL) {
      return s;
    }
    throw error(n, "expected a single value, found " + Node.describe(n));
  }

  String string(Node n) {
    return scalar(n).text();
  }

  String string(Node.MapNode m, String key, String fallback) {
    Node n = get(m, key);
    return n == null ? fallback : string(n);
  }

  long integer(Node n, long min, long max) {
    Node.ScalarNode s = scalar(n);
    if (s.kind() != Node.Kind.INTEGER) {
      throw error(n, "expected a whole number, found " + Node.describe(n));
    }
    long v;
    try {
      v = Long.parseLong(s.text());
    } catch (NumberFormatException e) {
      throw error(n, "number out of range: " + s.text());
    }
    if (v < min || v > max) {
      throw error(n, "must be between " + min + " and " + max + ", found " + v);
    }
    return v;
  }

  long integer(Node.MapNode m, String key, long fallback, long min, long max) {
    Node n = get(m, key);
    return n == null ? fallback : integer(n, min, max);
  }

  double number(Node n, double min, double max) {
    Node.ScalarNode s = scalar(n);
    if (s.kind() != Node.Kind.INTEGER && s.kind() != Node.Kind.DECIMAL) {
      throw error(n, "expected a number, found " + Node.describe(n));
    }
    double v = Double.parseDouble(s.text());
    if (!(v >= min && v <= max)) {
      throw error(n, "must be between " + min + " and " + max + ", found " + s.text());
    }
    return v;
  }

  boolean bool(Node n) {
    Node.ScalarNode s = scalar(n);
    if (s.kind() != Node.Kind.BOOLEAN) {
      throw error(n, "expected true or false, found " + Node.describe(n));
    }
    return Boolean.parseBoolean(s.text());
  }

  /**
   * A duration: a number of seconds, or a string with a unit ({@code 250ms}, {@code 90s}, {@code
   * 5m}, {@code 2h}, {@code 7d}, {@code 1w}, {@code 10us}), as integer microseconds.
   */
  long duration(Node n) {
    Node.ScalarNode s = scalar(n);
    double seconds;
    if (s.kind() == Node.Kind.INTEGER || s.kind() == Node.Kind.DECIMAL) {
      seconds = Double.parseDouble(s.text());
    } else if (s.kind() == Node.Kind.STRING) {
      try {
        return SimTime.parseDuration(s.text());
      } catch (IllegalArgumentException e) {
        throw error(n, e.getMessage());
      }
    } else {
      throw error(n, "expected a duration, found " + Node.describe(n));
    }
    if (seconds < 0) {
      throw error(n, "a duration cannot be negative, found " + s.text());
    }
    return SimTime.ofSeconds(seconds);
  }

  long duration(Node.MapNode m, String key, long fallback) {
    Node n = get(m, key);
    return n == null ? fallback : duration(n);
  }

  /**
   * Resources from a mapping of name to amount: numbers for scalars (gpus must be whole), a range
   * string such as {@code "31000-32000"} for ports.
   */
  Resources resources(Node n, String role) {
    Node.MapNode m = map(n);
    Resources result = Resources.EMPTY;
    for (Map.Entry<String, Node> e : m.entries().entrySet()) {
      String name = e.getKey();
      Node v = e.getValue();
      if (!name.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
        throw error(v, "'" + name + "' is not a valid resource name");
      }
      Node.ScalarNode s = scalar(v);
      Resource r;
      if (s.kind() == Node.Kind.STRING && SCALARS.contains(name)) {
        throw error(v, "expected a number, found " + Node.describe(v));
      } else if (s.kind() == Node.Kind.STRING) {
        try {
          r = new Resource(name, role, false, 0, Ranges.parse(s.text()));
        } catch (IllegalArgumentException ex) {
          throw error(
              v, "expected a number, or ranges such as \"31000-32000\", found " + Node.describe(v));
        }
      } else {
        double amount = number(v, 0, 1e15);
        if (name.equals("gpus") && amount != Math.rint(amount)) {
          throw error(v, "gpus must be a whole number, found " + s.text());
        }
        r = new Resource(name, role, false, Resources.toMilli(name, amount), null);
      }
      result = result.plus(Resources.of(r));
    }
    return result;
  }

  List<String> strings(Node n) {
    List<String> out = new ArrayList<>();
    for (Node item : list(n)) {
      out.add(string(item));
    }
    return out;
  }
}
