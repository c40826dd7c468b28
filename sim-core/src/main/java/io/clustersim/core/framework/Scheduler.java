package io.clustersim.core.framework;

import java.util.List;

/**
 * A framework's scheduler, with the callbacks of Mesos's {@code Scheduler} interface. Each is
 * called when the corresponding message from the master reaches the framework over the simulated
 * network. Callbacks a scheduler does not need default to doing nothing.
 */
public interface Scheduler {
  /** The master accepted the registration. */
  void registered(SchedulerDriver driver, String frameworkId, String masterId);

  /** The framework registered again with a (possibly new) master. */
  default void reregistered(SchedulerDriver driver, String masterId) {}

  /** The framework lost its master. */
  default void disconnected(SchedulerDriver driver) {}

  /** New offers; each must be accepted, declined or left to time out. */
  void resourceOffers(SchedulerDriver driver, List<Offer> offers);

  /**
   * Inverse offers (Mesos's v1 API): the master asks for agents back for maintenance. Answer with
   * {@link SchedulerDriver#acceptInverseOffer} or {@link SchedulerDriver#declineInverseOffer}.
   */
  default void inverseOffers(SchedulerDriver driver, List<InverseOffer> offers) {}

  /** An offer is no longer valid. */
  default void offerRescinded(SchedulerDriver driver, String offerId) {}

  /** A task changed state. */
  void statusUpdate(SchedulerDriver driver, TaskStatus status);

  /** A message from one of the framework's executors. */
  default void frameworkMessage(
      SchedulerDriver driver, String executorId, String agentId, String data) {}

  /** An agent was removed; tasks on it are reported separately. */
  default void agentLost(SchedulerDriver driver, String agentId) {}

  /** An executor exited or was lost. */
  default void executorLost(
      SchedulerDriver driver, String executorId, String agentId, int status) {}

  /** An unrecoverable error, such as a refused registration. */
  default void error(SchedulerDriver driver, String message) {}
}
