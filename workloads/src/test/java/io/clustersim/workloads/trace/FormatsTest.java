package io.clustersim.workloads.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clustersim.workloads.trace.TraceEvent.Ending;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each format's mapping on small hand-written files, with the expected events worked out. */
class FormatsTest {
  @TempDir Path dir;

  private static long s(long seconds) {
    return seconds * 1_000_000L;
  }

  @Test
  void google2011PartsAreMergedInTimeOrderAndRowsAfterTheTraceAreCounted() throws Exception {
    TraceFixtures.write(
        dir, "machine_events/part-00000-of-00001.csv.gz", TraceFixtures.TWO_MACHINES);
    // Two parts whose times interleave; the reader must merge them, not concatenate them.
    TraceFixtures.write(
        dir,
        "task_events/part-00000-of-00002.csv.gz",
        "100,,7,0,,0,u,0,9,0.25,0.125,0,0",
        "300,,7,0,1,1,u,0,9,,,,",
        "9223372036854775807,,7,0,1,4,u,0,9,,,,");
    TraceFixtures.write(
        dir, "task_events/part-00001-of-00002.csv", "200,,8,0,,0,v,1,0,0.5,0.5,0,0");
    BadRows bad = new BadRows(false);
    List<TraceEvent> events = TraceFixtures.read("google-2011", dir, bad);
    List<Long> times = events.stream().map(TraceEvent::time).toList();
    assertEquals(List.of(0L, 0L, 100L, 200L, 300L), times);
    TraceEvent.TaskSubmitted first = (TraceEvent.TaskSubmitted) events.get(2);
    // 0.25 of the 32-core reference machine, 0.125 of its 131072 MB.
    assertEquals(8.0, first.request().amount("cpus"), 1e-9);
    assertEquals(16384.0, first.request().amount("mem"), 1e-9);
    assertEquals(new TaskOwner("7", "u", 9, 0, null), first.owner());
    assertEquals(Map.of("task_events: rows dated after the trace window", 1L), bad.orphans());
  }

  @Test
  void google2019JsonLinesAreSortedAndTheirNestedFieldsAndEnumNamesRead() throws Exception {
    TraceFixtures.write(
        dir,
        "machine_events-000000000000.json",
        "{\"time\":\"0\",\"machine_id\":\"42\",\"type\":1,\"capacity\":{\"cpus\":0.5,\"memory\":0.25}}");
    TraceFixtures.write(
        dir,
        "collection_events-000000000000.json",
        "{\"time\":\"50\",\"type\":\"SUBMIT\",\"collection_id\":\"9\",\"priority\":200,"
            + "\"scheduling_class\":3,\"user\":\"alice\",\"collection_type\":0}");
    // Out of order, as an export's shard is: the schedule comes before the submit in the file.
    TraceFixtures.write(
        dir,
        "instance_events-000000000000.json.gz",
        "{\"time\":\"70\",\"type\":3,\"collection_id\":\"9\",\"instance_index\":0,"
            + "\"machine_id\":\"42\",\"collection_type\":0}",
        "{\"time\":\"60\",\"type\":0,\"collection_id\":\"9\",\"instance_index\":0,"
            + "\"priority\":200,\"scheduling_class\":3,"
            + "\"resource_request\":{\"cpus\":0.125,\"memory\":0.0625},\"collection_type\":0}",
        "{\"time\":\"65\",\"type\":0,\"collection_id\":\"10\",\"instance_index\":0,"
            + "\"collection_type\":1}");
    List<TraceEvent> events = TraceFixtures.read("google-2019", dir, new BadRows(false));
    assertEquals(4, events.size(), events.toString());
    TraceEvent.MachineAdded m = (TraceEvent.MachineAdded) events.get(0);
    assertEquals(16.0, m.capacity().amount("cpus"), 1e-9);
    TraceEvent.TaskSubmitted t = (TraceEvent.TaskSubmitted) events.get(2);
    assertEquals(60, t.time());
    assertEquals(4.0, t.request().amount("cpus"), 1e-9);
    assertEquals(8192.0, t.request().amount("mem"), 1e-9);
    // The user comes from the collection; the alloc set's instance is not replayed.
    assertEquals(new TaskOwner("9", "alice", 200, 3, null), t.owner());
    assertEquals("42", ((TraceEvent.TaskScheduled) events.get(3)).machine());
    assertEquals(GroupBy.PRIORITY.key(t.owner(), true), "production");
  }

