package io.clustersim.workloads.generate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of trace generators: one line each. */
public final class TraceGenerators {
  private static final Map<String, TraceGenerator> REGISTRY = new LinkedHashMap<>();

  static {
    register(new Google2011Generator());
    register(new Alibaba2018Generator());
  }

  private TraceGenerators() {}

  private static void register(TraceGenerator g) {
    REGISTRY.put(g.format(), g);
  }

  /** Formats that can be generated. */
  public static List<String> formats() {
    return List.copyOf(REGISTRY.keySet());
  }

  /** The generator for {@code format}; unknown formats throw with the list of known ones. */
  public static TraceGenerator get(String format) {
    TraceGenerator g = REGISTRY.get(format);
    if (g == null) {
      throw new IllegalArgumentException(
          "cannot generate '" + format + "' (can: " + String.join(", ", formats()) + ")");
    }
    return g;
  }
}
