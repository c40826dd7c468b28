package io.clustersim.workloads.trace;

import io.clustersim.core.resources.Resources;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The tables Alibaba's 2017 and 2018 traces share in meaning though not in column order: batch
 * tasks (groups of identical instances), batch instances (placed on machines), and containers
 * (long-running online services). Times are seconds. CPU is in hundredths of a core; memory is
 * normalised (to 1 in 2017, to 100 in 2018), scaled by the reference machine. Batch work is QoS
 * class {@code BE} and containers {@code LS}, for grouping by QoS.
 */
final class AlibabaTables {
  private AlibabaTables() {}

  /** The job part of a container's task key: containers are keyed by their id alone. */
  static final String CONTAINERS = "containers";

  /** Recorded status → how the task ended; null while it has not ended; unknown values throw. */
  static TraceEvent.Ending ending(Row row, int col) {
    String s = row.required(col).toLowerCase(Locale.ROOT);
    return switch (s) {
      case "terminated" -> TraceEvent.Ending.FINISH;
      case "failed" -> TraceEvent.Ending.FAIL;
      case "cancelled", "canceled" -> TraceEvent.Ending.KILL;
      case "interrupted", "interupted" -> TraceEvent.Ending.EVICT;
      case "running", "waiting", "ready" -> null;
      default ->
          throw row.error(
              "unknown event code",
              col,
              "unknown status (known: Terminated, Failed, Cancelled, Interrupted, Running, Waiting,"
                  + " Ready)");
    };
  }

  /** A headerless CSV table (a header some public copies added is recognised and skipped). */
  abstract static class CsvTable implements Table {
    private final String name;
    private final String[] columns;
    private final int keyColumn;
    private final boolean numericFirst;

    CsvTable(String name, String[] columns, int keyColumn, boolean numericFirst) {
      this.name = name;
      this.columns = columns;
      this.keyColumn = keyColumn;
      this.numericFirst = numericFirst;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public RowSource open(Path file) throws IOException {
      return new CsvRowSource(
          file,
          columns,
          columns.length,
          numericFirst ? CsvRowSource.HeaderRule.OPTIONAL : CsvRowSource.HeaderRule.NONE);
    }

    @Override
    public boolean ordered() {
      return false;
    }

    @Override
    public long key(Row row) {
      return TableFormat.seconds(row, keyColumn, 0);
    }
  }

  /** Column positions of a batch task table. */
  record TaskColumns(
      int create, int end, int job, int task, int instances, int status, int cpu, int mem) {}

  /**
   * Batch tasks. With an instance table present each row only declares a {@link
   * TraceEvent.TaskGroup} whose request the instances take; without one it stands for its {@code
   * instance_num} identical tasks, submitted at its start and ended at its end.
   */
  static final class BatchTasks extends CsvTable {
    private final TaskColumns c;
    private final double memScale;
    private final boolean groupsOnly;

    BatchTasks(String[] columns, TaskColumns c, double memScale, boolean groupsOnly) {
      super("batch_task", columns, c.create(), c.create() == 1);
      this.c = c;
      this.memScale = memScale;
      this.groupsOnly = groupsOnly;
    }

    @Override
    public String type(Row row) {
      return row.required(c.status());
    }

    @Override
    public void events(Row row, long t, Consumer<TraceEvent> out) {
      String job = row.required(c.job());
      String task = row.required(c.task());
      long n = row.integer(c.instances(), 0);
      if (n < 0) {
        throw row.error("out of range", c.instances(), "an instance count cannot be negative");
      }
      TraceEvent.Ending ending = ending(row, c.status());
      long end = TableFormat.seconds(row, c.end(), 0);
      if (end > 0 && end < t) {
        throw row.error("out of range", c.end(), "the task ends before it starts");
      }
      Resources request =
          ReferenceMachine.resources(
              row.amount(c.cpu(), 0) / 100.0, row.amount(c.mem(), 0) * memScale, 0);
      TaskOwner owner = new TaskOwner(job, null, -1, -1, "BE");
      if (groupsOnly) {
        out.accept(
            new TraceEvent.TaskGroup(t, job, task, owner, request, end > 0 ? end : Long.MAX_VALUE));
        return;
      }
      for (long i = 0; i < n; i++) {
        TaskKey key = new TaskKey(job, task + "/" + i);
        out.accept(new TraceEvent.TaskSubmitted(t, key, owner, request));
        if (ending != null && end > 0) {
          out.accept(new TraceEvent.TaskEnded(end, key, ending));
        }
      }
    }
  }

  /** Column positions of a batch instance table; {@code name} may be 0 (use {@code seq}). */
  record InstanceColumns(
      int start,
      int end,
      int job,
      int task,
      int name,
      int machine,
      int status,
      int seq,
      int cpuAvg,
      int memAvg) {}

  /** Batch instances: each is a task of its batch task's group, placed on a recorded machine. */
  static final class BatchInstances extends CsvTable {
    private final InstanceColumns c;
    private final double cpuScale;
    private final double memScale;

    BatchInstances(String[] columns, InstanceColumns c, double cpuScale, double memScale) {
      super("batch_instance", columns, c.start(), c.start() == 1);
      this.c = c;
      this.cpuScale = cpuScale;
      this.memScale = memScale;
    }

    @Override
    public String type(Row row) {
      return row.required(c.status());
    }

