package io.clustersim.workloads.trace;

import io.clustersim.core.resources.Resources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * A whole trace as one stream of {@link TraceEvent}s in time order: the files of every table are
 * merged (at equal times, machines before jobs before tasks before usage, then file order), and
 * cross-table references are checked on the way. A task or usage event naming a machine that was
 * never added is bad input; a task event before its job, a task event or usage for a task that was
 * never submitted, are orphans: counted, and the unusable ones (events of unknown tasks) left out.
 *
 * <p>Memory: one cursor per file, plus the machines seen, the jobs and task groups alive and the
 * tasks alive in the trace, so it grows with the live cluster, not with the trace's length.
 */
public final class TraceReader implements EventSource {
  private final List<TableCursor> cursors;
  private final PriorityQueue<Integer> heap;
  private final long[] heads;
  private final BadRows bad;
  private final TraceStats stats;
  private final boolean checkMachines;
  private final boolean checkJobs;

  /** Every machine added so far, with its latest capacity (removed ones stay known). */
  private final Map<String, Resources> capacities = new HashMap<>();

  private final Map<String, TaskOwner> jobs = new HashMap<>();
  private final Map<String, TraceEvent.TaskGroup> groups = new HashMap<>();
  // Live tasks and their requests (for usage given as shares of the request); looked up only.
  private final Map<TaskKey, Resources> live = new HashMap<>();
  private final List<String> endingJobs = new ArrayList<>();
  private final List<String> endingGroups = new ArrayList<>();
  private final PriorityQueue<TraceEvent.TaskGroup> groupEnds =
      new PriorityQueue<>((a, b) -> Long.compare(a.end(), b.end()));
  private long endingAt = -1;
  // The row behind the last event, kept as parts: most events never need it as text.
  private TableCursor originCursor;
  private long originLine;

  /**
   * A reader over {@code cursors}, listed in table order. Machine references are checked if the
   * trace has a machine table, job references if it has a job table.
   */
  TraceReader(
      List<TableCursor> cursors,
      BadRows bad,
      TraceStats stats,
      boolean checkMachines,
      boolean checkJobs) {
    this.cursors = cursors;
    this.bad = bad;
    this.stats = stats;
    this.checkMachines = checkMachines;
    this.checkJobs = checkJobs;
    this.heads = new long[cursors.size()];
    this.heap =
        new PriorityQueue<>(
            Math.max(1, cursors.size()),
            (a, b) -> heads[a] != heads[b] ? Long.compare(heads[a], heads[b]) : a - b);
    for (int i = 0; i < cursors.size(); i++) {
      heads[i] = cursors.get(i).peekTime();
      if (heads[i] != Long.MAX_VALUE) {
        heap.add(i);
      }
    }
  }

  /** The next usable event, or null at the end of the trace. */
  @Override
  public TraceEvent next() {
    while (!heap.isEmpty()) {
      int i = heap.poll();
      TableCursor c = cursors.get(i);
      TraceEvent e = c.next();
      originCursor = c;
      originLine = c.line();
      heads[i] = c.peekTime();
      if (heads[i] != Long.MAX_VALUE) {
        heap.add(i);
      }
      TraceEvent checked;
      try {
        checked = check(e);
      } catch (TraceException ex) {
        bad.bad(ex);
        continue;
      }
      if (checked != null) {
        stats.event(checked);
        return checked;
      }
    }
    return null;
  }

  /** File and line of the row behind the last event returned. */
  public String origin() {
    return originCursor == null ? "" : originCursor.file() + ":" + originLine;
  }

  /** Skipped rows and orphans so far. */
  public BadRows badRows() {
    return bad;
  }

  /** What was read so far. */
  public TraceStats stats() {
    return stats;
  }

