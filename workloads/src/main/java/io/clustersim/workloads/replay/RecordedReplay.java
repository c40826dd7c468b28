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
  private final Submissions submissions;
  private double usedCoreSeconds;
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
    this.submissions = new Submissions(options);
    if (events != null) {
      log.writeTo(events);
    }
    listeners.forEach(log::addListener);
  }

  /** Stops the replay at simulated time {@code micros} (negative: at the end of the trace). */
  public RecordedReplay stopAt(long micros) {
    this.stopAt = micros;
    return this;
  }

  private long stopAt = -1;

  /** Replays the whole trace (or window), or up to {@link #stopAt}. */
  public RunResult run() {
    try {
      return runLogged();
    } catch (RuntimeException e) {
      throw log.failedRun(e);
    }
  }

  private RunResult runLogged() {
    feed();
    if (stopAt >= 0) {
      sim.runUntil(stopAt);
    } else {
      sim.runUntilDrained();
    }
    reader.close();
    submissions.count("tasks still running in the trace when it ends", launchedLeft());
    long end =
        stopAt >= 0
            ? stopAt
            : subset.windowEnd() >= 0 && windowReached
                ? subset.simTime(subset.windowEnd())
                : sim.now();
    return new RunResult(log.digest(), log.size(), end, sim.processed(), 0, 0, 0, stopAt < 0, 0);
  }

  private long launchedLeft() {
    return attempts.values().stream().filter(a -> a.launchedAt >= 0).count();
  }

  /** What the trace's machine usage records say the replayed machines used (empty: none). */
  public Map<String, Object> machineUsage() {
    return machineUsage.summary();
  }

  private final RecordedMachineUsage machineUsage = new RecordedMachineUsage();

  /** Core-seconds of CPU the trace measured for the tasks replayed. */
  public double usedCoreSeconds() {
    return usedCoreSeconds;
  }

  /** Replay counts: tasks left out and why, and so on. */
  public Map<String, Long> counts() {
    return submissions.counts();
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
        Math.max(sim.now(), subset.simTime(e.time())),
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
    } else if (e instanceof TraceEvent.MachineUsage u) {
      if (machines.contains(u.machine())) {
        machineUsage.record(
            sim.now(),
            u.machine(),
            u.cpuShare(),
            u.memShare(),
            u.capacity().amount("cpus"),
            u.capacity().amount("mem"));
      }
    } else if (e instanceof TraceEvent.MachineRemoved m) {
      machineUsage.removed(sim.now(), m.machine());
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
        long from = Math.max(subset.simTime(u.time()), a.launchedAt);
        long to = subset.simTime(u.end());
        if (subset.windowEnd() >= 0) {
          to = Math.min(to, subset.simTime(subset.windowEnd()));
        }
        if (to > from) {
          usedCoreSeconds += u.cpus() * (to - from) / 1e6;
        }
      }
    }
  }

  private void submit(TraceEvent.TaskSubmitted s) {
    Attempt a = submissions.admit(s, sim.now());
    if (a == null) {
      return;
    }
    if (frameworks.add(a.framework)) {
      log.emit(new LogEvent.FrameworkAdded(a.framework, a.framework));
    }
    if (attempts.put(s.task(), a) != null) {
      submissions.count("resubmissions without a recorded end");
    }
  }

  private void schedule(TraceEvent.TaskScheduled s) {
    Attempt a = attempts.get(s.task());
    if (a == null) {
      return;
    }
    if (s.machine() == null || !machines.contains(s.machine())) {
      attempts.remove(s.task());
      submissions.count(
          s.machine() == null
              ? "tasks with no recorded machine"
              : "tasks on machines left out or removed");
      return;
    }
    if (a.launchedAt >= 0) {
      submissions.count("tasks scheduled twice");
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
      submissions.count("tasks the trace ended before they ran");
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