    @Override
    public void events(Row row, long t, Consumer<TraceEvent> out) {
      String job = row.required(c.job());
      String task = row.required(c.task());
      String name = c.name() > 0 ? row.required(c.name()) : Long.toString(row.integer(c.seq(), 0));
      TaskKey key = new TaskKey(job, task + "/" + name);
      TraceEvent.Ending ending = ending(row, c.status());
      long end = TableFormat.seconds(row, c.end(), 0);
      if (end > 0 && end < t) {
        throw row.error("out of range", c.end(), "the instance ends before it starts");
      }
      out.accept(
          new TraceEvent.TaskSubmitted(t, key, new TaskOwner(job, null, -1, -1, "BE"), null, task));
      String machine = row.text(c.machine());
      if (!machine.isEmpty()) {
        out.accept(new TraceEvent.TaskScheduled(t, key, machine));
        if (!row.isEmpty(c.cpuAvg()) && end > t) {
          out.accept(
              new TraceEvent.TaskUsage(
                  t,
                  end,
                  key,
                  machine,
                  row.amount(c.cpuAvg(), 0) * cpuScale,
                  row.amount(c.memAvg(), 0) * memScale));
        }
      }
      if (ending != null && end > 0) {
        out.accept(new TraceEvent.TaskEnded(end, key, ending));
      }
    }
  }

  /**
   * Column positions of a container usage table (1-based; {@code machine} 0 or less when the table
   * has none).
   */
  record UsageColumns(int time, int container, int machine, int cpuPercent, int memPercent) {}

  /**
   * Container usage: each row is a 300 s window of one container's CPU and memory use in percent of
   * its request (Alibaba 2017 documents it so; 2018's container_usage is read the same way, an
   * assumption, since its schema does not say what the percentages are of).
   */
  static final class ContainerUsage extends CsvTable {
    /** The usage window: samples every 60 s averaged over 300 s. */
    static final long WINDOW_MICROS = 300_000_000L;

    private final UsageColumns c;

    ContainerUsage(String[] columns, UsageColumns c) {
      super("container_usage", columns, c.time(), c.time() == 1);
      this.c = c;
    }

    @Override
    public String type(Row row) {
      return "usage";
    }

    @Override
    public void events(Row row, long t, Consumer<TraceEvent> out) {
      double cpu = row.amount(c.cpuPercent(), 0);
      double mem = row.amount(c.memPercent(), 0);
      if (cpu < 0 || mem < 0) {
        throw row.error(
            "out of range",
            cpu < 0 ? c.cpuPercent() : c.memPercent(),
            "a percentage of at least 0");
      }
      out.accept(
          new TraceEvent.TaskUtilisation(
              t,
              t + WINDOW_MICROS,
              new TaskKey(CONTAINERS, row.required(c.container())),
              c.machine() > 0 ? row.required(c.machine()) : null,
              cpu / 100,
              mem / 100));
    }
  }

  /** Column positions of a machine usage table (1-based). */
  record MachineUsageColumns(int time, int machine, int cpuPercent, int memPercent) {}

  /**
   * Machine usage (2017's server_usage, 2018's machine_usage): each row is one machine's CPU and
   * memory use in percent of its capacity. −1 and 101 mark invalid values (the 2018 schema); they
   * are passed on as NaN and counted, any other value outside [0, 100] is an error.
   */
  static final class MachineUsageTable extends CsvTable {
    private final MachineUsageColumns c;

    MachineUsageTable(String name, String[] columns, MachineUsageColumns c) {
      super(name, columns, c.time(), c.time() == 1);
      this.c = c;
    }

    @Override
    public String type(Row row) {
      return "usage";
    }

    @Override
    public void events(Row row, long t, Consumer<TraceEvent> out) {
      out.accept(
          new TraceEvent.MachineUsage(
              t,
              row.required(c.machine()),
              share(row, c.cpuPercent()),
              share(row, c.memPercent()),
              null));
    }

    private static double share(Row row, int col) {
      double percent = row.number(col, 0);
      if (percent == -1 || percent == 101) {
        return Double.NaN;
      }
      if (!(percent >= 0 && percent <= 100)) {
        throw row.error(
            "out of range", col, "a percentage in [0, 100] (or -1, 101 for an invalid value)");
      }
      return percent / 100;
    }
  }

  /** Machine state for tables that list snapshots rather than changes. */
  static final class MachineStates {
    private final Map<String, Resources> up = new HashMap<>();

    /** The events that take the machine from its last state to ({@code isUp}, capacity). */
    void set(long t, String machine, boolean isUp, Resources capacity, Consumer<TraceEvent> out) {
      set(t, machine, isUp, capacity, Map.of(), out);
    }

    /** As above, with the attributes the machine registers with when it comes up. */
    void set(
        long t,
        String machine,
        boolean isUp,
        Resources capacity,
        Map<String, String> attributes,
        Consumer<TraceEvent> out) {
      Resources was = up.get(machine);
      if (isUp && was == null) {
        up.put(machine, capacity);
        out.accept(new TraceEvent.MachineAdded(t, machine, capacity, attributes));
      } else if (isUp && !was.equals(capacity)) {
        up.put(machine, capacity);
        out.accept(new TraceEvent.MachineUpdated(t, machine, capacity));
      } else if (!isUp && was != null) {
        up.remove(machine);
        out.accept(new TraceEvent.MachineRemoved(t, machine));
      }
    }
  }

  /** Live containers of snapshot-style container tables. */
  static final class LiveContainers {
    private final Set<String> live = new HashSet<>();

    boolean start(String id) {
      return live.add(id);
    }

    boolean stop(String id) {
      return live.remove(id);
    }
  }
}
