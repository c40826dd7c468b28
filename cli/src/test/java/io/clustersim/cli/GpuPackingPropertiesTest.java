package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Fractional GPU packing never puts more than 1000 milli-GPU on one device: random small Alibaba
 * GPU 2023 node and pod lists (shares of one GPU, whole GPUs, CPU-only pods, GPU-model constraints,
 * pods that end and pods that never do) replayed under every placement strategy. The event log is
 * the witness: the devices each launched task takes, summed over the tasks still live on each
 * agent, never pass one GPU, and a task only runs on a GPU model its pod allows.
 */
class GpuPackingPropertiesTest {
  private static final String[] MODELS = {"V100", "T4"};

  /** A node list and a pod list, as CSV text. */
  record Lists(String nodes, String pods, String placement, boolean inflate) {
    @Override
    public String toString() {
      return "placement " + placement + (inflate ? " --inflate" : "") + "\n" + nodes + pods;
    }
  }

  @Provide
  Arbitrary<Lists> lists() {
    Arbitrary<String> nodes =
        Combinators.combine(
                Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 1))
            .as((gpus, model) -> gpus + "," + (gpus == 0 ? "" : MODELS[model]))
            .list()
            .ofMinSize(1)
            .ofMaxSize(4)
            .map(
                rows -> {
                  StringBuilder b = new StringBuilder("sn,cpu_milli,memory_mib,gpu,model\n");
                  for (int i = 0; i < rows.size(); i++) {
                    b.append("node-").append(i).append(",16000,65536,").append(rows.get(i));
                    b.append('\n');
                  }
                  return b.toString();
                });
    Arbitrary<String> pod =
        Combinators.combine(
                Arbitraries.integers().between(0, 2), // cpu-only, share, whole
                Arbitraries.integers().between(1, 19), // share in 50-milli steps
                Arbitraries.integers().between(1, 3), // whole GPUs
                Arbitraries.integers().between(0, 3), // spec: any, V100, T4, either
                Arbitraries.integers().between(1, 8), // cores
                Arbitraries.integers().between(0, 40), // gap before it, seconds
                Arbitraries.integers().between(5, 200)) // lifetime, seconds
            .as(
                (kind, share, whole, spec, cores, gap, life) -> {
                  String gpu =
                      switch (kind) {
                        case 0 -> "0,0";
                        case 1 -> "1," + share * 50;
                        default -> whole + ",1000";
                      };
                  String models = new String[] {"", "V100", "T4", "V100|T4"}[spec];
                  return gap + "," + life + "|" + cores * 1000 + ",4096," + gpu + "," + models;
                });
    Arbitrary<String> pods =
        pod.list()
            .ofMinSize(1)
            .ofMaxSize(30)
            .map(
                rows -> {
                  StringBuilder b =
                      new StringBuilder(
                          "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,"
                              + "creation_time,deletion_time,scheduled_time\n");
                  long t = 0;
                  for (int i = 0; i < rows.size(); i++) {
                    String row = rows.get(i);
                    String[] timing = row.substring(0, row.indexOf('|')).split(",");
                    t += Long.parseLong(timing[0]);
                    long end = t + Long.parseLong(timing[1]);
                    b.append("pod-")
                        .append(i)
                        .append(',')
                        .append(row.substring(row.indexOf('|') + 1));
                    b.append(",LS,Succeeded,").append(t).append(',').append(end).append(',');
                    b.append(t).append('\n');
                  }
                  return b.toString();
                });
    return Combinators.combine(
            nodes,
            pods,
            Arbitraries.of(
                "first-fit",
                "best-fit",
                "dot-product",
                "gpu-packing",
                "gpu-clustering",
                "random",
                "fgd"),
            Arbitraries.of(false, true))
        .as(Lists::new);
  }

  @Example
  void twoSharesFillOneGpuAndTheThirdWaitsForRoom() throws IOException {
    Path dir = Files.createTempDirectory("gpu-lists");
    try {
      Files.writeString(
          dir.resolve("openb_node_list_gpu_node.csv"),
          "sn,cpu_milli,memory_mib,gpu,model\nnode-0,16000,65536,1,V100\n");
      // Three 400-milli pods at 0, 1 and 2 s, living 100 s each.
      Files.writeString(
          dir.resolve("openb_pod_list_default.csv"),
          "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,"
              + "deletion_time,scheduled_time\n"
              + "pod-0,1000,1024,1,400,,LS,Succeeded,0,100,0\n"
              + "pod-1,1000,1024,1,400,,LS,Succeeded,1,101,1\n"
              + "pod-2,1000,1024,1,400,,LS,Succeeded,2,102,2\n");
      Runs r =
          Runs.run(
              "seed: 5\nworkload:\n  trace: {format: alibaba-gpu-2023, path: '"
                  + dir
                  + "', group_by: none}\n");
      Map<String, Long> launchedAt = new HashMap<>();
      for (JsonNode e : r.ofType("TASK_LAUNCHED")) {
        assertEquals(0.4, e.get("resources").get("gpu.0").asDouble(), 1e-9);
        launchedAt.put(pod(e.get("task").asText()), e.get("t").asLong() / 1_000_000);
      }
      // 0.4 + 0.4 fit one GPU; a third 0.4 does not until pod-0 ends at 100 s. Its runtime is
      // its recorded 100 s, not its recorded deletion time.
      assertEquals(
          Map.of("pod-0", 0L, "pod-1", 1L),
          Map.of("pod-0", launchedAt.get("pod-0"), "pod-1", launchedAt.get("pod-1")));
      assertTrue(launchedAt.get("pod-2") >= 100, "pod-2 launched at " + launchedAt.get("pod-2"));
    } finally {
      delete(dir);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 100, seed = "20261124")
  void noDeviceEverHoldsMoreThanOneGpu(@ForAll("lists") Lists lists) throws IOException {
    Path dir = Files.createTempDirectory("gpu-lists");
    try {
      Files.writeString(dir.resolve("openb_node_list_gpu_node.csv"), lists.nodes());
      Files.writeString(dir.resolve("openb_pod_list_default.csv"), lists.pods());
      Runs r =
          Runs.run(
              "seed: 5\nworkload:\n  trace: {format: alibaba-gpu-2023, path: '"
                  + dir
                  + "', group_by: none, placement: "
                  + lists.placement()
                  + ", inflate: "
                  + lists.inflate()
                  + "}\n");
      Map<String, String> modelOf = column(lists.nodes(), 4);
      Map<String, String> specOf = column(lists.pods(), 5);
      Map<String, JsonNode> live = new HashMap<>();
      boolean launched = false;
      for (JsonNode e : r.events) {
        String type = e.get("type").asText();
        if (type.equals("TASK_LAUNCHED")) {
          launched = true;
          live.put(e.get("task").asText(), e);
          String agent = e.get("agent").asText();
          String spec = specOf.get(pod(e.get("task").asText()));
          if (!spec.isEmpty() && hasDevice(e)) {
            assertTrue(
                List.of(spec.split("\\|")).contains(modelOf.get(agent)),
                e + " runs on a " + modelOf.get(agent));
          }
          Map<String, Double> used = new HashMap<>();
          for (JsonNode t : live.values()) {
            if (t.get("agent").asText().equals(agent)) {
              Iterator<Map.Entry<String, JsonNode>> it = t.get("resources").fields();
              while (it.hasNext()) {
                Map.Entry<String, JsonNode> x = it.next();
                if (x.getKey().startsWith("gpu.")) {
                  used.merge(x.getKey(), x.getValue().asDouble(), Double::sum);
                }
              }
            }
          }
          used.forEach(
              (device, amount) ->
                  assertTrue(
                      amount <= 1.0 + 1e-9, agent + " " + device + " holds " + amount + " GPUs"));
        } else if (type.equals("TASK_STATUS") && terminal(e.get("state").asText())) {
          live.remove(e.get("task").asText());
        }
      }
      Statistics.label("tasks launched").collect(launched);
    } finally {
      delete(dir);
    }
  }

  private static boolean hasDevice(JsonNode launch) {
    Iterator<String> names = launch.get("resources").fieldNames();
    while (names.hasNext()) {
      if (names.next().startsWith("gpu.")) {
        return true;
      }
    }
    return false;
  }

  private static String pod(String task) {
    return task.substring(task.indexOf('/') + 1, task.indexOf('#'));
  }

  private static boolean terminal(String state) {
    return !state.equals("TASK_STAGING")
        && !state.equals("TASK_STARTING")
        && !state.equals("TASK_RUNNING");
  }

  /** Column {@code i} of a CSV list with a header, by its first column. */
  private static Map<String, String> column(String csv, int i) {
    Map<String, String> out = new HashMap<>();
    for (String line : csv.split("\n")) {
      String[] f = line.split(",", -1);
      out.put(f[0], f[i]);
    }
    return out;
  }
}
