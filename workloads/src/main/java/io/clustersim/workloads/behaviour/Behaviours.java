package io.clustersim.workloads.behaviour;

import io.clustersim.core.cluster.SchedulerFactory;
import io.clustersim.core.framework.Scheduler;
import io.clustersim.core.scenario.Scenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The registry of built-in framework behaviours that scenario files name: one line each. */
public final class Behaviours implements SchedulerFactory {
  private static final Map<String, Function<Scenario.Framework, Scheduler>> REGISTRY =
      new LinkedHashMap<>();

  static {
    REGISTRY.put("batch", BatchScheduler::new);
    REGISTRY.put("service", ServiceScheduler::new);
    REGISTRY.put("hold", f -> new HoldScheduler());
    REGISTRY.put("decline", f -> new DeclineScheduler(f.refuse()));
  }

  /** Behaviour names, in registry order. */
  public static List<String> names() {
    return List.copyOf(REGISTRY.keySet());
  }

  @Override
  public Scheduler create(Scenario.Framework framework) {
    Function<Scenario.Framework, Scheduler> make = REGISTRY.get(framework.behaviour());
    if (make == null) {
      throw new IllegalArgumentException(
          "unknown behaviour '"
              + framework.behaviour()
              + "' (known: "
              + String.join(", ", names())
              + ")");
    }
    return make.apply(framework);
  }
}
