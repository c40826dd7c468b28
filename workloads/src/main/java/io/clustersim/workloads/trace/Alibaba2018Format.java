package io.clustersim.workloads.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Alibaba's cluster-trace-v2018: machine_meta, batch_task, batch_instance and container_meta,
 * headerless CSV ({@code .csv} or {@code .csv.gz}). machine_meta and container_meta list snapshots:
 * a machine is up while its status is {@code USING}, and a change of capacity is an update; a
 * container runs from its first row until a row whose status says it stopped. Memory is normalised
 * to 100. container_usage, when present, is read as each container's CPU and memory use in percent
 * of its request (as Alibaba 2017 defines it; the 2018 schema does not say); machine_usage, when
 * present, is each machine's measured use (reported next to the replay's own, not fed to agents),
 * and batch_instance carries each instance's average usage. Containers are keyed by their id alone,
 * as container_usage names them.
 */
public final class Alibaba2018Format extends TableFormat {
  private static final String[] MACHINE_META = {
    "machine_id",
    "time_stamp",
    "failure_domain_1",
    "failure_domain_2",
    "cpu_num",
    "mem_size",
    "status"
  };
  private static final String[] BATCH_TASK = {
    "task_name",
    "instance_num",
    "job_name",
    "task_type",
    "status",
    "start_time",
    "end_time",
    "plan_cpu",
    "plan_mem"
  };
  private static final String[] BATCH_INSTANCE = {
    "instance_name", "task_name", "job_name", "task_type", "status", "start_time", "end_time",
    "machine_id", "seq_no", "total_seq_no", "cpu_avg", "cpu_max", "mem_avg", "mem_max"
  };
  private static final String[] CONTAINER_META = {
    "container_id",
    "machine_id",
    "time_stamp",
    "app_du",
    "status",
    "cpu_request",
    "cpu_limit",
    "mem_size"
  };

  private static final String[] CONTAINER_USAGE = {
    "container_id",
    "machine_id",
    "time_stamp",
    "cpu_util_percent",
    "mem_util_percent",
    "cpi",
    "mem_gps",
    "mpki",
    "net_in",
    "net_out",
    "disk_io_percent"
  };

  private static final String[] MACHINE_USAGE = {
    "machine_id",
    "time_stamp",
    "cpu_util_percent",
    "mem_util_percent",
    "mem_gps",
    "mkpi",
    "net_in",
    "net_out",
    "disk_io_percent"
  };

  /** The format's registration: name, description, defaults and tables. */
  public Alibaba2018Format() {
    super(
        "alibaba-2018",
        "Alibaba cluster-trace-v2018: machine_meta, batch_task, batch_instance,"
            + " container_meta, container_usage, machine_usage (*.csv[.gz])",
        new ReferenceMachine(96, 524288),
        GroupBy.JOB,
        true,
        List.of(
            "machine_meta",
            "batch_task",
            "batch_instance",
            "container_meta",
            "container_usage",
            "machine_usage"),
        null);
  }

  @Override
  List<Table> tables(Set<String> present, ReferenceMachine ref) {
    double mem = ref.memMb() / 100.0;
    List<Table> t = new ArrayList<>();
    t.add(new Machines(mem));
    t.add(
        new AlibabaTables.BatchTasks(
            BATCH_TASK,
            new AlibabaTables.TaskColumns(6, 7, 3, 1, 2, 5, 8, 9),
            mem,
            present.contains("batch_instance")));
    t.add(
        new AlibabaTables.BatchInstances(
            BATCH_INSTANCE,
            new AlibabaTables.InstanceColumns(6, 7, 3, 2, 1, 8, 5, 9, 11, 13),
            0.01,
            mem));
    t.add(new Containers(mem));
    t.add(
        new AlibabaTables.ContainerUsage(
            CONTAINER_USAGE, new AlibabaTables.UsageColumns(3, 1, 2, 4, 5)));
    t.add(
        new AlibabaTables.MachineUsageTable(
            "machine_usage", MACHINE_USAGE, new AlibabaTables.MachineUsageColumns(2, 1, 3, 4)));
    return t;
  }

  private static final class Machines extends AlibabaTables.CsvTable {
    private final double memScale;
    private final AlibabaTables.MachineStates states = new AlibabaTables.MachineStates();

    Machines(double memScale) {
      super("machine_meta", MACHINE_META, 2, false);
      this.memScale = memScale;
    }

    @Override
    public String type(Row row) {
      return row.required(7);
    }

    @Override
    public void events(Row row, long t, Consumer<TraceEvent> out) {
      boolean up = row.required(7).equalsIgnoreCase("USING");
      // The failure domains (rack-like groupings) become attributes, for constraints.
      Map<String, String> domains = new TreeMap<>();
      if (!row.isEmpty(3)) {
        domains.put("failure_domain_1", row.text(3));
      }
      if (!row.isEmpty(4)) {
        domains.put("failure_domain_2", row.text(4));
      }
      states.set(
          t,
          row.required(1),
          up,
          ReferenceMachine.resources(row.amount(5, 0), row.amount(6, 0) * memScale, 0),
          domains,
          out);
    }
  }

  private static final class Containers extends AlibabaTables.CsvTable {
    private final double memScale;
    private final AlibabaTables.LiveContainers live = new AlibabaTables.LiveContainers();

    Containers(double memScale) {
      super("container_meta", CONTAINER_META, 3, false);
      this.memScale = memScale;
    }

    @Override
    public String type(Row row) {
      return row.required(5);
    }

    @Override
    public void events(Row row, long t, Consumer<TraceEvent> out) {
      String id = row.required(1);
      String app = row.required(4);
      // Keyed by container id alone, as container_usage rows name them.
      TaskKey key = new TaskKey(AlibabaTables.CONTAINERS, id);
      String status = row.required(5).toLowerCase(Locale.ROOT);
      boolean stopped = status.contains("stop") || status.contains("dead");
      if (stopped) {
        if (live.stop(id)) {
          out.accept(new TraceEvent.TaskEnded(t, key, TraceEvent.Ending.FINISH));
        }
      } else if (live.start(id)) {
        out.accept(
            new TraceEvent.TaskSubmitted(
                t,
                key,
                new TaskOwner(app, null, -1, -1, "LS"),
                ReferenceMachine.resources(
                    row.amount(6, 0) / 100.0, row.amount(8, 0) * memScale, 0)));
        out.accept(new TraceEvent.TaskScheduled(t, key, row.required(2)));
      }
    }
  }
}
