package io.clustersim.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.clustersim.cli.ScenarioRun;
import io.clustersim.core.cluster.RunResult;
import io.clustersim.core.kernel.SimTime;
import io.clustersim.core.scenario.Scenario;
import io.clustersim.workloads.generate.GeneratorParams;
import io.clustersim.workloads.generate.TraceGenerators;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * A whole trace replay, timed once (a harness rather than JMH: one run takes minutes). Generates a
 * Google 2011 trace (unless {@code --trace DIR} names one) and replays it in simulated mode under a
 * policy (or as recorded, with {@code --mode as-recorded}), then prints wall time, kernel events
 * per second, simulated time per wall time, and the peak live heap: the largest heap in use just
 * after a garbage collection, which is what the replay keeps, not the garbage it makes.
 *
 * <pre>
 * java -Xmx8g -cp bench/target/benchmarks.jar io.clustersim.bench.ReplayHarness \
 *     --machines 12500 --duration 1d [--policy drf] [--load 0.7] [--trace DIR] [--group-by KEY]
 *     [--mode simulated|as-recorded]
 * </pre>
 */
public final class ReplayHarness {
  private ReplayHarness() {}

  public static void main(String[] args) throws Exception {
    int machines = 12_500;
    String duration = "1d";
    String policy = "drf";
    double load = 0.7;
    Path trace = null;
    String groupBy = null;
    String mode = "simulated";
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--machines" -> machines = Integer.parseInt(args[i + 1]);
        case "--duration" -> duration = args[i + 1];
        case "--policy" -> policy = args[i + 1];
        case "--load" -> load = Double.parseDouble(args[i + 1]);
        case "--trace" -> trace = Path.of(args[i + 1]);
        case "--group-by" -> groupBy = args[i + 1];
        case "--mode" -> mode = args[i + 1];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (trace == null) {
      trace = Files.createTempDirectory("clustersim-replay-");
      long t0 = System.nanoTime();
      var rows =
          TraceGenerators.get("google-2011")
              .generate(
                  new GeneratorParams(
                      machines, SimTime.parseDuration(duration), load, 1, trace, false));
      System.out.printf(
          "generated %s in %.1f s: %s%n", trace, (System.nanoTime() - t0) / 1e9, rows);
    }
    AtomicLong peakLive = watchLiveHeap();
    System.gc();
    Scenario scenario =
        Scenario.ofWorkload(
            new Scenario.Workload(
                "google-2011",
                trace.toString(),
                0,
                -1,
                1,
                mode,
                groupBy,
                1,
                -1,
                0,
                0,
                null,
                false,
                -1,
                null,
                null,
                false,
                null),
            policy,
            1);
    ScenarioRun run = new ScenarioRun(scenario);
    long t0 = System.nanoTime();
    long[] nextHour = {3600L * 1_000_000};
    long[] events = {0};
    run.listen(
        (t, seq, e) -> {
          events[0] = seq;
          if (t >= nextHour[0]) {
            System.out.printf(
                "  simulated %d h: %.1f s wall, %d log events, peak live heap so far %.0f MB%n",
                nextHour[0] / 3_600_000_000L,
                (System.nanoTime() - t0) / 1e9,
                seq,
                peakLive.get() / 1e6);
            nextHour[0] += 3600L * 1_000_000;
          }
        });
    RunResult r = run.run(null);
    double wall = (System.nanoTime() - t0) / 1e9;
    System.gc();
    double simulated = SimTime.toSeconds(r.endMicros());
    System.out.printf(
        "replay (%s, %s): %.1f s wall, %.3g simulated s, %d kernel events (%.0f/s), %d log events,"
            + " simulated/wall %.0f, peak live heap %.0f MB%n",
        mode,
        policy,
        wall,
        simulated,
        r.kernelEvents(),
        r.kernelEvents() / wall,
        r.events(),
        simulated / wall,
        peakLive.get() / 1e6);
    System.out.println(
        "tasks by state "
            + run.summary(new com.fasterxml.jackson.databind.ObjectMapper())
                .get("tasks")
                .get("by_final_state"));
  }

  /** Tracks the largest heap in use right after any collection. */
  private static AtomicLong watchLiveHeap() {
    AtomicLong peak = new AtomicLong();
    java.util.Set<String> heapPools = new java.util.HashSet<>();
    for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP) {
        heapPools.add(pool.getName());
      }
    }
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc)
          .addNotificationListener(
              (n, handback) -> {
                if (!n.getType()
                    .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                  return;
                }
                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long used = 0;
                for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                  if (heapPools.contains(e.getKey())) {
                    used += e.getValue().getUsed();
                  }
                }
                peak.accumulateAndGet(used, Math::max);
              },
              null,
              null);
    }
    return peak;
  }
}
