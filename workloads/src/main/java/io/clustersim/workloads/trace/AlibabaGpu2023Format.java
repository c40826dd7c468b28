package io.clustersim.workloads.trace;

import io.clustersim.core.gpu.GpuDevices;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Alibaba's cluster-trace-gpu-v2023 (the FGD paper's "openb" lists), CSV with a header row: a node
 * list ({@code sn,cpu_milli,memory_mib,gpu,model}) whose nodes all exist from time 0, and a pod
 * list (creation, scheduled and deletion times in seconds, millicores, MiB, GPU count and milli-GPU
 * share). A pod asks for {@code num_gpu} whole GPUs, or {@code gpu_milli/1000} of one GPU when
 * {@code num_gpu} is 1 (fractional GPU requests, as the paper's GPU sharing). Pods record no node,
 * so only simulated replays are possible. A pod ends at its deletion time: Succeeded and Running
 * pods finish, Failed pods fail, Pending pods (never scheduled) are cancelled. The multi-GPU lists
 * have only the first five columns: every pod arrives at 0 and never ends.
 *
 * <p>A directory holds several variants; without a more precise path the all-node list and the
 * default pod list are read (point a glob at others, such as {@code
 * DIR/openb_{node_list_gpu_node,pod_list_gpushare100}.csv}).
 */
public final class AlibabaGpu2023Format extends TableFormat {
  private static final String[] NODES = {"sn", "cpu_milli", "memory_mib", "gpu", "model"};
  private static final String[] PODS = {
    "name",
    "cpu_milli",
    "memory_mib",
    "num_gpu",
    "gpu_milli",
    "gpu_spec",
    "qos",
    "pod_phase",
    "creation_time",
    "deletion_time",
    "scheduled_time"
  };

  @Override
  Map<String, List<Path>> choose(Map<String, List<Path>> found) {
    Map<String, List<Path>> chosen = new LinkedHashMap<>();
    found.forEach(
        (table, files) ->
            chosen.put(
                table,
                files.size() == 1
                    ? files
                    : files.stream()
                        .filter(
                            p -> {
                              String n = p.getFileName().toString();
                              return n.startsWith("openb_node_list_all_node")
                                  || n.startsWith("openb_pod_list_default");
                            })
                        .toList()));
    chosen.values().removeIf(List::isEmpty);
    return chosen;
  }

  /** The format's registration: name, description, defaults and tables. */
  public AlibabaGpu2023Format() {
    super(
        "alibaba-gpu-2023",
        "Alibaba cluster-trace-gpu-v2023 (FGD, openb): openb_node_list_*.csv and"
            + " openb_pod_list_*.csv",
        new ReferenceMachine(96, 786432), // unused: the lists give absolute units
        GroupBy.QOS,
        false,
        List.of("openb_node_list", "openb_pod_list"),
        null);
  }

  @Override
  List<Table> tables(Set<String> present, ReferenceMachine ref) {
    return List.of(new Nodes(), new Pods());
  }

  private abstract static class HeaderTable implements Table {
    private final String name;
    private final String[] columns;
    private final int min;

    HeaderTable(String name, String[] columns, int min) {
      this.name = name;
      this.columns = columns;
      this.min = min;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public RowSource open(Path file) throws IOException {
      return new CsvRowSource(file, columns, min, CsvRowSource.HeaderRule.REQUIRED);
    }

    @Override
    public boolean ordered() {
      return false;
    }
  }

  private static final class Nodes extends HeaderTable {
    Nodes() {
      super("openb_node_list", NODES, NODES.length);
    }

    @Override
    public long key(Row row) {
      return 0;
    }

    @Override
    public String type(Row row) {
      return row.isEmpty(5) ? "cpu node" : "gpu node";
    }

    @Override
    public void events(Row row, long t, Consumer<TraceEvent> out) {
      String model = row.text(5);
      long gpus = row.integer(4, 0);
      if (gpus < 0 || gpus > GpuDevices.MAX) {
        throw row.error("out of range", 4, "a node has 0 to " + GpuDevices.MAX + " GPUs");
      }
      // Each GPU is its own device resource, so that pods can share one by milli-GPU.
      out.accept(
          new TraceEvent.MachineAdded(
              t,
              row.required(1),
              ReferenceMachine.resources(row.amount(2, 0) / 1000.0, row.amount(3, 0), 0)
                  .plus(GpuDevices.whole((int) gpus)),
              model.isEmpty() ? Map.of() : Map.of("gpu_model", model)));
    }
  }

  private static final class Pods extends HeaderTable {
    Pods() {
      super("openb_pod_list", PODS, 5);
    }

    @Override
    public long key(Row row) {
      return TableFormat.seconds(row, 9, 0);
    }

    @Override
    public String type(Row row) {
      String phase = row.text(8);
      return phase.isEmpty() ? "unknown phase" : phase;
    }

    @Override
    public void events(Row row, long t, Consumer<TraceEvent> out) {
      TaskKey key = new TaskKey("pods", row.required(1));
      long numGpu = row.integer(4, 0);
      double milli = row.amount(5, 0);
      if (numGpu < 0 || milli > 1000) {
        throw row.error(
            "out of range", numGpu < 0 ? 4 : 5, "GPU requests are 0+ GPUs of ≤ 1000 milli");
      }
      double gpus = numGpu == 1 && milli > 0 ? milli / 1000.0 : numGpu;
      if (numGpu > 1 && milli > 0 && milli < 1000) {
        throw row.error("out of range", 5, "a share of a GPU is only for one GPU (num_gpu 1)");
      }
      String qos = row.text(7);
      String spec = row.text(6);
      out.accept(
          new TraceEvent.TaskSubmitted(
              t,
              key,
              new TaskOwner("pods", null, -1, -1, qos.isEmpty() ? null : qos),
              ReferenceMachine.resources(row.amount(2, 0) / 1000.0, row.amount(3, 0), gpus),
              null,
              spec.isEmpty() ? null : spec));
      String phase = row.text(8);
      long deleted = TableFormat.seconds(row, 10, -1);
      long scheduled = TableFormat.seconds(row, 11, -1);
      if (scheduled >= t && !phase.equals("Pending")) {
        out.accept(new TraceEvent.TaskScheduled(scheduled, key, null));
      }
      if (deleted >= 0) {
        if (deleted < Math.max(t, scheduled)) {
          throw row.error(
              "out of range", 10, "the pod is deleted before it is created or scheduled");
        }
        TraceEvent.Ending ending =
            switch (phase) {
              case "Succeeded", "Running", "" -> TraceEvent.Ending.FINISH;
              case "Failed" -> TraceEvent.Ending.FAIL;
              case "Pending" -> TraceEvent.Ending.KILL;
              default ->
                  throw row.error(
                      "unknown event code",
                      8,
                      "unknown phase (known: Running, Succeeded, Failed, Pending)");
            };
        out.accept(new TraceEvent.TaskEnded(deleted, key, ending));
      }
    }
  }
}
