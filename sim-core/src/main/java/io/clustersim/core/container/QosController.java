package io.clustersim.core.container;

import java.util.List;

/**
 * Mesos's QoS controller: from a sample of the agent's usage, which revocable tasks to evict so
 * that the regular ones get their resources back. A new controller implements this and is added to
 * {@link OversubscriptionPolicies}.
 */
public interface QosController {
  /** The name {@code oversubscription.qos_controller} uses. */
  String name();

  /** One line for help texts. */
  String description();

  /** Keys ({@link AgentUsage.TaskUsage#key}) of the revocable tasks to evict now, possibly none. */
  List<String> corrections(AgentUsage usage, Oversubscription settings);
}