  @Test
  void alibaba2018InstancesTakeTheirTasksRequestAndMachinesFollowTheirSnapshots() throws Exception {
    TraceFixtures.write(
        dir,
        "machine_meta.csv",
        "m_1,0,1,a,96,100,USING",
        "m_2,0,1,a,96,100,USING",
        "m_2,500,1,a,64,100,USING",
        "m_1,900,1,a,96,100,MAINTAINING");
    TraceFixtures.write(dir, "batch_task.csv", "M1,2,j_1,1,Terminated,100,400,50,1");
    TraceFixtures.write(
        dir,
        "batch_instance.csv",
        "ins_2,M1,j_1,1,Terminated,150,300,m_2,1,1,30,40,0.5,0.8",
        "ins_1,M1,j_1,1,Failed,120,400,m_1,1,1,40,50,0.5,0.8");
    TraceFixtures.write(dir, "container_meta.csv", "c_1,m_1,0,app_5,started,400,800,2.5");
    TraceFixtures.write(
        dir,
        "container_usage.csv",
        "c_1,m_1,600,50,25,1.1,0.5,3,1,1,2",
        "c_9,m_1,600,50,25,1.1,0.5,3,1,1,2");
    BadRows bad = new BadRows(false);
    List<TraceEvent> events = TraceFixtures.read("alibaba-2018", dir, bad);
    List<String> kinds = new ArrayList<>();
    for (TraceEvent e : events) {
      kinds.add(e.getClass().getSimpleName() + "@" + e.time() / 1_000_000);
    }
    assertEquals(
        List.of(
            "MachineAdded@0",
            "MachineAdded@0",
            "TaskSubmitted@0",
            "TaskScheduled@0",
            "TaskGroup@100",
            "TaskSubmitted@120",
            "TaskScheduled@120",
            "TaskUsage@120",
            "TaskSubmitted@150",
            "TaskScheduled@150",
            "TaskUsage@150",
            "TaskEnded@300",
            "TaskEnded@400",
            "MachineUpdated@500",
            "TaskUsage@600",
            "MachineRemoved@900"),
        kinds);
    // 50% of the container's 4 cores and 25% of its 13,107.2 MB, over a 300 s window; the row
    // for a container never started is an orphan, counted.
    TraceEvent.TaskUsage usage = (TraceEvent.TaskUsage) events.get(14);
    assertEquals(new TaskKey("containers", "c_1"), usage.task());
    assertEquals(2.0, usage.cpus(), 1e-9);
    assertEquals(3276.8, usage.memMb(), 1e-9);
    assertEquals(900_000_000L, usage.end());
    assertEquals(java.util.Map.of("usage for an unknown task", 1L), bad.orphans());
    // Failure domains 1 and "a" become attributes, usable in constraints.
    assertEquals(
        java.util.Map.of("failure_domain_1", "1", "failure_domain_2", "a"),
        ((TraceEvent.MachineAdded) events.get(0)).attributes());
    TraceEvent.TaskSubmitted container = (TraceEvent.TaskSubmitted) events.get(2);
    // 400 hundredths of a core; 2.5 of 100 normalised memory units of 524288 MB.
    assertEquals(4.0, container.request().amount("cpus"), 1e-9);
    assertEquals(13107.2, container.request().amount("mem"), 1e-9);
    TraceEvent.TaskSubmitted instance = (TraceEvent.TaskSubmitted) events.get(5);
    assertEquals(new TaskKey("j_1", "M1/ins_1"), instance.task());
    assertEquals(0.5, instance.request().amount("cpus"), 1e-9);
    assertEquals(5242.88, instance.request().amount("mem"), 1e-9);
    assertNull(instance.group());
    assertEquals(0.4, ((TraceEvent.TaskUsage) events.get(7)).cpus(), 1e-12);
    assertEquals(Ending.FINISH, ((TraceEvent.TaskEnded) events.get(11)).ending());
    assertEquals(Ending.FAIL, ((TraceEvent.TaskEnded) events.get(12)).ending());
    assertEquals(64.0, ((TraceEvent.MachineUpdated) events.get(13)).capacity().amount("cpus"));
  }

  @Test
  void alibaba2017ContainerUsageIsInPercentOfTheRequest() throws Exception {
    TraceFixtures.write(dir, "server_event.csv", "0,m_1,add,,64,1,1");
    // A container of 8 cores and 0.25 of a 262,144 MB machine, created at 10 s.
    TraceFixtures.write(dir, "container_event.csv", "10,Create,c_7,m_1,8,0.25,0.1,1|2|3");
    TraceFixtures.write(
        dir,
        "container_usage.csv",
        "400,c_7,25,50,1,0,0,0,1,1,1,1",
        "100,c_7,75,10,1,0,0,0,1,1,1,1");
    List<TraceEvent> events = TraceFixtures.read("alibaba-2017", dir, new BadRows(false));
    List<TraceEvent.TaskUsage> usage =
        events.stream()
            .filter(e -> e instanceof TraceEvent.TaskUsage)
            .map(e -> (TraceEvent.TaskUsage) e)
            .toList();
    // In time order (the table is sorted first): 75% then 25% of 8 cores; 10% then 50% of 65,536
    // MB.
    assertEquals(2, usage.size());
    assertEquals(100_000_000L, usage.get(0).time());
    assertEquals(6.0, usage.get(0).cpus(), 1e-9);
    assertEquals(6553.6, usage.get(0).memMb(), 1e-9);
    assertEquals(2.0, usage.get(1).cpus(), 1e-9);
    assertEquals(32768.0, usage.get(1).memMb(), 1e-9);
    assertEquals(null, usage.get(0).machine());
  }

