package io.clustersim.reports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clustersim.core.kernel.SimTime;
import io.clustersim.core.log.LogEvent;
import io.clustersim.core.resources.Resources;
import java.util.HashMap;
import java.util.Map;

/**
 * What happened inside the agents, from the event log: image pulls and containers that could not
 * start, OOM kills and CPU throttling, the resource monitor's used-against-allocated view, and
 * oversubscription (revocable CPU on offer, revocable tasks launched and evicted). O(1) per event;
 * memory grows with the agents.
 */
final class AgentInternals {
  private long imagePulls;
  private long pullMicros;
  private long launchFailures;
  private long oomKills;
  private long throttledTasks;
  private long throttledMicros;
  private long reports;
  private long revocableLaunched;
  private long evictions;
  // Latest report per agent and the cluster sums they make; looked up only.
  private final Map<String, double[]> lastReport = new HashMap<>();
  private final double[] sums = new double[3]; // used cpus, used mem, allocated cpus
  private final TimeWeighted usedCpus = new TimeWeighted(0);
  private final TimeWeighted usedMem = new TimeWeighted(0);
  private final TimeWeighted allocatedCpus = new TimeWeighted(0);
  private final Map<String, Double> revocableByAgent = new HashMap<>();
  private double revocableSum;
  private final TimeWeighted revocable = new TimeWeighted(0);

  void onEvent(long t, LogEvent e) {
    if (e instanceof LogEvent.ImagePulled p) {
      imagePulls++;
      pullMicros += p.micros();
    } else if (e instanceof LogEvent.TaskThrottled th) {
      throttledTasks++;
      throttledMicros += th.micros();
    } else if (e instanceof LogEvent.TaskStatus s && s.reason() != null) {
      switch (s.reason()) {
        case "REASON_CONTAINER_LIMITATION_MEMORY" -> oomKills++;
        case "REASON_CONTAINER_LAUNCH_FAILED" -> launchFailures++;
        case "REASON_CONTAINER_PREEMPTED" -> evictions++;
        default -> {}
      }
    } else if (e instanceof LogEvent.TaskLaunched l && !l.resources().revocable().isEmpty()) {
      revocableLaunched++;
    } else if (e instanceof LogEvent.AgentUsage u) {
      reports++;
      double[] now = {
        u.used().milli("cpus") / 1000.0,
        u.used().milli("mem") / 1000.0,
        u.allocated().milli("cpus") / 1000.0
      };
      double[] was = lastReport.put(u.agent(), now);
      for (int i = 0; i < 3; i++) {
        sums[i] += now[i] - (was == null ? 0 : was[i]);
      }
      usedCpus.set(t, sums[0]);
      usedMem.set(t, sums[1]);
      allocatedCpus.set(t, sums[2]);
    } else if (e instanceof LogEvent.AgentUpdated a) {
      setRevocable(t, a.agent(), a.resources());
    } else if (e instanceof LogEvent.AgentRemoved r) {
      setRevocable(t, r.agent(), Resources.EMPTY);
      double[] was = lastReport.remove(r.agent());
      if (was != null) {
        for (int i = 0; i < 3; i++) {
          sums[i] -= was[i];
        }
        usedCpus.set(t, sums[0]);
        usedMem.set(t, sums[1]);
        allocatedCpus.set(t, sums[2]);
      }
    }
  }

  private void setRevocable(long t, String agent, Resources total) {
    double cpus = total.revocable().milli("cpus") / 1000.0;
    Double was = revocableByAgent.put(agent, cpus);
    revocableSum += cpus - (was == null ? 0 : was);
    revocable.set(t, revocableSum);
  }

  /** Whether the monitor reported at all (then "used" in the summary is measured). */
  boolean monitored() {
    return reports > 0;
  }

  double usedCpusMean(long end) {
    return usedCpus.mean(end);
  }

  double usedCpusPeak() {
    return usedCpus.peak();
  }

  double usedMemMean(long end) {
    return usedMem.mean(end);
  }

  double usedMemPeak() {
    return usedMem.peak();
  }

  void write(ObjectNode root, long end) {
    ObjectNode c = root.putObject("containers");
    c.put("image_pulls", imagePulls);
    c.put("image_pull_seconds", SimTime.toSeconds(pullMicros));
    c.put("launch_failures", launchFailures);
    ObjectNode i = root.putObject("isolation");
    i.put("oom_kills", oomKills);
    i.put("throttled_tasks", throttledTasks);
    i.put("throttled_extra_seconds", SimTime.toSeconds(throttledMicros));
    ObjectNode m = root.putObject("monitor");
    m.put("reports", reports);
    m.put("used_cpus_mean", usedCpus.mean(end));
    m.put("used_mem_mean", usedMem.mean(end));
    m.put("allocated_cpus_mean", allocatedCpus.mean(end));
    double alloc = allocatedCpus.mean(end);
    m.put("used_over_allocated_cpus", alloc > 0 ? usedCpus.mean(end) / alloc : 0);
    ObjectNode o = root.putObject("oversubscription");
    o.put("revocable_cpus_mean", revocable.mean(end));
    o.put("revocable_cpus_peak", revocable.peak());
    o.put("revocable_tasks_launched", revocableLaunched);
    o.put("revocable_tasks_evicted", evictions);
  }
}
