package io.clustersim.core.framework;

/**
 * A status update for one task, as delivered to its scheduler.
 *
 * @param taskId the framework's task id
 * @param agentId the agent the task ran on, or null if unknown
 * @param state the new state
 * @param reason a Mesos reason such as {@code REASON_SLAVE_REMOVED}, or null
 */
public record TaskStatus(String taskId, String agentId, TaskState state, String reason) {}
