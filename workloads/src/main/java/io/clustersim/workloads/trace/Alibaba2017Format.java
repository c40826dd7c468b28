package io.clustersim.workloads.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Alibaba's cluster-trace-v2017: server_event (machines added, or lost to soft and hard errors),
 * batch_task, batch_instance and container_event, headerless CSV (a header line that some public
 * copies added is skipped). Times in seconds (a few negative ones read as 0); CPU in hundredths of
 * a core for batch work and in cores for machines and containers; memory normalised to 1.
 * container_usage, when present, gives each container's CPU and memory use in percent of its
 * request, over 300 s windows; server_usage, when present, is each machine's measured use (reported
 * next to the replay's own, not fed to agents), and batch_instance carries each instance's average
 * usage.
 */
public final class Alibaba2017Format extends TableFormat {
  private static final String[] SERVER_EVENT = {
    "timestamp",
    "machine id",
    "event type",
    "event detail",
    "number of cpus",
    "normalized memory",
    "normalized disk space"
  };
  private static final String[] BATCH_TASK = {
    "task create time",
    "task end time",
    "job id",
    "task id",
    "number of instances",
    "status",
    "cpus requested per instance",
    "normalized memory requested per instance"
  };
  private static final String[] BATCH_INSTANCE = {
    "start timestamp",
    "end timestamp",
    "job id",
    "task id",
    "machine id",
    "status",
    "sequence number",
    "total sequence number",
    "maximum real cpu number",
    "average real cpu number",
    "maximum normalized memory usage",
    "average normalized memory usage"
  };
  private static final String[] CONTAINER_EVENT = {
    "timestamp",
    "event type",
    "instance id",
    "machine id",
    "cpu requested",
    "normalized memory requested",
    "normalized disk requested",
    "cpuset"
  };
  private static final String[] CONTAINER_USAGE = {
    "start time",
    "online instance id",
    "cpu util % of request",
    "mem util % of request",
    "disk util %",
    "load1",
    "load5",
    "load15",
    "avg_cpi",
    "avg_mpki",
    "max_cpi",
    "max_mpki"
  };
  private static final String[] SERVER_USAGE = {
    "timestamp",
    "machine id",
    "used percent cpus",
    "used percent memory",
    "used percent disk",
    "load1",
    "load5",
    "load15"
  };
  private static final String[] SERVER_EVENTS = {"add", "softerror", "harderror"};

  /** The format's registration: name, description, defaults and tables. */
  public Alibaba2017Format() {
    super(
        "alibaba-2017",
        "Alibaba cluster-trace-v2017: server_event, batch_task, batch_instance,"
            + " container_event, container_usage, server_usage (*.csv[.gz])",
        new ReferenceMachine(64, 262144),
        GroupBy.JOB,
        true,
        List.of(
            "server_event",
            "batch_task",
            "batch_instance",
            "container_event",
            "container_usage",
            "server_usage"),
        null);
  }

  @Override
  List<Table> tables(Set<String> present, ReferenceMachine ref) {
    double mem = ref.memMb();
    List<Table> t = new ArrayList<>();
    t.add(new Servers(ref));
    t.add(
        new AlibabaTables.BatchTasks(
            BATCH_TASK,
            new AlibabaTables.TaskColumns(1, 2, 3, 4, 5, 6, 7, 8),
            mem,
            present.contains("batch_instance")));
    t.add(
        new AlibabaTables.BatchInstances(
            BATCH_INSTANCE,
            new AlibabaTables.InstanceColumns(1, 2, 3, 4, 0, 5, 6, 7, 10, 12),
            1.0,
            mem));
    t.add(new Containers(ref));
    t.add(
        new AlibabaTables.ContainerUsage(
            CONTAINER_USAGE, new AlibabaTables.UsageColumns(1, 2, -1, 3, 4)));
    t.add(
        new AlibabaTables.MachineUsageTable(
            "server_usage", SERVER_USAGE, new AlibabaTables.MachineUsageColumns(1, 2, 3, 4)));
    return t;
  }

  private static final class Servers extends AlibabaTables.CsvTable {
    private final ReferenceMachine ref;

    Servers(ReferenceMachine ref) {
      super("server_event", SERVER_EVENT, 1, true);
      this.ref = ref;
    }

    @Override
    public String type(Row row) {
      return SERVER_EVENTS[code(row, 3, SERVER_EVENTS)];
    }

    @Override
    public void events(Row row, long t, Consumer<TraceEvent> out) {
      String machine = row.required(2);
      if (code(row, 3, SERVER_EVENTS) == 0) {
        out.accept(
            new TraceEvent.MachineAdded(
                t,
                machine,
                ReferenceMachine.resources(row.amount(5, 0), row.amount(6, 0) * ref.memMb(), 0),
                Map.of()));
      } else {
        out.accept(new TraceEvent.MachineRemoved(t, machine));
      }
    }
  }

  private static final class Containers extends AlibabaTables.CsvTable {
    private final ReferenceMachine ref;

    Containers(ReferenceMachine ref) {
      super("container_event", CONTAINER_EVENT, 1, true);
      this.ref = ref;
    }

    @Override
    public String type(Row row) {
      return row.required(2);
    }

    @Override
    public void events(Row row, long t, Consumer<TraceEvent> out) {
      TaskKey key = new TaskKey(AlibabaTables.CONTAINERS, row.required(3));
      String kind = row.required(2).toLowerCase(Locale.ROOT);
      if (kind.equals("create")) {
        out.accept(
            new TraceEvent.TaskSubmitted(
                t,
                key,
                new TaskOwner("containers", null, -1, -1, "LS"),
                ReferenceMachine.resources(row.amount(5, 0), row.amount(6, 0) * ref.memMb(), 0)));
        out.accept(new TraceEvent.TaskScheduled(t, key, row.required(4)));
      } else if (kind.equals("remove")) {
        out.accept(new TraceEvent.TaskEnded(t, key, TraceEvent.Ending.FINISH));
      } else {
        throw row.error("unknown event code", 2, "unknown event type (known: Create, Remove)");
      }
    }
  }
}
