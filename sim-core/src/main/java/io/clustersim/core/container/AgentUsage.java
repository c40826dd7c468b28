package io.clustersim.core.container;

import java.util.List;

/**
 * One sample of the resource monitor on one agent: its regular CPU, and each live task's allocation
 * and use, oldest launch first.
 *
 * @param cpusMilli the agent's regular (non-revocable) CPU, thousandths of a core
 * @param tasks the tasks running on it, in launch order
 */
public record AgentUsage(long cpusMilli, List<TaskUsage> tasks) {
  /**
   * One task in a sample.
   *
   * @param key framework id / task id
   * @param allocatedCpusMilli CPU it holds (regular or revocable)
   * @param usedCpusMilli CPU it uses now
   * @param usedMemMilli memory it holds now, thousandths of a MiB
   * @param revocable whether it runs on revocable resources
   */
  public record TaskUsage(
      String key,
      long allocatedCpusMilli,
      long usedCpusMilli,
      long usedMemMilli,
      boolean revocable) {}

  /** CPU used by every task. */
  public long usedCpusMilli() {
    return tasks.stream().mapToLong(TaskUsage::usedCpusMilli).sum();
  }

  /** Memory held by every task. */
  public long usedMemMilli() {
    return tasks.stream().mapToLong(TaskUsage::usedMemMilli).sum();
  }

  /** CPU allocated to revocable tasks. */
  public long revocableAllocatedCpusMilli() {
    return tasks.stream()
        .filter(TaskUsage::revocable)
        .mapToLong(TaskUsage::allocatedCpusMilli)
        .sum();
  }
}
