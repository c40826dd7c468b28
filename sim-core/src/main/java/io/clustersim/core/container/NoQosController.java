package io.clustersim.core.container;

import java.util.List;

/** Mesos's default when no QoS controller module is loaded: never evicts. */
final class NoQosController implements QosController {
  @Override
  public String name() {
    return "none";
  }

  @Override
  public String description() {
    return "never evict (Mesos's NoopQoSController)";
  }

  @Override
  public List<String> corrections(AgentUsage usage, Oversubscription settings) {
    return List.of();
  }
}
