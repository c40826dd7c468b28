package io.clustersim.workloads.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Google's 2019 trace (Borg v3, one cell) as the public JSON Lines export: machine_events,
 * collection_events, instance_events and instance_usage shards ({@code .json} or {@code .json.gz}),
 * with nested fields such as {@code resource_request.cpus}. Event codes differ from 2011 (SUBMIT=0,
 * QUEUE=1, ENABLE=2, SCHEDULE=3, EVICT=4 … UPDATE_RUNNING=10; machines ADD=1, REMOVE=2, UPDATE=3)
 * and are accepted as numbers or names. Export shards carry no order, so each is sorted by time
 * with bounded memory. Instances of alloc sets (collection_type 1) are reservations rather than
 * work: they are counted and not replayed.
 */
public final class Google2019Format extends TableFormat {
  static final String[] EVENTS = {
    "SUBMIT",
    "QUEUE",
    "ENABLE",
    "SCHEDULE",
    "EVICT",
    "FAIL",
    "FINISH",
    "KILL",
    "LOST",
    "UPDATE_PENDING",
    "UPDATE_RUNNING"
  };
  static final String[] MACHINE_EVENTS = {null, "ADD", "REMOVE", "UPDATE"};

  private static final String[] MACHINE_FIELDS = {
    "time", "machine_id", "type", "capacity.cpus", "capacity.memory", "platform_id", "switch_id"
  };
  private static final String[] COLLECTION_FIELDS = {
    "time", "type", "collection_id", "priority", "scheduling_class", "user", "collection_type"
  };
  private static final String[] INSTANCE_FIELDS = {
    "time",
    "type",
    "collection_id",
    "instance_index",
    "machine_id",
    "priority",
    "scheduling_class",
    "resource_request.cpus",
    "resource_request.memory",
    "collection_type"
  };
  private static final String[] USAGE_FIELDS = {
    "start_time",
    "end_time",
    "collection_id",
    "instance_index",
    "machine_id",
    "average_usage.cpus",
    "average_usage.memory",
    "collection_type"
  };

  /** The format's registration: name, description, defaults and tables. */
  public Google2019Format() {
    super(
        "google-2019",
        "Google 2019 (v3) JSON export: machine_events, collection_events, instance_events,"
            + " instance_usage (*.json[.gz])",
        new ReferenceMachine(32, 131072),
        GroupBy.USER,
        true,
        List.of("machine_events", "collection_events", "instance_events", "instance_usage"),
        "collection_events");
  }

  @Override
  List<Table> tables(Set<String> present, ReferenceMachine ref) {
    return List.of(new Machines(ref), new Collections(), new Instances(ref), new Usage(ref));
  }

  private abstract static class JsonTable implements Table {
    private final String name;
    private final String[] fields;

    JsonTable(String name, String[] fields) {
      this.name = name;
      this.fields = fields;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public RowSource open(Path file) throws IOException {
      return new JsonRowSource(file, fields);
    }

    @Override
    public boolean ordered() {
      return false;
    }

    @Override
    public long key(Row row) {
      return micros(row, 1);
    }
  }

  /** Machine 0 is NO_MACHINE and −1 DEDICATED_MACHINE: no placement to replay. */
  private static String machine(Row row, int col) {
    long id = row.integer(col, 0);
    return id <= 0 ? null : Long.toString(id);
  }

  private static boolean allocSet(Row row, int col) {
    return row.integer(col, 0) == 1;
  }

  private static final class Machines extends JsonTable {
    private final ReferenceMachine ref;

    Machines(ReferenceMachine ref) {
      super("machine_events", MACHINE_FIELDS);
      this.ref = ref;
    }

    @Override
    public String type(Row row) {
      return MACHINE_EVENTS[code(row, 3, MACHINE_EVENTS)];
    }

