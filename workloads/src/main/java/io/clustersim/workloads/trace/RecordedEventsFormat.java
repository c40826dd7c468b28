package io.clustersim.workloads.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clustersim.core.gpu.GpuDevices;
import io.clustersim.core.resources.Resources;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The simulator's own trace format: {@link TraceEvent}s as JSON Lines, one event a line, in the
 * order a reader produced them, resources already in simulator units (so the reference machine does
 * not apply). What {@code run --save-scenario} embeds in a scenario, so that a replay of any trace
 * can be shared as one file. The file (or each part) is named {@code events*.jsonl}.
 */
public final class RecordedEventsFormat extends TableFormat {
  /** The name {@code FORMAT:PATH} and {@code workload.trace.format} use. */
  public static final String NAME = "clustersim-events";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] FIELDS = {
    "t",
    "type",
    "machine",
    "job",
    "task",
    "group",
    "owner_job",
    "user",
    "priority",
    "class",
    "qos",
    "cpus",
    "mem",
    "gpus",
    "ending",
    "end",
    "kind",
    "attributes",
    "gpu_devices",
    "gpu_models"
  };

  /** The registration. */
  public RecordedEventsFormat() {
    super(
        NAME,
        "trace events as clustersim read them (JSON Lines, simulator units), as --save-scenario"
            + " writes them",
        new ReferenceMachine(1, 1),
        GroupBy.USER,
        true,
        List.of("events"),
        null);
  }

  @Override
  List<Table> tables(Set<String> present, ReferenceMachine reference) {
    return List.of(new Events());
  }

  /** One event as a line of this format (without the newline). */
  public static String line(TraceEvent e) {
    ObjectNode n = JSON.createObjectNode();
    n.put("t", e.time());
    if (e instanceof TraceEvent.MachineAdded m) {
      n.put("type", "machine_added").put("machine", m.machine());
      resources(n, m.capacity());
      int devices = GpuDevices.free(m.capacity()).length;
      if (devices > 0) {
        n.put("gpu_devices", devices);
      }
      if (m.attributes() != null && !m.attributes().isEmpty()) {
        n.put("attributes", json(new TreeMap<>(m.attributes())));
      }
    } else if (e instanceof TraceEvent.MachineRemoved m) {
      n.put("type", "machine_removed").put("machine", m.machine());
    } else if (e instanceof TraceEvent.MachineUpdated m) {
      n.put("type", "machine_updated").put("machine", m.machine());
      resources(n, m.capacity());
    } else if (e instanceof TraceEvent.JobEvent j) {
      n.put("type", "job").put("job", j.job()).put("kind", j.kind());
      owner(n, j.owner());
    } else if (e instanceof TraceEvent.TaskGroup g) {
      n.put("type", "task_group").put("job", g.job()).put("group", g.group()).put("end", g.end());
      owner(n, g.owner());
      resources(n, g.request());
    } else if (e instanceof TraceEvent.TaskSubmitted s) {
      n.put("type", "submit").put("job", s.task().job()).put("task", s.task().task());
      if (s.group() != null) {
        n.put("group", s.group());
      }
      owner(n, s.owner());
      if (s.request() != null) {
        resources(n, s.request());
      }
      if (s.gpuModels() != null) {
        n.put("gpu_models", s.gpuModels());
      }
    } else if (e instanceof TraceEvent.TaskScheduled s) {
      n.put("type", "schedule").put("job", s.task().job()).put("task", s.task().task());
      if (s.machine() != null) {
        n.put("machine", s.machine());
      }
    } else if (e instanceof TraceEvent.TaskEnded x) {
      n.put("type", "end")
          .put("job", x.task().job())
          .put("task", x.task().task())
          .put("ending", x.ending().name());
    } else if (e instanceof TraceEvent.TaskUsage u) {
      n.put("type", "usage").put("job", u.task().job()).put("task", u.task().task());
      if (u.machine() != null) {
        n.put("machine", u.machine());
      }
      n.put("end", u.end()).put("cpus", u.cpus()).put("mem", u.memMb());
    } else if (e instanceof TraceEvent.MachineUsage u) {
      // Shares of the machine's capacity; an invalid value is left out.
      n.put("type", "machine_usage").put("machine", u.machine());
      if (!Double.isNaN(u.cpuShare())) {
        n.put("cpus", u.cpuShare());
      }
      if (!Double.isNaN(u.memShare())) {
        n.put("mem", u.memShare());
      }
    }
    return n.toString();
  }

  private static void resources(ObjectNode n, Resources r) {
    for (String name : new String[] {"cpus", "mem", "gpus"}) {
      long milli = r.milli(name);
      if (milli != 0) {
        n.put(name, new java.math.BigDecimal(Resources.formatMilli(milli)));
      }
    }
  }

  private static void owner(ObjectNode n, TaskOwner o) {
    if (o == null) {
      return;
    }
    n.put("owner_job", o.job());
    if (o.user() != null) {
      n.put("user", o.user());
    }
    n.put("priority", o.priority()).put("class", o.schedulingClass());
    if (o.qos() != null) {
      n.put("qos", o.qos());
    }
  }

  private static String json(Map<String, String> m) {
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The one table: every line is an event at its {@code t}. */
  private static final class Events implements Table {
    @Override
    public String name() {
      return "events";
    }

    @Override
    public RowSource open(Path file) throws IOException {
      return new JsonRowSource(file, FIELDS);
    }

    @Override
    public boolean ordered() {
      return true;
    }

    @Override
    public long key(Row row) {
      return micros(row, 1);
    }

    @Override
    public String type(Row row) {
      return row.required(2);
    }

    @Override
    public void events(Row row, long t, Consumer<TraceEvent> out) {
      String type = row.required(2);
      switch (type) {
        case "machine_added" ->
            out.accept(
                new TraceEvent.MachineAdded(
                    t,
                    row.required(3),
                    resources(row).plus(GpuDevices.whole((int) row.integer(19, 0))),
                    attributes(row)));
        case "machine_removed" -> out.accept(new TraceEvent.MachineRemoved(t, row.required(3)));
        case "machine_updated" ->
            out.accept(new TraceEvent.MachineUpdated(t, row.required(3), resources(row)));
        case "job" ->
            out.accept(new TraceEvent.JobEvent(t, row.required(4), row.required(17), owner(row)));
        case "task_group" ->
            out.accept(
                new TraceEvent.TaskGroup(
                    t,
                    row.required(4),
                    row.required(6),
                    owner(row),
                    resources(row),
                    row.integer(16)));
        case "submit" ->
            out.accept(
                new TraceEvent.TaskSubmitted(
                    t,
                    task(row),
                    owner(row),
                    row.isEmpty(6) ? resources(row) : null,
                    row.isEmpty(6) ? null : row.text(6),
                    row.isEmpty(20) ? null : row.text(20)));
        case "schedule" ->
            out.accept(
                new TraceEvent.TaskScheduled(t, task(row), row.isEmpty(3) ? null : row.text(3)));
        case "end" -> {
          TraceEvent.Ending ending;
          try {
            ending = TraceEvent.Ending.valueOf(row.required(15));
          } catch (IllegalArgumentException e) {
            throw row.error("unknown code", 15, "not one of FINISH, FAIL, KILL, EVICT, LOST");
          }
          out.accept(new TraceEvent.TaskEnded(t, task(row), ending));
        }
        case "usage" ->
            out.accept(
                new TraceEvent.TaskUsage(
                    t,
                    row.integer(16),
                    task(row),
                    row.isEmpty(3) ? null : row.required(3),
                    row.amount(12, 0),
                    row.amount(13, 0)));
        case "machine_usage" ->
            out.accept(
                new TraceEvent.MachineUsage(
                    t,
                    row.required(3),
                    row.isEmpty(12) ? Double.NaN : row.amount(12, 0),
                    row.isEmpty(13) ? Double.NaN : row.amount(13, 0),
                    null));
        default ->
            throw row.error(
                "unknown code",
                2,
                "unknown event type (known: machine_added, machine_removed, machine_updated, job,"
                    + " task_group, submit, schedule, end, usage, machine_usage)");
      }
    }

    private static TaskKey task(Row row) {
      return new TaskKey(row.required(4), row.required(5));
    }

    private static TaskOwner owner(Row row) {
      return new TaskOwner(
          row.isEmpty(7) ? row.required(4) : row.text(7),
          row.isEmpty(8) ? null : row.text(8),
          (int) row.integer(9, -1),
          (int) row.integer(10, -1),
          row.isEmpty(11) ? null : row.text(11));
    }

    private static Resources resources(Row row) {
      return ReferenceMachine.resources(row.amount(12, 0), row.amount(13, 0), row.amount(14, 0));
    }

    private static Map<String, String> attributes(Row row) {
      if (row.isEmpty(18)) {
        return Map.of();
      }
      try {
        return new LinkedHashMap<>(
            JSON.readValue(row.text(18), new TypeReference<TreeMap<String, String>>() {}));
      } catch (JsonProcessingException e) {
        throw row.error("malformed JSON", 18, "attributes must be a JSON object of strings");
      }
    }
  }
}
