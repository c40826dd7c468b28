package io.clustersim.core.framework;

import io.clustersim.core.resources.Resources;
import java.util.Collection;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * What a scheduler can do, as in Mesos's {@code SchedulerDriver}. Every call becomes a message to
 * the master over the simulated network.
 */
public interface SchedulerDriver {
  /**
   * Accepts offers (all on one agent) with operations applied in order: reserve, unreserve, launch.
   * What is left unused goes back under {@code filters}.
   */
  void acceptOffers(Collection<String> offerIds, List<Operation> operations, Filters filters);

  /** Launches tasks on the given offers; what is not used goes back under {@code filters}. */
  default void launchTasks(Collection<String> offerIds, List<TaskInfo> tasks, Filters filters) {
    acceptOffers(offerIds, List.of(new Operation.Launch(tasks)), filters);
  }

  /** Declines an offer; the master does not re-offer those resources for the filter's time. */
  default void declineOffer(String offerId, Filters filters) {
    declineOffers(List.of(offerId), filters);
  }

  /**
   * Declines several offers in one message, as the v1 API's {@code DECLINE} call with several
   * {@code offer_ids} does; each is declined as by {@link #declineOffer}, in the given order.
   */
  void declineOffers(Collection<String> offerIds, Filters filters);

  /** Tells the master the shapes of the tasks it wants to run (empty: nothing pending). */
  void requestResources(Collection<Resources> requests);

  /** Agrees to give the inverse offer's agent back; no new one for that agent for the filter. */
  void acceptInverseOffer(String inverseOfferId, Filters filters);

  /** Refuses an inverse offer; no new one for that agent for the filter's duration. */
  void declineInverseOffer(String inverseOfferId, Filters filters);

  /** Asks for no more offers until {@link #reviveOffers()}. */
  void suppressOffers();

  /** Clears this framework's filters and asks for offers again. */
  void reviveOffers();

  /** Kills a task. */
  void killTask(String taskId);

  /** Asks for the current state of the given tasks, or of all tasks when empty. */
  void reconcileTasks(Collection<String> taskIds);

  /** Sends a message to an executor. */
  void sendFrameworkMessage(String executorId, String agentId, String data);

  /** Current simulated time in microseconds. */
  long now();

  /** This framework's own random stream, named after the framework and {@code purpose}. */
  RandomGenerator random(String purpose);
}