    @Override
    public void events(Row row, long t, Consumer<TraceEvent> out) {
      String machine = Long.toString(row.integer(2));
      switch (code(row, 3, MACHINE_EVENTS)) {
        case 1 -> {
          String platform = row.text(6);
          out.accept(
              new TraceEvent.MachineAdded(
                  t,
                  machine,
                  ref.scale(row.amount(4, 0), row.amount(5, 0)),
                  platform.isEmpty() ? Map.of() : Map.of("platform", platform)));
        }
        case 2 -> out.accept(new TraceEvent.MachineRemoved(t, machine));
        default -> {
          if (!row.isEmpty(4) || !row.isEmpty(5)) {
            out.accept(
                new TraceEvent.MachineUpdated(
                    t, machine, ref.scale(row.amount(4, 0), row.amount(5, 0))));
          }
        }
      }
    }
  }

  private static final class Collections extends JsonTable {
    Collections() {
      super("collection_events", COLLECTION_FIELDS);
    }

    @Override
    public String type(Row row) {
      return (allocSet(row, 7) ? "ALLOC_SET/" : "") + EVENTS[code(row, 2, EVENTS)];
    }

    @Override
    public void events(Row row, long t, Consumer<TraceEvent> out) {
      String job = Long.toString(row.integer(3));
      String kind = EVENTS[code(row, 2, EVENTS)];
      String user = row.text(6);
      out.accept(
          new TraceEvent.JobEvent(
              t,
              job,
              kind,
              new TaskOwner(
                  job,
                  user.isEmpty() ? null : user,
                  (int) row.integer(4, -1),
                  (int) row.integer(5, -1),
                  null)));
    }
  }

  private static final class Instances extends JsonTable {
    private final ReferenceMachine ref;

    Instances(ReferenceMachine ref) {
      super("instance_events", INSTANCE_FIELDS);
      this.ref = ref;
    }

    @Override
    public String type(Row row) {
      return (allocSet(row, 10) ? "ALLOC_SET/" : "") + EVENTS[code(row, 2, EVENTS)];
    }

    @Override
    public void events(Row row, long t, Consumer<TraceEvent> out) {
      if (allocSet(row, 10)) {
        return;
      }
      String job = Long.toString(row.integer(3));
      TaskKey task = new TaskKey(job, Long.toString(row.integer(4)));
      switch (code(row, 2, EVENTS)) {
        case 0 ->
            out.accept(
                new TraceEvent.TaskSubmitted(
                    t,
                    task,
                    new TaskOwner(
                        job, null, (int) row.integer(6, -1), (int) row.integer(7, -1), null),
                    ref.scale(row.amount(8, 0), row.amount(9, 0))));
        case 3 -> out.accept(new TraceEvent.TaskScheduled(t, task, machine(row, 5)));
        case 4 -> out.accept(new TraceEvent.TaskEnded(t, task, TraceEvent.Ending.EVICT));
        case 5 -> out.accept(new TraceEvent.TaskEnded(t, task, TraceEvent.Ending.FAIL));
        case 6 -> out.accept(new TraceEvent.TaskEnded(t, task, TraceEvent.Ending.FINISH));
        case 7 -> out.accept(new TraceEvent.TaskEnded(t, task, TraceEvent.Ending.KILL));
        case 8 -> out.accept(new TraceEvent.TaskEnded(t, task, TraceEvent.Ending.LOST));
        default -> {
          // QUEUE, ENABLE, UPDATE_*: counted; a replay keeps the submitted request.
        }
      }
    }
  }

  private static final class Usage extends JsonTable {
    private final ReferenceMachine ref;

    Usage(ReferenceMachine ref) {
      super("instance_usage", USAGE_FIELDS);
      this.ref = ref;
    }

    @Override
    public String type(Row row) {
      return "usage";
    }

    @Override
    public void events(Row row, long t, Consumer<TraceEvent> out) {
      if (allocSet(row, 8)) {
        return;
      }
      long end = micros(row, 2);
      if (end < t) {
        throw row.error("out of range", 2, "the window ends before it starts");
      }
      String machine = machine(row, 5);
      if (machine == null) {
        throw row.error("out of range", 5, "usage must name a machine");
      }
      out.accept(
          new TraceEvent.TaskUsage(
              t,
              end,
              new TaskKey(Long.toString(row.integer(3)), Long.toString(row.integer(4))),
              machine,
              row.amount(6, 0) * ref.cpus(),
              row.amount(7, 0) * ref.memMb()));
    }
  }
}
