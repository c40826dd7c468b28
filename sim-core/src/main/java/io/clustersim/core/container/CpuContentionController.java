package io.clustersim.core.container;

import java.util.ArrayList;
import java.util.List;

/**
 * The default QoS controller: when the tasks together use more CPU than the agent's regular CPU,
 * regular tasks are being starved by revocable ones; it evicts revocable tasks, newest first, until
 * what is left fits. Cost O(tasks on the agent).
 */
final class CpuContentionController implements QosController {
  @Override
  public String name() {
    return "cpu-contention";
  }

  @Override
  public String description() {
    return "evict revocable tasks, newest first, while all tasks use more CPU than the agent has"
        + " (default)";
  }

  @Override
  public List<String> corrections(AgentUsage usage, Oversubscription settings) {
    long over = usage.usedCpusMilli() - usage.cpusMilli();
    List<String> evict = new ArrayList<>();
    List<AgentUsage.TaskUsage> tasks = usage.tasks();
    for (int i = tasks.size() - 1; i >= 0 && over > 0; i--) {
      AgentUsage.TaskUsage t = tasks.get(i);
      if (t.revocable()) {
        evict.add(t.key());
        over -= t.usedCpusMilli();
      }
    }
    return evict;
  }
}
