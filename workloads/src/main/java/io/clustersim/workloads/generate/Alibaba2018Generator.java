package io.clustersim.workloads.generate;

import io.clustersim.core.kernel.RandomStreams;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.commons.math3.distribution.EnumeratedIntegerDistribution;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A synthetic Alibaba cluster-trace-v2018 in its layout: machine_meta, container_meta, batch_task
 * and batch_instance as headerless gzipped CSV. Machines have 96 cores and memory normalised to
 * 100, all {@code USING} from time 0 (the trace's description: about 4,000 such machines).
 * Long-running containers are placed at time 0; batch jobs arrive as a Poisson process and run
 * their tasks one after another (a chain DAG, named {@code M1}, {@code R2_1}, ...), each task's
 * instances placed on machines with room. Rows of a task are written when it ends, so, as in the
 * real tables, files are not in time order. Distribution parameters are assumptions shaped on the
 * trace's published description (see the README), not fits to the raw trace.
 */
public final class Alibaba2018Generator implements TraceGenerator {
  static final int CORES = 96;
  static final double MEM = 100;

  /** Containers per machine: Poisson, mean 8 (assumption; the trace has about 17 per machine). */
  static final double CONTAINERS_PER_MACHINE = 8;

  static final int[] CONTAINER_CPU = {100, 200, 400, 800};
  static final double[] CONTAINER_CPU_P = {0.2, 0.3, 0.4, 0.1};

  /** Tasks per job: 1 + geometric with mean 2 more (assumption). */
  static final double MORE_TASKS = 2.0 / 3.0;

  /** Instances per task: log-normal, median 5, shape 1.5, at most 1000 (assumption). */
  static final double INSTANCES_MEDIAN = 5;

  static final double INSTANCES_SIGMA = 1.5;
  static final int[] PLAN_CPU = {50, 100, 200};
  static final double[] PLAN_CPU_P = {0.4, 0.45, 0.15};

  /** Instance runtime: log-normal, median 60 s, shape 1.2 (batch instances are short). */
  static final double RUNTIME_MEDIAN_S = 60;

  static final double RUNTIME_SIGMA = 1.2;
  static final int PROBES = 16;

  @Override
  public String format() {
    return "alibaba-2018";
  }

  private static final class Machine {
    final String id;
    double cpu;
    double mem;

    Machine(String id) {
      this.id = id;
    }
  }

  private record Instance(long end, long seq, Runnable done) {}

  private final PriorityQueue<Instance> queue =
      new PriorityQueue<>(
          (a, b) -> a.end != b.end ? Long.compare(a.end, b.end) : Long.compare(a.seq, b.seq));
  private long seq;
  private RandomGenerator random;
  private List<Machine> machines;
  private PartWriter taskOut;
  private PartWriter instanceOut;
  private long instanceNames;
  private final StringBuilder line = new StringBuilder(160);

  @Override
  public Map<String, Long> generate(GeneratorParams p) throws IOException {
    random = new RandomStreams(p.seed(), 0).stream("generate/alibaba-2018");
    long end = Math.max(1, p.durationMicros() / 1_000_000);
    machines = new ArrayList<>();
    Map<String, Long> rows = new LinkedHashMap<>();
    LogNormalDistribution instances =
        Google2011Generator.logNormal(random, INSTANCES_MEDIAN, INSTANCES_SIGMA);
    LogNormalDistribution runtime =
        Google2011Generator.logNormal(random, RUNTIME_MEDIAN_S, RUNTIME_SIGMA);
    EnumeratedIntegerDistribution planCpu =
        new EnumeratedIntegerDistribution(random, PLAN_CPU, PLAN_CPU_P);
    LogNormalDistribution planMem = Google2011Generator.logNormal(random, 0.4, 0.5);
    try (PartWriter mo = new PartWriter(p.out(), "machine_meta", 0);
        PartWriter co = new PartWriter(p.out(), "container_meta", 0);
        PartWriter to = new PartWriter(p.out(), "batch_task", 0);
        PartWriter io = new PartWriter(p.out(), "batch_instance", 0)) {
      taskOut = to;
      instanceOut = io;
      PoissonDistribution containers =
          new PoissonDistribution(random, CONTAINERS_PER_MACHINE, 1e-12, 10_000);
      EnumeratedIntegerDistribution containerCpu =
          new EnumeratedIntegerDistribution(random, CONTAINER_CPU, CONTAINER_CPU_P);
      long containerId = 1;
      for (int i = 1; i <= p.machines(); i++) {
        Machine m = new Machine("m_" + i);
        machines.add(m);
        line.setLength(0);
        line.append(m.id).append(",0,").append(i % 23).append(",fd_").append(i % 7);
        line.append(',').append(CORES).append(',').append((int) MEM).append(",USING");
        mo.row(line);
        int n = containers.sample();
        for (int c = 0; c < n; c++) {
          int cpu = containerCpu.sample();
          double mem = 1 + 2 * random.nextDouble();
          if (m.cpu + cpu / 100.0 > CORES || m.mem + mem > MEM) {
            continue;
          }
          m.cpu += cpu / 100.0;
          m.mem += mem;
          line.setLength(0);
          line.append("c_").append(containerId++).append(',').append(m.id).append(",0,app_");
          line.append(1 + random.nextInt(Math.max(1, p.machines() / 4))).append(",started,");
          line.append(cpu).append(',').append(2 * cpu).append(',').append(PartWriter.number(mem));
          co.row(line);
        }
      }
      double meanInstances = 1 + INSTANCES_MEDIAN * Math.exp(INSTANCES_SIGMA * INSTANCES_SIGMA / 2);
      double meanCpu = 0.4 * 0.5 + 0.45 * 1 + 0.15 * 2;
      double meanRuntime = RUNTIME_MEDIAN_S * Math.exp(RUNTIME_SIGMA * RUNTIME_SIGMA / 2);
      double tasksPerJob = 1 + MORE_TASKS / (1 - MORE_TASKS);
      double jobsPerSecond =
          p.load() * CORES * p.machines() / (tasksPerJob * meanInstances * meanCpu * meanRuntime);
      ExponentialDistribution gaps = new ExponentialDistribution(random, 1 / jobsPerSecond);
      long job = 1;
      for (double t = gaps.sample(); t < end; t += gaps.sample()) {
        long now = (long) t;
        drainUntil(now);
        int tasks = 1;
        while (random.nextDouble() < MORE_TASKS && tasks < 20) {
          tasks++;
        }
        startTask("j_" + job++, 1, tasks, now, end, instances, runtime, planCpu, planMem);
      }
      drainUntil(Long.MAX_VALUE);
      rows.put("machine_meta", mo.rows());
      rows.put("container_meta", co.rows());
      rows.put("batch_task", to.rows());
      rows.put("batch_instance", io.rows());
    }
    return rows;
  }

  private void drainUntil(long t) {
    while (!queue.isEmpty() && queue.peek().end <= t) {
      queue.poll().done.run();
    }
  }

  /** Starts task {@code k} of {@code n} of a job; the next starts when its instances are done. */
  private void startTask(
      String job,
      int k,
      int n,
      long start,
      long end,
      LogNormalDistribution instances,
      LogNormalDistribution runtime,
      EnumeratedIntegerDistribution planCpu,
      LogNormalDistribution planMem) {
    String name = k == 1 ? "M1" : (k == n ? "R" : "M") + k + "_" + (k - 1);
    int count = (int) Math.min(1000, Math.round(instances.sample()) + 1);
    int cpu = planCpu.sample();
    double mem = Math.min(10, planMem.sample());
    long[] latest = {start};
    int[] left = {count};
    for (int i = 0; i < count; i++) {
      Machine m = place(cpu / 100.0, mem);
      long finish = start + Math.max(1, Math.round(runtime.sample()));
      latest[0] = Math.max(latest[0], finish);
      String instance = "ins_" + ++instanceNames;
      double used = cpu * (0.3 + 0.6 * random.nextDouble());
      queue.add(
          new Instance(
              finish,
              seq++,
              () -> {
                m.cpu -= cpu / 100.0;
                m.mem -= mem;
                // Work still going at the trace's end is recorded as Running, with no end time.
                instanceRow(instance, name, job, start, finish <= end ? finish : 0, m, used, mem);
                if (--left[0] == 0) {
                  boolean done = latest[0] <= end;
                  taskRow(name, count, job, start, done ? latest[0] : 0, cpu, mem);
                  if (done && k < n) {
                    startTask(job, k + 1, n, latest[0], end, instances, runtime, planCpu, planMem);
                  }
                }
              }));
    }
  }

  private Machine place(double cpu, double mem) {
    Machine best = null;
    for (int i = 0; i < PROBES; i++) {
      Machine m = machines.get(random.nextInt(machines.size()));
      if (m.cpu + cpu <= CORES && m.mem + mem <= MEM) {
        best = m;
        break;
      }
      if (best == null || m.cpu < best.cpu) {
        best = m;
      }
    }
    best.cpu += cpu;
    best.mem += mem;
    return best;
  }

  private void taskRow(
      String name, int count, String job, long start, long end, int cpu, double mem) {
    line.setLength(0);
    line.append(name).append(',').append(count).append(',').append(job).append(",1,");
    line.append(end > 0 ? "Terminated," : "Running,")
        .append(start)
        .append(',')
        .append(end)
        .append(',')
        .append(cpu)
        .append(',');
    line.append(PartWriter.number(mem));
    write(taskOut);
  }

  private void instanceRow(
      String instance,
      String task,
      String job,
      long start,
      long end,
      Machine m,
      double cpu,
      double mem) {
    line.setLength(0);
    line.append(instance).append(',').append(task).append(',').append(job).append(",1,");
    line.append(end > 0 ? "Terminated," : "Running,");
    line.append(start).append(',').append(end).append(',').append(m.id).append(",1,1,");
    line.append(PartWriter.number(cpu))
        .append(',')
        .append(PartWriter.number(cpu * 1.2))
        .append(',');
    line.append(PartWriter.number(mem * 0.8)).append(',').append(PartWriter.number(mem));
    write(instanceOut);
  }

  private void write(PartWriter out) {
    try {
      out.row(line);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
