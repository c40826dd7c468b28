package io.clustersim.workloads.trace;

import io.clustersim.core.gpu.GpuDevices;
import io.clustersim.core.resources.Resources;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a pass over a trace saw, for {@code clustersim trace inspect} and the end-of-run report:
 * rows per file, rows per table and event type, distinct machines, jobs and tasks, the time span,
 * and the total requested resources of submitted tasks. The distinct-id sets grow with the number
 * of distinct ids, so they are kept only when {@code distinct} is asked for (inspect), never in a
 * replay.
 */
public final class TraceStats {
  private final Map<String, Long> rowsByFile = new LinkedHashMap<>();
  private final Map<String, Map<String, long[]>> rowsByType = new HashMap<>();
  private final boolean distinct;
  private final Set<String> machines = new HashSet<>();
  private final TreeMap<String, Long> machineTypes = new TreeMap<>();
  private final Set<String> jobs = new HashSet<>();
  private final Set<TaskKey> tasks = new HashSet<>();
  private long submitted;
  private long firstTime = Long.MAX_VALUE;
  private long lastTime = Long.MIN_VALUE;
  private double cpuRequested;
  private double memRequested;
  private double gpuRequested;
  private long events;

  /** Stats that count distinct ids only if {@code distinct}. */
  public TraceStats(boolean distinct) {
    this.distinct = distinct;
  }

  void file(String file, long rows) {
    rowsByFile.merge(file, rows, Long::sum);
  }

  void rowType(String table, String type) {
    // Counted per table without building "table/type" for every row.
    rowsByType.computeIfAbsent(table, t -> new HashMap<>())
        .computeIfAbsent(type, t -> new long[1])[0]++;
  }

  void event(TraceEvent e) {
    events++;
    firstTime = Math.min(firstTime, e.time());
    lastTime = Math.max(lastTime, e.time());
    if (!distinct) {
      if (e instanceof TraceEvent.TaskSubmitted s) {
        submitted(s);
      }
      return;
    }
    if (e instanceof TraceEvent.MachineAdded m) {
      if (machines.add(m.machine())) {
        machineTypes.merge(machineType(m), 1L, Long::sum);
      }
    } else if (e instanceof TraceEvent.JobEvent j) {
      jobs.add(j.job());
    } else if (e instanceof TraceEvent.TaskSubmitted s) {
      jobs.add(s.task().job());
      tasks.add(s.task());
      submitted(s);
    }
  }

  private void submitted(TraceEvent.TaskSubmitted s) {
    submitted++;
    cpuRequested += s.request().amount("cpus");
    memRequested += s.request().amount("mem");
    gpuRequested += s.request().amount("gpus");
  }

  /** Rows read per file, in reading order. */
  public Map<String, Long> rowsByFile() {
    return rowsByFile;
  }

  /** Rows per {@code table/EVENT_TYPE}, sorted. */
  public Map<String, Long> rowsByType() {
    TreeMap<String, Long> out = new TreeMap<>();
    rowsByType.forEach(
        (table, types) -> types.forEach((type, n) -> out.put(table + "/" + type, n[0])));
    return out;
  }

  /**
   * A machine's type as it was added: its CPU, memory and GPUs (whole or as devices) and its
   * attributes, e.g. {@code cpus 64, mem 262144 MB, gpus 2, gpu_model=P100}.
   */
  static String machineType(TraceEvent.MachineAdded m) {
    Resources c = m.capacity();
    long devices = c.scalarNames().stream().filter(GpuDevices::isDevice).count();
    double gpus = c.amount("gpus") + devices;
    StringBuilder b = new StringBuilder();
    b.append("cpus ").append(Resources.formatMilli(c.milli("cpus")));
    b.append(", mem ").append(Resources.formatMilli(c.milli("mem"))).append(" MB");
    if (gpus > 0) {
      b.append(", gpus ").append(Resources.formatMilli(Math.round(gpus * 1000)));
    }
    new TreeMap<>(m.attributes()).forEach((k, v) -> b.append(", ").append(k).append('=').append(v));
    return b.toString();
  }

  /** Machines per type (capacity and attributes when added), sorted by type (inspect only). */
  public Map<String, Long> machineTypes() {
    return machineTypes;
  }

  /** Distinct machines added (inspect only). */
  public int machines() {
    return machines.size();
  }

  /** Distinct jobs (inspect only). */
  public int jobs() {
    return jobs.size();
  }

  /** Distinct tasks (inspect only). */
  public int tasks() {
    return tasks.size();
  }

  /** Task submissions (a resubmitted task counts again). */
  public long submissions() {
    return submitted;
  }

  /** Events delivered. */
  public long events() {
    return events;
  }

  /** Earliest event time (µs), or -1 if none. */
  public long firstTime() {
    return events == 0 ? -1 : firstTime;
  }

  /** Latest event time (µs), or -1 if none. */
  public long lastTime() {
    return events == 0 ? -1 : lastTime;
  }

  /** Total cores requested by submissions. */
  public double cpuRequested() {
    return cpuRequested;
  }

  /** Total MB requested by submissions. */
  public double memRequested() {
    return memRequested;
  }

  /** Total GPUs requested by submissions. */
  public double gpuRequested() {
    return gpuRequested;
  }
}
