package io.clustersim.workloads.placement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of placement strategies that {@code --placement} names. */
public final class TaskPlacements {
  private static final Map<String, TaskPlacement> REGISTRY = new LinkedHashMap<>();

  static {
    register(new FirstFit());
    register(new BestFit());
    register(new DotProduct());
    register(new GpuPacking());
    register(new GpuClustering());
    register(new RandomFit());
    register(new FragmentationGradient());
  }

  private TaskPlacements() {}

  private static void register(TaskPlacement p) {
    REGISTRY.put(p.name(), p);
  }

  /** The default strategy. */
  public static TaskPlacement firstFit() {
    return REGISTRY.get("first-fit");
  }

  /** Names, in registry order. */
  public static List<String> names() {
    return List.copyOf(REGISTRY.keySet());
  }

  /** The strategies, in registry order. */
  public static List<TaskPlacement> all() {
    return List.copyOf(REGISTRY.values());
  }

  /** The strategy called {@code name}; unknown names throw with the list of known ones. */
  public static TaskPlacement get(String name) {
    TaskPlacement p = REGISTRY.get(name);
    if (p == null) {
      throw new IllegalArgumentException(
          "unknown placement '" + name + "' (known: " + String.join(", ", names()) + ")");
    }
    return p;
  }
}
