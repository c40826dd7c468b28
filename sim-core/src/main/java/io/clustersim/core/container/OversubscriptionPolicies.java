package io.clustersim.core.container;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of resource estimators and QoS controllers that scenarios name. */
public final class OversubscriptionPolicies {
  private static final Map<String, ResourceEstimator> ESTIMATORS = new LinkedHashMap<>();
  private static final Map<String, QosController> CONTROLLERS = new LinkedHashMap<>();

  static {
    estimator(new FixedSlackEstimator());
    estimator(new FixedEstimator());
    controller(new CpuContentionController());
    controller(new NoQosController());
  }

  private OversubscriptionPolicies() {}

  private static void estimator(ResourceEstimator e) {
    ESTIMATORS.put(e.name(), e);
  }

  private static void controller(QosController c) {
    CONTROLLERS.put(c.name(), c);
  }

  /** Estimator names, the default first. */
  public static List<String> estimators() {
    return List.copyOf(ESTIMATORS.keySet());
  }

  /** QoS controller names, the default first. */
  public static List<String> controllers() {
    return List.copyOf(CONTROLLERS.keySet());
  }

  /** The estimator called {@code name}, or null. */
  public static ResourceEstimator estimator(String name) {
    return ESTIMATORS.get(name);
  }

  /** The QoS controller called {@code name}, or null. */
  public static QosController controller(String name) {
    return CONTROLLERS.get(name);
  }
}
