package io.clustersim.workloads.trace;

import io.clustersim.core.resources.Resources;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Google's clusterdata-2011-2: headerless CSV parts (gzipped or not) of machine_events, job_events,
 * task_events and task_usage, each in time order (a row earlier than the one before it in the same
 * part is bad input). Times are microseconds: 0 is before the trace window (initial state) and
 * 2^63−1 after it (such rows are counted, not replayed). CPU and memory are normalised to the
 * largest machine; the reference machine turns them into cores and MB. Disk requests are dropped:
 * machine_events carry no disk capacity to place them against.
 */
public final class Google2011Format extends TableFormat {
  static final String[] TASK_EVENTS = {
    "SUBMIT",
    "SCHEDULE",
    "EVICT",
    "FAIL",
    "FINISH",
    "KILL",
    "LOST",
    "UPDATE_PENDING",
    "UPDATE_RUNNING"
  };
  static final String[] MACHINE_EVENTS = {"ADD", "REMOVE", "UPDATE"};

  private static final String[] MACHINE_COLUMNS = {
    "time", "machine ID", "event type", "platform ID", "CPUs", "Memory"
  };
  private static final String[] JOB_COLUMNS = {
    "time",
    "missing info",
    "job ID",
    "event type",
    "user",
    "scheduling class",
    "job name",
    "logical job name"
  };
  private static final String[] TASK_COLUMNS = {
    "time",
    "missing info",
    "job ID",
    "task index",
    "machine ID",
    "event type",
    "user",
    "scheduling class",
    "priority",
    "CPU request",
    "memory request",
    "disk space request",
    "different machines restriction"
  };
  private static final String[] USAGE_COLUMNS = {
    "start time",
    "end time",
    "job ID",
    "task index",
    "machine ID",
    "CPU rate",
    "canonical memory usage",
    "assigned memory usage",
    "unmapped page cache",
    "total page cache",
    "maximum memory usage",
    "disk I/O time",
    "local disk space usage",
    "maximum CPU rate",
    "maximum disk IO time",
    "cycles per instruction",
    "memory accesses per instruction",
    "sample portion",
    "aggregation type",
    "sampled CPU usage"
  };

  /** The format's registration: name, description, defaults and tables. */
  public Google2011Format() {
    super(
        "google-2011",
        "Google clusterdata-2011-2: machine_events, job_events, task_events, task_usage"
            + " (part-NNNNN-of-NNNNN.csv[.gz])",
        new ReferenceMachine(32, 131072),
        GroupBy.USER,
        true,
        List.of("machine_events", "job_events", "task_events", "task_usage"),
        "job_events");
  }

  @Override
  List<Table> tables(Set<String> present, ReferenceMachine ref) {
    List<Table> t = new ArrayList<>();
    t.add(new Machines(ref));
    t.add(new Jobs());
    t.add(new Tasks(ref));
    t.add(new Usage(ref));
    return t;
  }

  /** A CSV table in time order keyed by its first column. */
  private abstract static class CsvTable implements Table {
    private final String name;
    private final String[] columns;

    CsvTable(String name, String[] columns) {
      this.name = name;
      this.columns = columns;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public RowSource open(Path file) throws IOException {
      return new CsvRowSource(file, columns, columns.length, CsvRowSource.HeaderRule.NONE);
    }

    @Override
    public boolean ordered() {
      return true;
    }

    @Override
    public long key(Row row) {
      return micros(row, 1);
    }
  }

  private static final class Machines extends CsvTable {
    private final ReferenceMachine ref;

    Machines(ReferenceMachine ref) {
      super("machine_events", MACHINE_COLUMNS);
      this.ref = ref;
    }

    @Override
    public String type(Row row) {
      return MACHINE_EVENTS[code(row, 3, MACHINE_EVENTS)];
    }

