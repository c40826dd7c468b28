package io.clustersim.workloads.generate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The registry of trace generators: one line each. */
public final class TraceGenerators {
  // Suppliers, not instances: a generator keeps state while it runs.
  private static final Map<String, Supplier<TraceGenerator>> REGISTRY = new LinkedHashMap<>();

  static {
    register("google-2011", Google2011Generator::new);
    register("alibaba-2018", Alibaba2018Generator::new);
  }

  private TraceGenerators() {}

  private static void register(String format, Supplier<TraceGenerator> g) {
    REGISTRY.put(format, g);
  }

  /** Formats that can be generated. */
  public static List<String> formats() {
    return List.copyOf(REGISTRY.keySet());
  }

  /** A new generator for {@code format}; unknown formats throw with the list of known ones. */
  public static TraceGenerator get(String format) {
    Supplier<TraceGenerator> g = REGISTRY.get(format);
    if (g == null) {
      throw new IllegalArgumentException(
          "cannot generate '" + format + "' (can: " + String.join(", ", formats()) + ")");
    }
    return g.get();
  }
}
