package io.clustersim.workloads.replay;

import io.clustersim.core.cluster.ClusterControl;
import io.clustersim.core.cluster.Workload;
import io.clustersim.core.framework.Capability;
import io.clustersim.core.framework.FrameworkInfo;
import io.clustersim.core.framework.TaskState;
import io.clustersim.core.kernel.SimTime;
import io.clustersim.core.resources.Resources;
import io.clustersim.workloads.trace.EventSource;
import io.clustersim.workloads.trace.GroupBy;
import io.clustersim.workloads.trace.TaskKey;
import io.clustersim.workloads.trace.TraceEvent;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trace replayed in {@code simulated} mode: machines become agents when the trace adds them, and
 * tasks arrive at their recorded submit times at trace-driven frameworks (one per {@link GroupBy}
 * key, registering in a role of the same name) that place them on the offers the policy makes. Each
 * task runs for its recorded runtime (recorded end − recorded start) and then ends as {@link
 * EndMapping} says.
 *
 * <p>Streaming: the trace is read once, {@code lookahead} ahead of simulated time, and each event
 * is scheduled at its own time; memory holds the events of the lookahead window and the tasks alive
 * in the trace or the simulation. Reading ahead lets a task the policy launches earlier than the
 * production scheduler did usually know its runtime at launch; one whose end lies beyond the
 * lookahead runs until the end is read and is then ended by its framework (through the built-in
 * executor's {@code end} message) at launch + runtime, or at once if that moment has passed.
 *
 * <p>The replay ends with the trace: at the time of the last event read (or the window's end).
 *
 * <p>Time: the replay's time 0 is the window's start. Machine events before the window apply at
 * time 0 (the cluster as it was); tasks submitted before the window are left out (counted).
 */
public final class TraceWorkload implements Workload {
  private final EventSource reader;
  private final ReplayOptions options;
  private final TraceSubset subset;
  private final Map<TaskKey, Attempt> reading = new HashMap<>();
  private final Map<String, TraceFramework> frameworks = new LinkedHashMap<>();
  private final Set<String> machines = new HashSet<>();
  private final Submissions submissions;
  private final GpuLedger ledger = new GpuLedger();
  // With inflation, the replay time of the next arrival: one second after the previous one.
  private long nextArrival;
  private ClusterControl cluster;
  private TraceEvent peeked;
  private boolean exhausted;
  private boolean over;
  private long lastEvent;

  /** A replay of {@code reader}'s trace. */
  public TraceWorkload(EventSource reader, ReplayOptions options) {
    this.reader = reader;
    this.options = options;
    this.subset = options.subset();
    this.submissions = new Submissions(options);
  }

  @Override
  public void start(ClusterControl cluster) {
    this.cluster = cluster;
    cluster.input(0, this::feed);
  }

  private final RecordedMachineUsage machineUsage = new RecordedMachineUsage();

  /** What the trace's machine usage records say the replayed machines used (empty: none). */
  public Map<String, Object> machineUsage() {
    return machineUsage.summary();
  }

  /** Replay counts: tasks left out and why, machine updates refused, and so on. */
  public Map<String, Long> counts() {
    return submissions.counts();
  }

  /** Reads the trace up to the lookahead horizon and schedules what it read. */
  private void feed() {
    long horizon = cluster.now() + options.lookaheadMicros();
    while (true) {
      if (peeked == null) {
        peeked = reader.next();
        if (peeked == null) {
          finishReading();
          return;
        }
      }
      if (subset.windowEnd() >= 0 && peeked.time() >= subset.windowEnd()) {
        finishReading();
        return;
      }
      long t = time(peeked);
      if (t > horizon) {
        cluster.input(t - options.lookaheadMicros(), this::feed);
        return;
      }
      TraceEvent e = peeked;
      peeked = null;
      lastEvent = Math.max(lastEvent, t);
      read(e, t);
    }
  }

  /** When {@code e} happens in the replay: its trace time, or with inflation its arrival slot. */
  private long time(TraceEvent e) {
    if (!options.inflate() || e instanceof TraceEvent.MachineAdded) {
      return subset.simTime(e.time());
    }
    return e instanceof TraceEvent.TaskSubmitted ? nextArrival : Math.max(0, nextArrival - 1);
  }

  private void finishReading() {
    exhausted = true;
    submissions.count("tasks still running in the trace when it ends", reading.size());
    reading.clear();
    reader.close();
    // The replay covers the trace's span: it ends with the last event read (with inflation, one
    // second after the last arrival, for it to be offered a place).
    cluster.input(
        options.inflate() ? lastEvent + SimTime.SECONDS : lastEvent,
        () -> {
          over = true;
          long waiting = 0;
          for (TraceFramework fw : frameworks.values()) {
            waiting += fw.waitingCount();
          }
          submissions.count("tasks still waiting for resources when the trace ends", waiting);
        });
  }

  private void read(TraceEvent e, long t) {
    if (e instanceof TraceEvent.MachineAdded m) {
      if (subset.keepsMachine(m.machine()) && machines.add(m.machine())) {
        cluster.input(
            t,
            () -> {
              ledger.machineAdded(m.machine(), m.capacity(), m.attributes());
              cluster.addAgent(m.machine(), m.capacity(), m.attributes());
            });
      }
    } else if (e instanceof TraceEvent.MachineUsage u) {
      if (machines.contains(u.machine())) {
        machineUsage.record(
            subset.simTime(u.time()),
            u.machine(),
            u.cpuShare(),
            u.memShare(),
            u.capacity().amount("cpus"),
            u.capacity().amount("mem"));
      }
    } else if (e instanceof TraceEvent.MachineRemoved m) {
      machineUsage.removed(subset.simTime(m.time()), m.machine());
      if (machines.remove(m.machine())) {
        cluster.input(
            t,
            () -> {
              ledger.machineRemoved(m.machine());
              cluster.removeAgent(m.machine(), "machine_removed");
            });
      }
    } else if (e instanceof TraceEvent.MachineUpdated m) {
      if (machines.contains(m.machine())) {
        cluster.input(
            t,
            () -> {
              if (!cluster.updateAgent(m.machine(), m.capacity())) {
                submissions.count("machine updates not applied (running tasks hold more)");
              }
            });
      }
    } else if (e instanceof TraceEvent.TaskSubmitted s) {
      submit(s, t);
    } else if (e instanceof TraceEvent.TaskUsage u && !options.usage().equals("ignore")) {
      Attempt a = reading.get(u.task());
      if (a != null) {
        boolean enforce = options.usage().equals("enforce");
        cluster.input(
            t,
            () -> {
              // Only while this attempt runs on the agent the simulation chose.
              if (a.launchedAt >= 0 && !a.done && a.agent != null) {
                cluster.taskUsage(
                    a.agent,
                    a.framework,
                    a.id,
                    Resources.toMilli("cpus", u.cpus()),
                    Resources.toMilli("mem", u.memMb()),
                    enforce);
              }
            });
      }
    } else if (options.inflate()) {
      return; // inflated tasks never end, and arrive in their own slots
    } else if (e instanceof TraceEvent.TaskScheduled s) {
      Attempt a = reading.get(s.task());
      if (a != null) {
        a.recordedStart = subset.simTime(s.time());
      }
    } else if (e instanceof TraceEvent.TaskEnded end) {
      Attempt a = reading.remove(end.task());
      if (a != null) {
        recordEnd(a, end, t);
      }
    }
    // Job events do not drive a simulated replay.
  }

  private void submit(TraceEvent.TaskSubmitted s, long t) {
    Attempt a = submissions.admit(s, t);
    if (a == null) {
      return;
    }
    if (options.inflate()) {
      nextArrival += SimTime.SECONDS;
    }
    if (reading.put(s.task(), a) != null) {
      submissions.count("resubmissions without a recorded end");
    }
    cluster.input(t, () -> arrive(a));
  }

  private void recordEnd(Attempt a, TraceEvent.TaskEnded end, long t) {
    if (a.done) {
      return; // it already ended in the simulation (its agent was lost)
    }
    a.recordedEnd = t;
    a.endState = options.ends().state(end.ending());
    a.recordedEndKnown = true;
    if (a.neverRan()) {
      cluster.input(t, () -> framework(a).cancel(a));
    } else if (a.launchedAt >= 0 && !a.done) {
      // Launched before its end was read: end it at launch + runtime, or now if that has passed.
      cluster.input(a.launchedAt + a.duration(a.launchedAt), () -> framework(a).end(a));
    }
  }

  private void arrive(Attempt a) {
    TraceFramework fw = frameworks.get(a.framework);
    ledger.arrived(a);
    if (fw == null) {
      fw =
          new TraceFramework(
              this, options.refuse(), options.placement(), options.inflate(), ledger);
      frameworks.put(a.framework, fw);
      EnumSet<Capability> caps = EnumSet.noneOf(Capability.class);
      if (options.gpus()) {
        caps.add(Capability.GPU_RESOURCES);
      }
      cluster.addFramework(
          new FrameworkInfo(a.framework, a.framework, null, null, 0, caps, null), fw);
    }
    fw.submit(a);
  }

  private TraceFramework framework(Attempt a) {
    return frameworks.get(a.framework);
  }

  TaskState endStateOf(Attempt a) {
    return a.recordedEndKnown ? a.endState : TaskState.TASK_FINISHED;
  }

  void cancelledWhilePending(Attempt a) {
    submissions.count("tasks the trace ended before they ran, cancelled while waiting");
    retire(a, framework(a));
  }

  void ended(Attempt a, TraceFramework fw) {
    retire(a, fw);
  }

  void givenUp(Attempt a) {
    submissions.count("tasks no offer fitted when they arrived, given up (--inflate)");
  }

  /**
   * The GPU metrics as the workload arrived (a point every {@link GpuLedger#EVERY} arrivals and one
   * now), or an empty list when the trace's machines have no GPU devices.
   */
  public List<GpuPoint> gpuPoints() {
    if (ledger.capacityMilli() == 0) {
      return List.of();
    }
    return ledger.points().stream()
        .map(
            p ->
                new GpuPoint(
                    p.tasks(), p.arrivedPct(), p.allocatedPct(), p.fragmentedPct(), p.givenUp()))
        .toList();
  }

  /**
   * One point of the GPU metrics, as the FGD paper plots them.
   *
   * @param tasks tasks arrived so far
   * @param arrivedPct GPU demand arrived so far, % of the cluster's GPUs
   * @param allocatedPct GPUs allocated now, %
   * @param fragmentedPct GPUs fragmented now (the paper's measure against the task mix), %
   * @param givenUp tasks given up so far (with inflation)
   */
  public record GpuPoint(
      long tasks, double arrivedPct, double allocatedPct, double fragmentedPct, long givenUp) {}

  private void retire(Attempt a, TraceFramework fw) {
    if (options.groupBy() == GroupBy.JOB && fw.live() == 0) {
      // A job's framework leaves once its work is done; a later task of the job brings it back.
      cluster.input(
          cluster.now(),
          () -> {
            if (fw.live() == 0 && frameworks.get(a.framework) == fw) {
              frameworks.remove(a.framework);
              cluster.removeFramework(a.framework, "job_done");
            }
          });
    }
  }

  /**
   * Done at the trace's end (the time of the last event read). Tasks the policy has not finished by
   * then are reported as running or waiting: past the trace's span there is nothing to compare, and
   * tasks the trace never ended would hold their resources forever.
   */
  @Override
  public boolean isDone() {
    return over;
  }
}
