package io.clustersim.workloads.generate;

import io.clustersim.core.kernel.RandomStreams;
import io.clustersim.core.kernel.SimTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.commons.math3.distribution.EnumeratedIntegerDistribution;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.ZipfDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A synthetic Google clusterdata-2011-2 trace in the exact layout (machine_events, job_events,
 * task_events and optionally task_usage, as gzipped {@code part-NNNNN-of-NNNNN.csv.gz}). It runs a
 * small placement loop of its own so that every SCHEDULE names a machine with room (or, when none
 * of its probes has room, the least loaded one, overcommitting as Borg does), and writes rows in
 * time order as they happen. Memory grows with running tasks, not with the trace's length.
 *
 * <p>Parameters and where they come from are listed in {@link GoogleShape} and the README.
 */
public final class Google2011Generator implements TraceGenerator {
  /** The trace window starts 600 s after time 0, as in the real trace. */
  static final long START = 600 * SimTime.SECONDS;

  static final long USAGE_WINDOW = 300 * SimTime.SECONDS;
  static final int ROWS_PER_PART = 1_000_000;
  static final int PROBES = 16;

  @Override
  public String format() {
    return "google-2011";
  }

  private static final class Machine {
    final long id;
    final double cpu;
    final double mem;
    final String platform;
    double usedCpu;
    double usedMem;
    boolean up = true;
    final Set<Task> tasks = new LinkedHashSet<>();

    Machine(long id, double cpu, double mem, String platform) {
      this.id = id;
      this.cpu = cpu;
      this.mem = mem;
      this.platform = platform;
    }
  }

  private static final class Job {
    final long id;
    final String user;
    final int priority;
    final int schedulingClass;
    final String names;
    int unfinished;
    boolean scheduled;

    Job(long id, String user, int priority, int schedulingClass) {
      this.id = id;
      this.user = user;
      this.priority = priority;
      this.schedulingClass = schedulingClass;
      this.names = hash("job-" + id) + "," + hash("logical-" + id % 997);
    }
  }

  private static final class Task {
    final Job job;
    final int index;
    final double cpu;
    final double mem;
    final long duration;
    int ending;
    int attempt;
    int generation;
    Machine machine;
    long start;

    Task(Job job, int index, double cpu, double mem, long duration) {
      this.job = job;
      this.index = index;
      this.cpu = cpu;
      this.mem = mem;
      this.duration = duration;
    }
  }

  private enum Kind {
    JOB,
    SUBMIT,
    SCHEDULE,
    END,
    USAGE,
    DOWN,
    UP
  }

  private record Ev(long time, long seq, Kind kind, Task task, Machine machine, int gen) {}

