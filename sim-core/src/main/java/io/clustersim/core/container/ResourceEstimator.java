package io.clustersim.core.container;

/**
 * Mesos's resource estimator: from a sample of the agent's usage, how much CPU may be offered as
 * revocable on top of what revocable tasks already hold. A new estimator implements this and is
 * added to {@link OversubscriptionPolicies}.
 */
public interface ResourceEstimator {
  /** The name {@code oversubscription.estimator} uses. */
  String name();

  /** One line for help texts. */
  String description();

  /** Revocable CPU still free to offer, thousandths of a core (0 or more). */
  long oversubscribableCpusMilli(AgentUsage usage, Oversubscription settings);
}
