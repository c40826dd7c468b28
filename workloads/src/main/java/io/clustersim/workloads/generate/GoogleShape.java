package io.clustersim.workloads.generate;

import io.clustersim.core.kernel.SimTime;
import org.apache.commons.math3.distribution.EnumeratedIntegerDistribution;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The distributions a synthetic Google 2011 trace is drawn from, each with its source. The machine
 * mix is the published table; the others are shapes chosen to match published summary figures of
 * the 2011 trace (Reiss et al., "Heterogeneity and dynamicity of clouds at scale", SoCC 2012, and
 * the trace's own README), not fits to the raw trace, which this project does not hold. Where a
 * value is our assumption the comment says so.
 */
final class GoogleShape {
  /**
   * Machine configurations and their counts on the 12,583 machines of the trace (platform, CPU,
   * memory, normalised): Reiss et al. 2012, Table 1.
   */
  static final int[] MACHINE_COUNT = {6732, 3863, 1001, 795, 126, 52, 5, 5, 3, 1};

  static final String[] MACHINE_PLATFORM = {"B", "B", "B", "C", "A", "B", "B", "B", "C", "B"};
  static final double[] MACHINE_CPU = {0.5, 0.5, 0.5, 1.0, 0.25, 0.5, 0.5, 0.5, 1.0, 0.5};
  static final double[] MACHINE_MEM = {0.5, 0.25, 0.75, 1.0, 0.25, 0.12, 0.03, 0.97, 0.5, 0.06};

  /** Users in the 29-day trace, scaled by the machine count (assumption: about 925). */
  static final int USERS = 925;

  /** How unevenly jobs spread over users (assumption: Zipf, exponent 1). */
  static final double USER_ZIPF_EXPONENT = 1.0;

  /**
   * Mean time between a machine's removals: about 30 days, so that a few percent of machines leave
   * and come back in a day (Reiss et al. report that most machines are removed at least once over
   * the 29 days; the rate is our assumption).
   */
  static final double MACHINE_MTBF_SECONDS = 30 * 86400;

  /** Jobs with one task: most jobs are small (assumption shaped on Reiss et al.). */
  static final double SINGLE_TASK = 0.6;

  /** Tasks per multi-task job: log-normal, median 20, shape 1.5, at most 2000 (assumption). */
  static final double TASKS_MEDIAN = 20;

  static final double TASKS_SIGMA = 1.5;
  static final int TASKS_MAX = 2000;

  /**
   * Task runtime: log-normal, median 15 min, shape 2.0 — most tasks are short, a heavy tail runs
   * for days (Reiss et al.: most jobs last minutes; long-running services dominate usage).
   */
  static final double DURATION_MEDIAN_S = 900;

  static final double DURATION_SIGMA = 2.0;

  /**
   * CPU and memory requests per task, normalised: log-normal medians 0.025 and 0.02, shapes 0.8 and
   * 0.9, at most 0.5 (requests are small fractions of a machine; the medians are assumptions in the
   * range Reiss et al.'s request plots show).
   */
  static final double CPU_MEDIAN = 0.025;

  static final double CPU_SIGMA = 0.8;
  static final double MEM_MEDIAN = 0.02;
  static final double MEM_SIGMA = 0.9;
  static final double REQUEST_MAX = 0.5;

  /** Priority bands: free (0), middle (2–8), production (9–10) (assumption: 30 / 60 / 10%). */
  static final double FREE = 0.30;

  static final double PRODUCTION = 0.10;

  /**
   * How tasks end (event codes EVICT=2, FAIL=3, FINISH=4, KILL=5): 3 / 12 / 70 / 15% (assumption:
   * most tasks finish; kills and failures are common in the 2011 trace).
   */
  static final int[] ENDINGS = {2, 3, 4, 5};

  static final double[] ENDING_P = {0.03, 0.12, 0.70, 0.15};

  /**
   * A failed or evicted task is resubmitted with probability 0.8, after about 30 s (assumption).
   */
  static final double RESUBMIT = 0.8;

  static final double RESUBMIT_DELAY_S = 30;

  /** Time from SUBMIT to SCHEDULE: exponential, mean 5 s (assumption). */
  static final double SCHEDULING_DELAY_S = 5;

  /** Machine downtime: log-normal, median 30 min, shape 1 (assumption). */
  static final double DOWNTIME_MEDIAN_S = 1800;

  /** Used fraction of a request: CPU uniform in [0.2, 0.8], memory in [0.5, 1.0] (assumption). */
  static final double[] CPU_USE = {0.2, 0.8};

  static final double[] MEM_USE = {0.5, 1.0};

  private final RandomGenerator random;
  private final LogNormalDistribution tasks;
  private final LogNormalDistribution duration;
  private final LogNormalDistribution cpu;
  private final LogNormalDistribution mem;
  private final LogNormalDistribution downtime;
  private final ExponentialDistribution schedulingDelay;
  private final ExponentialDistribution resubmitDelay;
  private final EnumeratedIntegerDistribution endings;

  GoogleShape(RandomGenerator random) {
    this.random = random;
    tasks = Google2011Generator.logNormal(random, TASKS_MEDIAN, TASKS_SIGMA);
    duration = Google2011Generator.logNormal(random, DURATION_MEDIAN_S, DURATION_SIGMA);
    cpu = Google2011Generator.logNormal(random, CPU_MEDIAN, CPU_SIGMA);
    mem = Google2011Generator.logNormal(random, MEM_MEDIAN, MEM_SIGMA);
    downtime = Google2011Generator.logNormal(random, DOWNTIME_MEDIAN_S, 1.0);
    schedulingDelay = new ExponentialDistribution(random, SCHEDULING_DELAY_S * 1e6);
    resubmitDelay = new ExponentialDistribution(random, RESUBMIT_DELAY_S * 1e6);
    endings = new EnumeratedIntegerDistribution(random, ENDINGS, ENDING_P);
  }

  EnumeratedIntegerDistribution machineMix() {
    int[] index = new int[MACHINE_COUNT.length];
    double[] p = new double[MACHINE_COUNT.length];
    for (int i = 0; i < index.length; i++) {
      index[i] = i;
      p[i] = MACHINE_COUNT[i];
    }
    return new EnumeratedIntegerDistribution(random, index, p);
  }

  /**
   * Expected requested CPU-seconds (normalised) per job, to turn a load into an arrival rate:
   * E[tasks] × E[cpu] × E[duration], with the log-normal means median·exp(σ²/2) (caps ignored).
   */
  double cpuSecondsPerJob() {
    double meanTasks =
        SINGLE_TASK
            + (1 - SINGLE_TASK) * (1 + TASKS_MEDIAN * Math.exp(TASKS_SIGMA * TASKS_SIGMA / 2));
    return meanTasks
        * CPU_MEDIAN
        * Math.exp(CPU_SIGMA * CPU_SIGMA / 2)
        * DURATION_MEDIAN_S
        * Math.exp(DURATION_SIGMA * DURATION_SIGMA / 2);
  }

  int tasksPerJob() {
    if (random.nextDouble() < SINGLE_TASK) {
      return 1;
    }
    return (int) Math.min(TASKS_MAX, 1 + Math.round(tasks.sample()));
  }

  long duration() {
    return Math.max(SimTime.SECONDS, Math.round(duration.sample() * 1e6));
  }

  double cpuRequest() {
    return Math.min(REQUEST_MAX, cpu.sample());
  }

  double memRequest() {
    return Math.min(REQUEST_MAX, mem.sample());
  }

  int priority() {
    double u = random.nextDouble();
    if (u < FREE) {
      return 0;
    }
    if (u < 1 - PRODUCTION) {
      return 2 + random.nextInt(7);
    }
    return 9 + random.nextInt(2);
  }

  /** Production work is more latency-sensitive (assumption). */
  int schedulingClass(int priority) {
    return priority >= 9 ? 2 + random.nextInt(2) : random.nextInt(2);
  }

  int ending() {
    return endings.sample();
  }

  boolean resubmits() {
    return random.nextDouble() < RESUBMIT;
  }

  long resubmitDelay() {
    return Math.round(resubmitDelay.sample());
  }

  long schedulingDelay() {
    return Math.round(schedulingDelay.sample());
  }

  long downtime() {
    return Math.max(SimTime.SECONDS, Math.round(downtime.sample() * 1e6));
  }

  double cpuUsageFraction() {
    return CPU_USE[0] + (CPU_USE[1] - CPU_USE[0]) * random.nextDouble();
  }

  double memUsageFraction() {
    return MEM_USE[0] + (MEM_USE[1] - MEM_USE[0]) * random.nextDouble();
  }
}
