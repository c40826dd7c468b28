package io.clustersim.workloads.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The readers on the real excerpts in {@code ../shared/traces/}: every count is compared with what
 * awk computes from the same files.
 */
class SharedExcerptsTest {
  private static Path shared(String rel) {
    Path p = Path.of(System.getProperty("user.dir")).resolve("../../shared/traces").resolve(rel);
    return p.normalize();
  }

  private static TraceStats inspect(String format, Path path, BadRows bad) {
    TraceFormat f = TraceFormats.get(format);
    TraceStats stats = new TraceStats(true);
    try (TraceReader r = f.open(path.toString(), f.defaultReference(), bad, stats)) {
      while (r.next() != null) {
        // the stats count as the reader goes
      }
    }
    return stats;
  }

  @Test
  void google2011ExcerptsCountAsAwkDoesAndTheirUnknownMachinesAreBadRows() throws Exception {
    Path dir = shared("google-2011");
    // The excerpts are the first rows of different shards: usage names machines that the three
    // machine_events rows do not add, so a strict read stops at the first such row ...
    TraceException e =
        assertThrows(TraceException.class, () -> inspect("google-2011", dir, new BadRows(false)));
    assertTrue(
        e.getMessage().contains("task_usage_head2.quoted.csv:1: machine ID '4155527081'"),
        e.getMessage());
    // ... and --skip-bad-rows counts both and reads the rest.
    BadRows bad = new BadRows(true);
    TraceStats s = inspect("google-2011", dir, bad);
    assertEquals(Map.of("unknown machine", 2L), bad.skipped());
    Path tasks = dir.resolve("task_events_head3.quoted.csv");
    Path jobs = dir.resolve("job_events_head3.quoted.csv");
    Path machines = dir.resolve("machine_events_head3.quoted.csv");
    assertEquals((long) Awk.number("END{print NR}", tasks), s.rowsByFile().get(tasks.toString()));
    assertEquals(
        (long) Awk.number("$6==0{n++} END{print n}", tasks),
        s.rowsByType().get("task_events/SUBMIT"));
    assertEquals(
        (long) Awk.number("$4==0{n++} END{print n}", jobs),
        s.rowsByType().get("job_events/SUBMIT"));
    assertEquals((long) Awk.number("$3==0{n++} END{print n}", machines), s.machines());
    // Requests: normalised CPU × 32 cores and memory × 131072 MB (the default reference machine).
    assertEquals(
        Awk.number("$6==0{c+=$10} END{printf \"%.6f\", c*32}", tasks), s.cpuRequested(), 1e-9);
    assertEquals(
        Awk.number("$6==0{m+=$11} END{printf \"%.6f\", m*131072}", tasks),
        s.memRequested(),
        1e-3 * 3);
  }

  @Test
  void alibaba2017BatchTasksExpandIntoTheirInstancesAsAwkCountsThem() throws Exception {
    Path file = shared("alibaba-v2017/batch_task_head2000.csv");
    TraceStats s = inspect("alibaba-2017", file, new BadRows(false));
    // The public copy has a header line (NR>1 skips it); each row is instance_num tasks.
    assertEquals(
        (long) Awk.number("NR>1{n++} END{print n}", file), s.rowsByFile().get(file.toString()));
    assertEquals((long) Awk.number("NR>1{n+=$5} END{print n}", file), s.tasks());
    assertEquals((long) Awk.number("NR>1{j[$3]=1} END{print length(j)}", file), s.jobs());
    assertEquals(
        (long) Awk.number("NR>1 && $6==\"Terminated\"{n++} END{print n}", file),
        s.rowsByType().get("batch_task/Terminated"));
    assertEquals(
        Awk.number("NR>1{c+=$7*$5} END{printf \"%.3f\", c/100}", file), s.cpuRequested(), 0.01);
    assertEquals(
        (long) Awk.number("NR>1{if(t==\"\"||$1<t)t=$1} END{print t}", file) * 1e6,
        s.firstTime(),
        0);
  }

  @Test
  void alibabaGpu2023ListsGiveNodesPodsAndFractionalGpus() throws Exception {
    Path dir = shared("alibaba-gpu-v2023");
    TraceStats s = inspect("alibaba-gpu-2023", dir, new BadRows(false));
    Path nodes = dir.resolve("openb_node_list_all_node.csv");
    Path pods = dir.resolve("openb_pod_list_default.csv");
    // A directory holds all the variants; the all-node list and the default pod list are read.
    assertEquals(2, s.rowsByFile().size());
    assertEquals((long) Awk.number("NR>1{n++} END{print n}", nodes), s.machines());
    // Machine types: distinct (cpu, memory, GPUs, model) rows of the node list, with their counts.
    assertEquals(
        (long) Awk.number("NR>1{k[$2\",\"$3\",\"$4\",\"$5]=1} END{print length(k)}", nodes),
        s.machineTypes().size());
    assertEquals(
        (long)
            Awk.number(
                "NR>1 && $2==104000 && $3==524288 && $4==2 && $5==\"T4\"{n++} END{print n}", nodes),
        s.machineTypes().get("cpus 104, mem 524288 MB, gpus 2, gpu_model=T4"));
    assertEquals((long) Awk.number("NR>1{n++} END{print n}", pods), s.tasks());
    assertEquals(
        (long) Awk.number("NR>1 && $8==\"Pending\"{n++} END{print n}", pods),
        s.rowsByType().get("openb_pod_list/Pending"));
    assertEquals(
        Awk.number("NR>1{c+=$2} END{printf \"%.3f\", c/1000}", pods), s.cpuRequested(), 1e-6);
    // One GPU with gpu_milli set is a share of one GPU; otherwise num_gpu whole GPUs.
    assertEquals(
        Awk.number("NR>1{g+=($4==1 && $5>0) ? $5/1000 : $4} END{printf \"%.3f\", g}", pods),
        s.gpuRequested(),
        1e-6);
    assertEquals(
        (long) Awk.number("NR>1{if($10>m)m=$10} END{print m}", pods) * 1e6, s.lastTime(), 0);
  }
}