    @Override
    public void events(Row row, long t, Consumer<TraceEvent> out) {
      String machine = row.id(2);
      switch (code(row, 3, MACHINE_EVENTS)) {
        case 0 -> {
          Resources capacity = ref.scale(row.amount(5, 0), row.amount(6, 0));
          String platform = row.text(4);
          out.accept(
              new TraceEvent.MachineAdded(
                  t,
                  machine,
                  capacity,
                  platform.isEmpty() ? Map.of() : Map.of("platform", platform)));
        }
        case 1 -> out.accept(new TraceEvent.MachineRemoved(t, machine));
        default -> {
          if (!row.isEmpty(5) || !row.isEmpty(6)) {
            out.accept(
                new TraceEvent.MachineUpdated(
                    t, machine, ref.scale(row.amount(5, 0), row.amount(6, 0))));
          }
        }
      }
    }
  }

  private static final class Jobs extends CsvTable {
    Jobs() {
      super("job_events", JOB_COLUMNS);
    }

    @Override
    public String type(Row row) {
      return TASK_EVENTS[code(row, 4, TASK_EVENTS)];
    }

    @Override
    public void events(Row row, long t, Consumer<TraceEvent> out) {
      String job = row.id(3);
      String kind = TASK_EVENTS[code(row, 4, TASK_EVENTS)];
      String user = row.text(5);
      int cls = (int) row.integer(6, -1);
      out.accept(
          new TraceEvent.JobEvent(
              t, job, kind, new TaskOwner(job, user.isEmpty() ? null : user, -1, cls, null)));
    }
  }

  private static final class Tasks extends CsvTable {
    private final ReferenceMachine ref;

    Tasks(ReferenceMachine ref) {
      super("task_events", TASK_COLUMNS);
      this.ref = ref;
    }

    @Override
    public String type(Row row) {
      return TASK_EVENTS[code(row, 6, TASK_EVENTS)];
    }

    @Override
    public void events(Row row, long t, Consumer<TraceEvent> out) {
      String job = row.id(3);
      TaskKey task = new TaskKey(job, row.id(4));
      int code = code(row, 6, TASK_EVENTS);
      int priority = (int) row.integer(9);
      if (priority < 0 || priority > 11) {
        throw row.error("out of range", 9, "priorities are 0 to 11");
      }
      switch (code) {
        case 0 -> {
          String user = row.text(7);
          int cls = (int) row.integer(8, -1);
          Resources request = ref.scale(row.amount(10, 0), row.amount(11, 0));
          out.accept(
              new TraceEvent.TaskSubmitted(
                  t,
                  task,
                  new TaskOwner(job, user.isEmpty() ? null : user, priority, cls, null),
                  request));
        }
        case 1 -> {
          out.accept(new TraceEvent.TaskScheduled(t, task, row.id(5)));
        }
        case 2 -> out.accept(new TraceEvent.TaskEnded(t, task, TraceEvent.Ending.EVICT));
        case 3 -> out.accept(new TraceEvent.TaskEnded(t, task, TraceEvent.Ending.FAIL));
        case 4 -> out.accept(new TraceEvent.TaskEnded(t, task, TraceEvent.Ending.FINISH));
        case 5 -> out.accept(new TraceEvent.TaskEnded(t, task, TraceEvent.Ending.KILL));
        case 6 -> out.accept(new TraceEvent.TaskEnded(t, task, TraceEvent.Ending.LOST));
        default -> {
          // UPDATE_PENDING / UPDATE_RUNNING: counted; a replay keeps the submitted request.
        }
      }
    }
  }

  private static final class Usage extends CsvTable {
    private final ReferenceMachine ref;

    Usage(ReferenceMachine ref) {
      super("task_usage", USAGE_COLUMNS);
      this.ref = ref;
    }

    @Override
    public String type(Row row) {
      return "usage";
    }

    @Override
    public void events(Row row, long t, Consumer<TraceEvent> out) {
      long end = micros(row, 2);
      if (end < t) {
        throw row.error("out of range", 2, "the window ends before it starts");
      }
      TaskKey task = new TaskKey(row.id(3), row.id(4));
      String machine = row.id(5);
      out.accept(
          new TraceEvent.TaskUsage(
              t,
              end,
              task,
              machine,
              row.amount(6, 0) * ref.cpus(),
              row.amount(7, 0) * ref.memMb()));
    }
  }
}
