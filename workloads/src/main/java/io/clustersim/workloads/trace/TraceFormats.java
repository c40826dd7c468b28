package io.clustersim.workloads.trace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of trace formats that {@code FORMAT:PATH} names: one line each. */
public final class TraceFormats {
  private static final Map<String, TraceFormat> REGISTRY = new LinkedHashMap<>();

  static {
    register(new Google2011Format());
    register(new Google2019Format());
    register(new Alibaba2017Format());
    register(new Alibaba2018Format());
    register(new AlibabaGpu2023Format());
    register(new RecordedEventsFormat());
  }

  private TraceFormats() {}

  private static void register(TraceFormat f) {
    REGISTRY.put(f.name(), f);
  }

  /** Format names, in registry order. */
  public static List<String> names() {
    return List.copyOf(REGISTRY.keySet());
  }

  /** The formats, in registry order. */
  public static List<TraceFormat> all() {
    return List.copyOf(REGISTRY.values());
  }

  /** The format called {@code name}; unknown names throw with the list of known ones. */
  public static TraceFormat get(String name) {
    TraceFormat f = REGISTRY.get(name);
    if (f == null) {
      throw new IllegalArgumentException(
          "unknown trace format '" + name + "' (known: " + String.join(", ", names()) + ")");
    }
    return f;
  }

  /** A {@code FORMAT:PATH} argument. */
  public record Spec(TraceFormat format, String path) {
    /** Parses {@code FORMAT:PATH}. */
    public static Spec parse(String text) {
      int colon = text.indexOf(':');
      if (colon <= 0 || colon == text.length() - 1) {
        throw new IllegalArgumentException(
            "'" + text + "' is not FORMAT:PATH (formats: " + String.join(", ", names()) + ")");
      }
      return new Spec(get(text.substring(0, colon)), text.substring(colon + 1));
    }
  }
}
