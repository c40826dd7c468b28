package io.clustersim.workloads.replay;

import io.clustersim.core.cluster.RunResult;
import io.clustersim.core.framework.TaskState;
import io.clustersim.core.kernel.Simulation;
import io.clustersim.core.log.EventListener;
import io.clustersim.core.log.EventLog;
import io.clustersim.core.log.LogEvent;
import io.clustersim.workloads.trace.EventSource;
import io.clustersim.workloads.trace.TaskKey;
import io.clustersim.workloads.trace.TraceEvent;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A trace replayed {@code as-recorded}: every task starts on its recorded machine at its recorded
 * time and ends when and as the trace says, with no master, allocator or offers involved. It checks
 * the reader and the mapping: what it logs is the trace's own placement, in the same event log and
 * summary as a simulated run, so utilisation computed from it must agree with sums over the trace's
 * rows, and it is the baseline ("what the production scheduler did") next to the policies.
 * Overcommitted machines stay overcommitted, as recorded. Usage records of placed tasks give the
 * used CPU (core-seconds), which the trace itself measured.
 */
public final class RecordedReplay {
  private final EventSource reader;
  private final ReplayOptions options;
  private final TraceSubset subset;
  private final Simulation sim = new Simulation();
  private final EventLog log = new EventLog(sim);
  private final Map<TaskKey, Attempt> attempts = new HashMap<>();
  private final Set<String> machines = new HashSet<>();
  private final Set<String> frameworks = new HashSet<>();
  private final TreeMap<String, Long> counts = new TreeMap<>();
  private double usedCoreSeconds;
  private long submitted;
  private long nextAttempt;
  private boolean windowReached;

  /** A replay of {@code reader}'s trace; {@code events} (may be null) receives the event log. */
  public RecordedReplay(
      EventSource reader,
      ReplayOptions options,
      OutputStream events,
      List<EventListener> listeners) {
    this.reader = reader;
    this.options = options;
    this.subset = options.subset();
    if (events != null) {
      log.writeTo(events);
    }
    listeners.forEach(log::addListener);
  }

  /** Replays the whole trace (or window). */
  public RunResult run() {
    feed();
    sim.runUntilDrained();
    reader.close();
    count("tasks still running in the trace when it ends", launchedLeft());
    long end = subset.windowEnd() >= 0 && windowReached ? simTime(subset.windowEnd()) : sim.now();
    return new RunResult(log.digest(), log.size(), end, sim.processed(), 0, 0, true, 0);
  }

  private long launchedLeft() {
    return attempts.values().stream().filter(a -> a.launchedAt >= 0).count();
  }

  /** Core-seconds of CPU the trace measured for the tasks replayed. */
  public double usedCoreSeconds() {
    return usedCoreSeconds;
  }

  /** Replay counts: tasks left out and why, and so on. */
  public Map<String, Long> counts() {
    return counts;
  }

  private void count(String what) {
    counts.merge(what, 1L, Long::sum);
  }

  private void count(String what, long n) {
    if (n > 0) {
      counts.merge(what, n, Long::sum);
    }
  }

  private long simTime(long traceTime) {
    return Math.max(0, traceTime - subset.windowStart());
  }

  /** Schedules the next event; each one, when applied, schedules the one after it. */
  private void feed() {
    TraceEvent e = reader.next();
    if (e == null) {
      return;
    }
    if (subset.windowEnd() >= 0 && e.time() >= subset.windowEnd()) {
      windowReached = true;
      return;
    }
    sim.schedule(
        Math.max(sim.now(), simTime(e.time())),
        Simulation.PRIORITY_INPUT,
        () -> {
          apply(e);
          feed();
        });
  }

  private void apply(TraceEvent e) {
    if (e instanceof TraceEvent.MachineAdded m) {
      if (subset.keepsMachine(m.machine()) && machines.add(m.machine())) {
        log.emit(new LogEvent.AgentAdded(m.machine(), m.capacity()));
      }
    } else if (e instanceof TraceEvent.MachineRemoved m) {
      if (machines.remove(m.machine())) {
        log.emit(new LogEvent.AgentRemoved(m.machine(), "machine_removed"));
      }
    } else if (e instanceof TraceEvent.MachineUpdated m) {
      if (machines.contains(m.machine())) {
        log.emit(new LogEvent.AgentUpdated(m.machine(), m.capacity()));
      }
    } else if (e instanceof TraceEvent.TaskSubmitted s) {
      submit(s);
    } else if (e instanceof TraceEvent.TaskScheduled s) {
      schedule(s);
    } else if (e instanceof TraceEvent.TaskEnded end) {
      end(end);
    } else if (e instanceof TraceEvent.TaskUsage u) {
      Attempt a = attempts.get(u.task());
      if (a != null && a.launchedAt >= 0) {
        long from = Math.max(simTime(u.time()), a.launchedAt);
        long to = simTime(u.end());
        if (subset.windowEnd() >= 0) {
          to = Math.min(to, simTime(subset.windowEnd()));
        }
        if (to > from) {
          usedCoreSeconds += u.cpus() * (to - from) / 1e6;
        }
      }
    }
  }

  private void submit(TraceEvent.TaskSubmitted s) {
    if (s.time() < subset.windowStart()) {
      count("tasks submitted before the window");
      return;
    }
    if (!subset.keepsJob(s.task().job())) {
      count("tasks of jobs left out by sampling");
      return;
    }
    if (subset.maxTasks() >= 0 && submitted >= subset.maxTasks()) {
      count("tasks beyond --max-tasks");
      return;
    }
    if (s.request().isEmpty()) {
      count("tasks without a resource request");
      return;
    }
    submitted++;
    String framework = options.groupBy().key(s.owner(), options.google2019Bands());
    if (frameworks.add(framework)) {
      log.emit(new LogEvent.FrameworkAdded(framework, framework));
    }
    Attempt a = new Attempt(s.task() + "#" + nextAttempt++, framework, s.request(), sim.now());
    if (attempts.put(s.task(), a) != null) {
      count("resubmissions without a recorded end");
    }
  }

  private void schedule(TraceEvent.TaskScheduled s) {
    Attempt a = attempts.get(s.task());
    if (a == null) {
      return;
    }
    if (s.machine() == null || !machines.contains(s.machine())) {
      attempts.remove(s.task());
      count(
          s.machine() == null
              ? "tasks with no recorded machine"
              : "tasks on machines left out or removed");
      return;
    }
    if (a.launchedAt >= 0) {
      count("tasks scheduled twice");
      return;
    }
    a.launchedAt = sim.now();
    a.agent = s.machine();
    log.emit(new LogEvent.TaskLaunched(a.id, a.framework, a.agent, a.id, a.request, a.submitted));
    log.emit(
        new LogEvent.TaskStatus(a.id, a.framework, a.agent, TaskState.TASK_RUNNING.name(), null));
  }

  private void end(TraceEvent.TaskEnded end) {
    Attempt a = attempts.remove(end.task());
    if (a == null) {
      return;
    }
    if (a.launchedAt < 0) {
      count("tasks the trace ended before they ran");
      return;
    }
    log.emit(
        new LogEvent.TaskStatus(
            a.id,
            a.framework,
            a.agent,
            options.ends().state(end.ending()).name(),
            "REASON_RECORDED_" + end.ending().name()));
  }
}