  private final PriorityQueue<Ev> queue =
      new PriorityQueue<>(
          (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
  private long seq;
  private GoogleShape shape;
  private RandomGenerator random;
  private List<Machine> machines;
  private List<String> users;
  private ZipfDistribution userPick;
  private long end;
  private long nextJob = 6_000_000_000L;
  private PartWriter machineOut;
  private PartWriter jobOut;
  private PartWriter taskOut;
  private PartWriter usageOut;
  private boolean usage;
  private final StringBuilder line = new StringBuilder(256);

  @Override
  public Map<String, Long> generate(GeneratorParams p) throws IOException {
    RandomStreams streams = new RandomStreams(p.seed(), 0);
    random = streams.stream("generate/google-2011");
    shape = new GoogleShape(random);
    usage = p.usage();
    end = START + p.durationMicros();
    machines = new ArrayList<>();
    EnumeratedIntegerDistribution mix = shape.machineMix();
    double totalCpu = 0;
    for (int i = 0; i < p.machines(); i++) {
      int k = mix.sample();
      Machine m =
          new Machine(
              i + 1L,
              GoogleShape.MACHINE_CPU[k],
              GoogleShape.MACHINE_MEM[k],
              hash("platform-" + GoogleShape.MACHINE_PLATFORM[k]));
      machines.add(m);
      totalCpu += m.cpu;
    }
    int userCount = Math.max(5, (int) Math.round(GoogleShape.USERS * p.machines() / 12_583.0));
    users = new ArrayList<>();
    for (int i = 0; i < userCount; i++) {
      users.add(hash("user-" + i));
    }
    userPick = new ZipfDistribution(random, userCount, GoogleShape.USER_ZIPF_EXPONENT);
    double jobsPerSecond = p.load() * totalCpu / shape.cpuSecondsPerJob();
    ExponentialDistribution gaps = new ExponentialDistribution(random, 1e6 / jobsPerSecond);
    Map<String, Long> rows = new LinkedHashMap<>();
    try (PartWriter mo = new PartWriter(p.out(), "machine_events", Long.MAX_VALUE);
        PartWriter jo = new PartWriter(p.out(), "job_events", ROWS_PER_PART);
        PartWriter to = new PartWriter(p.out(), "task_events", ROWS_PER_PART);
        PartWriter uo = usage ? new PartWriter(p.out(), "task_usage", ROWS_PER_PART) : null) {
      machineOut = mo;
      jobOut = jo;
      taskOut = to;
      usageOut = uo;
      for (Machine m : machines) {
        machineRow(0, m, 0);
      }
      ExponentialDistribution failures =
          new ExponentialDistribution(random, GoogleShape.MACHINE_MTBF_SECONDS * 1e6);
      for (Machine m : machines) {
        long down = START + (long) failures.sample();
        if (down < end) {
          push(down, Kind.DOWN, null, m, 0);
        }
      }
      for (long t = START + (long) gaps.sample(); t < end; t += (long) gaps.sample()) {
        push(t, Kind.JOB, null, null, 0);
      }
      while (!queue.isEmpty() && queue.peek().time < end) {
        Ev e = queue.poll();
        handle(e);
      }
      rows.put("machine_events", mo.rows());
      rows.put("job_events", jo.rows());
      rows.put("task_events", to.rows());
      if (uo != null) {
        rows.put("task_usage", uo.rows());
      }
    }
    queue.clear();
    return rows;
  }

  private void push(long t, Kind kind, Task task, Machine m, int gen) {
    queue.add(new Ev(t, seq++, kind, task, m, gen));
  }

  private void handle(Ev e) throws IOException {
    switch (e.kind) {
      case JOB -> job(e.time);
      case SUBMIT -> submit(e.time, e.task);
      case SCHEDULE -> schedule(e.time, e.task);
      case END -> {
        if (e.task.generation == e.gen && e.task.machine != null) {
          finish(e.time, e.task, e.task.ending);
        }
      }
      case USAGE -> {
        if (e.task.generation == e.gen && e.task.machine != null) {
          usageRow(e.time, e.task);
        }
      }
      case DOWN -> down(e.time, e.machine);
      case UP -> up(e.time, e.machine);
    }
  }

  private void job(long t) throws IOException {
    String user = users.get(userPick.sample() - 1);
    int priority = shape.priority();
    Job job = new Job(nextJob, user, priority, shape.schedulingClass(priority));
    nextJob += 1 + random.nextInt(9);
    int n = shape.tasksPerJob();
    double cpu = shape.cpuRequest();
    double mem = shape.memRequest();
    job.unfinished = n;
    line.setLength(0);
    line.append(t).append(",,").append(job.id).append(",0,").append(user).append(',');
    line.append(job.schedulingClass).append(',').append(job.names);
    jobOut.row(line);
    for (int i = 0; i < n; i++) {
      Task task = new Task(job, i, cpu, mem, shape.duration());
      submit(t, task);
    }
  }

  private void submit(long t, Task task) throws IOException {
    task.ending = shape.ending();
    taskRow(t, task, 0, null);
    push(t + shape.schedulingDelay(), Kind.SCHEDULE, task, null, 0);
  }

  private void schedule(long t, Task task) throws IOException {
    Machine best = null;
    double bestFree = -1;
    for (int i = 0; i < PROBES; i++) {
      Machine m = machines.get(random.nextInt(machines.size()));
      if (!m.up) {
        continue;
      }
      if (m.usedCpu + task.cpu <= m.cpu && m.usedMem + task.mem <= m.mem) {
        best = m;
        break;
      }
      double free = m.cpu - m.usedCpu;
      if (free > bestFree) {
        best = m;
        bestFree = free;
      }
    }
    if (best == null) {
      push(
          t + 10 * SimTime.SECONDS, Kind.SCHEDULE, task, null, 0); // every probe hit a down machine
      return;
    }
    task.machine = best;
    task.start = t;
    task.generation++;
    best.usedCpu += task.cpu;
    best.usedMem += task.mem;
    best.tasks.add(task);
    taskRow(t, task, 1, best);
    if (!task.job.scheduled) {
      task.job.scheduled = true;
      jobRow(t, task.job, 1);
    }
    push(t + task.duration, Kind.END, task, null, task.generation);
    if (usage) {
      push(t, Kind.USAGE, task, null, task.generation);
    }
  }

  private void finish(long t, Task task, int code) throws IOException {
    Machine m = task.machine;
    m.usedCpu -= task.cpu;
    m.usedMem -= task.mem;
    m.tasks.remove(task);
    task.machine = null;
    taskRow(t, task, code, m);
    boolean retry = (code == 2 || code == 3) && task.attempt < 2 && shape.resubmits();
    if (retry) {
      task.attempt++;
      push(t + shape.resubmitDelay(), Kind.SUBMIT, task, null, 0);
    } else if (--task.job.unfinished == 0) {
      jobRow(t, task.job, code);
    }
  }

  private void down(long t, Machine m) throws IOException {
    for (Task task : List.copyOf(m.tasks)) {
      finish(t, task, 2); // EVICT: the machine went away
    }
    m.up = false;
    line.setLength(0);
    line.append(t).append(',').append(m.id).append(",1,,,");
    machineOut.row(line);
    push(t + shape.downtime(), Kind.UP, null, m, 0);
  }

  private void up(long t, Machine m) throws IOException {
    m.up = true;
    machineRow(t, m, 0);
  }

  private void machineRow(long t, Machine m, int code) throws IOException {
    line.setLength(0);
    line.append(t).append(',').append(m.id).append(',').append(code).append(',');
    line.append(m.platform).append(',').append(PartWriter.number(m.cpu)).append(',');
    line.append(PartWriter.number(m.mem));
    machineOut.row(line);
  }

  private void jobRow(long t, Job job, int code) throws IOException {
    line.setLength(0);
    line.append(t).append(",,").append(job.id).append(',').append(code).append(',');
    line.append(job.user).append(',').append(job.schedulingClass).append(',').append(job.names);
    jobOut.row(line);
  }

  private void taskRow(long t, Task task, int code, Machine m) throws IOException {
    line.setLength(0);
    line.append(t).append(",,").append(task.job.id).append(',').append(task.index).append(',');
    if (m != null) {
      line.append(m.id);
    }
    line.append(',').append(code).append(',').append(task.job.user).append(',');
    line.append(task.job.schedulingClass).append(',').append(task.job.priority).append(',');
    line.append(PartWriter.number(task.cpu)).append(',').append(PartWriter.number(task.mem));
    line.append(",0,0");
    taskOut.row(line);
  }

  /** One usage window from {@code t} to the next 300 s boundary or the task's end. */
  private void usageRow(long t, Task task) throws IOException {
    long boundary = START + ((t - START) / USAGE_WINDOW + 1) * USAGE_WINDOW;
    long taskEnd = task.start + task.duration;
    long windowEnd = Math.min(boundary, taskEnd);
    if (windowEnd <= t) {
      return;
    }
    double cpu = task.cpu * shape.cpuUsageFraction();
    double mem = task.mem * shape.memUsageFraction();
    line.setLength(0);
    line.append(t).append(',').append(windowEnd).append(',').append(task.job.id).append(',');
    line.append(task.index).append(',').append(task.machine.id).append(',');
    String c = PartWriter.number(cpu);
    String mm = PartWriter.number(mem);
    line.append(c).append(',').append(mm).append(',').append(mm).append(",,,").append(mm);
    line.append(",,,").append(c).append(",,,,0,0,").append(c);
    usageOut.row(line);
    if (windowEnd < taskEnd) {
      push(windowEnd, Kind.USAGE, task, null, task.generation);
    }
  }

  /** Hashed strings look like the trace's: base64 of a SHA-256, 44 characters. */
  static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The log-normal with this median and shape, on {@code random}. */
  static LogNormalDistribution logNormal(RandomGenerator random, double median, double sigma) {
    return new LogNormalDistribution(random, Math.log(median), sigma);
  }
}
