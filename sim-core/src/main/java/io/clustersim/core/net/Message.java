package io.clustersim.core.net;

import io.clustersim.core.framework.ExecutorInfo;
import io.clustersim.core.framework.Filters;
import io.clustersim.core.framework.FrameworkInfo;
import io.clustersim.core.framework.InverseOffer;
import io.clustersim.core.framework.Offer;
import io.clustersim.core.framework.Operation;
import io.clustersim.core.framework.TaskInfo;
import io.clustersim.core.framework.TaskState;
import io.clustersim.core.framework.TaskStatus;
import io.clustersim.core.resources.Resources;
import java.util.List;
import java.util.Map;

/** Every message that crosses the simulated network between master, agents and frameworks. */
public sealed interface Message {
  // ---- agent → master
  /**
   * An agent asks to join, reporting its resources and the tasks it runs (framework/task), with
   * their resources and custom executors.
   */
  record RegisterAgent(
      String agentId,
      Resources resources,
      Map<String, String> attributes,
      List<String> runningTasks,
      Map<String, Resources> taskResources,
      Map<String, ExecutorInfo> taskExecutors,
      Map<String, FrameworkInfo> frameworks,
      int generation)
      implements Message {}

  /** An agent answers a ping. */
  record Pong(String agentId) implements Message {}

  /** The agent's resource monitor: what its tasks use now (thousandths of a core and a MiB). */
  record UsageReport(String agentId, long usedCpusMilli, long usedMemMilli) implements Message {}

  /**
   * The agent's revocable resources changed (Mesos's UpdateSlaveMessage with oversubscribed
   * resources): what revocable tasks hold plus what the estimator found free.
   */
  record UpdateOversubscribed(String agentId, Resources revocable) implements Message {}

  /** A task's state changed on an agent. */
  record StatusUpdate(String agentId, String frameworkId, TaskStatus status) implements Message {}

  /** An executor exited on an agent. */
  record ExecutorExited(String agentId, String frameworkId, String executorId, int status)
      implements Message {}

  // ---- master → agent
  /** The master admitted the agent. */
  record AgentRegistered(String agentId) implements Message {}

  /** Health check. */
  record Ping(String agentId) implements Message {}

  /** Start a task (and its executor, if not running yet). */
  record RunTask(
      String frameworkId,
      TaskInfo task,
      ExecutorInfo executor,
      FrameworkInfo framework,
      int generation)
      implements Message {}

  /** Kill one task. */
  record KillTask(String frameworkId, String taskId) implements Message {}

  /** Kill every task and executor of a framework. */
  record ShutdownFramework(String frameworkId) implements Message {}

  // ---- framework → master
  /** A framework registers. */
  record RegisterFramework(FrameworkInfo info, boolean reregister) implements Message {
    /** A first registration. */
    public RegisterFramework(FrameworkInfo info) {
      this(info, false);
    }
  }

  /** Accept offers with operations. */
  record AcceptOffers(
      String frameworkId, List<String> offerIds, List<Operation> operations, Filters filters)
      implements Message {}

  /** Decline offers, all under the same filter (the v1 API's {@code DECLINE}). */
  record DeclineOffer(String frameworkId, List<String> offerIds, Filters filters)
      implements Message {}

  /** The framework's pending task shapes. */
  record ResourceRequest(String frameworkId, List<Resources> requests) implements Message {}

  /** An answer to an inverse offer. */
  record InverseOfferReply(
      String frameworkId, String inverseOfferId, boolean accepted, Filters filters)
      implements Message {}

  /** Stop sending offers. */
  record SuppressOffers(String frameworkId) implements Message {}

  /** Clear filters and send offers again. */
  record ReviveOffers(String frameworkId) implements Message {}

  /** Kill a task. */
  record KillTaskRequest(String frameworkId, String taskId) implements Message {}

  /** Report the state of these tasks (all when empty). */
  record ReconcileTasks(String frameworkId, List<String> taskIds, Map<String, String> agents)
      implements Message {
    /** Without the agents the framework believes the tasks are on. */
    public ReconcileTasks(String frameworkId, List<String> taskIds) {
      this(frameworkId, taskIds, Map.of());
    }
  }

  /** The framework goes inactive or active again, as on a disconnect and reconnect. */
  record SetFrameworkActive(String frameworkId, boolean active) implements Message {}

  /** A message for an executor. */
  record FrameworkToExecutor(String frameworkId, String executorId, String agentId, String data)
      implements Message {}

  // ---- master → framework
  /** Registration accepted. */
  record FrameworkRegistered(String frameworkId, String masterId) implements Message {}

  /** New offers. */
  record ResourceOffers(List<Offer> offers) implements Message {}

  /** Inverse offers for maintenance. */
  record InverseOffers(List<InverseOffer> offers) implements Message {}

  /** An offer is withdrawn. */
  record RescindOffer(String offerId) implements Message {}

  /** A task status, forwarded from an agent or generated by the master. */
  record StatusToFramework(TaskStatus status) implements Message {}

  /** The master has a status update: the agent stops retrying it. */
  record StatusUpdateAck(String frameworkId, String taskId, TaskState state) implements Message {}

  /** A framework has a status update: the master stops retrying it. */
  record StatusAck(String frameworkId, String taskId, TaskState state) implements Message {}

  /** An agent was removed. */
  record AgentLost(String agentId) implements Message {}

  /** An executor exited or was lost. */
  record ExecutorLost(String executorId, String agentId, int status) implements Message {}

  /** A message from an executor. */
  record ExecutorToFramework(String executorId, String agentId, String data) implements Message {}

  /** A fatal error, such as a refused registration. */
  record FrameworkError(String message) implements Message {}
}