  @Test
  void alibaba2017ServerUsageIsInPercentOfTheMachineWithItsCapacity() throws Exception {
    TraceFixtures.write(dir, "server_event.csv", "0,m_1,add,,64,1,1");
    TraceFixtures.write(
        dir, "server_usage.csv", "300,m_1,75.5,20,1,0,0,0", "100,m_1,-1,30,1,0,0,0");
    List<TraceEvent.MachineUsage> usage =
        TraceFixtures.read("alibaba-2017", dir, new BadRows(false)).stream()
            .filter(e -> e instanceof TraceEvent.MachineUsage)
            .map(e -> (TraceEvent.MachineUsage) e)
            .toList();
    // In time order; -1 marks an invalid value; the reader adds the machine's 64 cores.
    assertEquals(2, usage.size());
    assertEquals(100_000_000L, usage.get(0).time());
    assertTrue(Double.isNaN(usage.get(0).cpuShare()));
    assertEquals(0.30, usage.get(0).memShare(), 1e-12);
    assertEquals(0.755, usage.get(1).cpuShare(), 1e-12);
    assertEquals(64.0, usage.get(1).capacity().amount("cpus"), 1e-9);
    assertEquals("m_1", usage.get(1).machine());
  }

  @Test
  void gpuPodsAskForWholeOrSharedGpusAndPendingPodsEndUnscheduled() throws Exception {
    TraceFixtures.write(
        dir,
        "openb_node_list_gpu_node.csv",
        "sn,cpu_milli,memory_mib,gpu,model",
        "n0,64000,262144,2,T4");
    TraceFixtures.write(
        dir,
        "openb_pod_list_x.csv",
        "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,"
            + "deletion_time,scheduled_time",
        "p0,4000,8192,1,250,,LS,Running,10,90,12",
        "p1,8000,8192,2,1000,,BE,Pending,20,30,");
    List<TraceEvent> events = TraceFixtures.read("alibaba-gpu-2023", dir, new BadRows(false));
    // Each GPU is its own device resource (one unit each), so pods can share one by milli-GPU.
    io.clustersim.core.resources.Resources node =
        ((TraceEvent.MachineAdded) events.get(0)).capacity();
    assertEquals(1.0, node.amount("gpu.0"));
    assertEquals(1.0, node.amount("gpu.1"));
    assertEquals(0.0, node.amount("gpu.2"));
    TraceEvent.TaskSubmitted p0 = (TraceEvent.TaskSubmitted) events.get(1);
    assertEquals(0.25, p0.request().amount("gpus"), 1e-9);
    assertEquals(4.0, p0.request().amount("cpus"), 1e-9);
    assertEquals("LS", p0.owner().qos());
    TraceEvent.TaskSubmitted p1 = (TraceEvent.TaskSubmitted) events.get(3);
    assertEquals(2.0, p1.request().amount("gpus"), 1e-9);
    List<String> rest =
        events.subList(2, events.size()).stream()
            .map(e -> e.getClass().getSimpleName() + "@" + e.time() / 1_000_000)
            .toList();
    assertEquals(
        List.of("TaskScheduled@12", "TaskSubmitted@20", "TaskEnded@30", "TaskEnded@90"), rest);
    assertEquals(Ending.KILL, ((TraceEvent.TaskEnded) events.get(4)).ending());
  }

  @Test
  void anExternalSortGivesTheSameOrderAsAnInMemoryOne() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      lines.add((i * 37 % 11) + "," + i); // many equal keys, which must keep file order
    }
    Path file = TraceFixtures.write(dir, "rows.csv", lines.toArray(new String[0]));
    Table byFirst =
        new Table() {
          @Override
          public String name() {
            return "rows";
          }

          @Override
          public RowSource open(Path f) throws IOException {
            return new CsvRowSource(f, new String[] {"key", "n"}, 2, CsvRowSource.HeaderRule.NONE);
          }

          @Override
          public boolean ordered() {
            return false;
          }

          @Override
          public long key(Row row) {
            return row.integer(1);
          }

          @Override
          public void events(Row row, long key, Consumer<TraceEvent> out) {}
        };
    List<String> inMemory = order(new SortedRows(byFirst.open(file), byFirst, new BadRows(false)));
    List<String> spilled =
        order(new SortedRows(byFirst.open(file), byFirst, new BadRows(false), 4));
    assertEquals(inMemory, spilled);
    assertEquals("0,0", inMemory.get(0));
    assertEquals("0,11", inMemory.get(1));
    assertTrue(inMemory.get(49).startsWith("10,"));
  }

  private static List<String> order(SortedRows rows) throws IOException {
    List<String> out = new ArrayList<>();
    for (SortedRows.Keyed k = rows.next(); k != null; k = rows.next()) {
      out.add(String.join(",", k.fields()));
    }
    rows.close();
    return out;
  }
}