  private TraceEvent check(TraceEvent e) {
    forgetEnded(e.time());
    if (e instanceof TraceEvent.MachineAdded m) {
      capacities.put(m.machine(), m.capacity());
    } else if (e instanceof TraceEvent.MachineRemoved m) {
      knownMachine(m.machine());
    } else if (e instanceof TraceEvent.MachineUpdated m) {
      knownMachine(m.machine());
      capacities.put(m.machine(), m.capacity());
    } else if (e instanceof TraceEvent.MachineUsage u) {
      knownMachine(u.machine());
      Resources capacity = capacities.get(u.machine());
      if (capacity == null) {
        bad.orphan("usage for a machine never added");
        return null;
      }
      return u.with(capacity);
    } else if (e instanceof TraceEvent.JobEvent j) {
      if (j.kind().equals("SUBMIT")) {
        jobs.put(j.job(), j.owner());
      } else if (isEnd(j.kind())) {
        endingJobs.add(j.job());
      }
    } else if (e instanceof TraceEvent.TaskGroup g) {
      groups.put(g.job() + "/" + g.group(), g);
      if (g.end() != Long.MAX_VALUE) {
        groupEnds.add(g);
      }
    } else if (e instanceof TraceEvent.TaskSubmitted s) {
      return submitted(s);
    } else if (e instanceof TraceEvent.TaskScheduled s) {
      if (s.machine() != null) {
        knownMachine(s.machine());
      }
      if (!live.containsKey(s.task())) {
        bad.orphan("task scheduled but never submitted");
        return null;
      }
    } else if (e instanceof TraceEvent.TaskEnded t) {
      if (live.remove(t.task()) == null) {
        bad.orphan("task ended but never submitted");
        return null;
      }
    } else if (e instanceof TraceEvent.TaskUsage u) {
      if (u.machine() != null) {
        knownMachine(u.machine());
      }
      if (!live.containsKey(u.task())) {
        bad.orphan("usage for an unknown task");
        return null;
      }
    } else if (e instanceof TraceEvent.TaskUtilisation u) {
      if (u.machine() != null) {
        knownMachine(u.machine());
      }
      Resources request = live.get(u.task());
      if (request == null) {
        bad.orphan("usage for an unknown task");
        return null;
      }
      return new TraceEvent.TaskUsage(
          u.time(),
          u.end(),
          u.task(),
          u.machine(),
          u.cpuShare() * request.amount("cpus"),
          u.memShare() * request.amount("mem"));
    }
    return e;
  }

  private TraceEvent submitted(TraceEvent.TaskSubmitted s) {
    TraceEvent.TaskSubmitted out = s;
    TaskOwner owner = s.owner();
    if (checkJobs) {
      TaskOwner job = jobs.get(s.task().job());
      if (job == null) {
        bad.orphan("task event before its job");
      } else if (owner.user() == null && job.user() != null) {
        owner =
            new TaskOwner(
                owner.job(), job.user(), owner.priority(), owner.schedulingClass(), owner.qos());
        out = s.with(owner, s.request());
      }
    }
    if (s.group() != null) {
      TraceEvent.TaskGroup g = groups.get(s.task().job() + "/" + s.group());
      if (g == null) {
        bad.orphan("instance of an unknown task group");
        return null;
      }
      out = new TraceEvent.TaskSubmitted(s.time(), s.task(), g.owner(), g.request(), null);
    }
    if (live.put(s.task(), out.request()) != null) {
      bad.orphan("task submitted again while still live");
    }
    return out;
  }

  private void knownMachine(String machine) {
    if (checkMachines && !capacities.containsKey(machine)) {
      throw new TraceException(
          "unknown machine",
          origin()
              + ": machine ID '"
              + machine
              + "': no machine with this ID was added before this event");
    }
  }

  private static boolean isEnd(String kind) {
    return switch (kind) {
      case "FINISH", "FAIL", "KILL", "LOST", "EVICT" -> true;
      default -> false;
    };
  }

  /**
   * Forgets jobs that ended and task groups past their end, once time moves past that instant, so
   * that events at the same instant as a job's end still find it.
   */
  private void forgetEnded(long now) {
    if (now > endingAt) {
      for (String j : endingJobs) {
        jobs.remove(j);
      }
      endingJobs.clear();
      for (String g : endingGroups) {
        groups.remove(g);
      }
      endingGroups.clear();
      endingAt = now;
    }
    while (!groupEnds.isEmpty() && groupEnds.peek().end() < now) {
      TraceEvent.TaskGroup g = groupEnds.poll();
      endingGroups.add(g.job() + "/" + g.group());
    }
  }

  @Override
  public void close() {
    for (TableCursor c : cursors) {
      c.close();
    }
  }
}
