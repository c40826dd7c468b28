package io.clustersim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clustersim.allocators.Policies;
import io.clustersim.core.cluster.InvariantViolation;
import io.clustersim.core.kernel.SimTime;
import io.clustersim.core.scenario.Scenario;
import io.clustersim.core.scenario.ScenarioException;
import io.clustersim.reports.compare.ComparisonReport;
import io.clustersim.reports.compare.RunOutcome;
import io.clustersim.workloads.placement.TaskPlacements;
import io.clustersim.workloads.replay.TraceReplay;
import io.clustersim.workloads.trace.FanOut;
import io.clustersim.workloads.trace.TraceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code clustersim compare}: one workload under several policies (and seeds), side by side. Runs
 * go in parallel, one thread each; each is the same as {@code clustersim run} with that policy and
 * seed (same digest). A trace is read once and fanned out to every run.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Run one workload under several policies (and seeds) in parallel and write charts, CSV,"
          + " JSON and a self-contained report.html into --out.",
      "Each run is identical to 'clustersim run' with the same policy and seed (same digest)."
    })
final class CompareCommand implements Callable<Integer> {
  @Option(names = "--scenario", paramLabel = "FILE", description = "Scenario file.")
  Path scenarioFile;

  @CommandLine.Mixin TraceOptions trace = new TraceOptions();

  @Option(
      names = "--policies",
      required = true,
      split = ",",
      paramLabel = "P,P,...",
      description = "Policies to compare (see 'clustersim policies'), e.g. drf,fifo,packing.")
  List<String> policies;

  @Option(
      names = "--placements",
      split = ",",
      paramLabel = "S,S,...",
      description =
          "Also compare trace placement strategies (see --placement), e.g. fgd,best-fit,random:"
              + " one run per policy, strategy and seed. With one policy the strategies name the"
              + " columns. GPU replays (--inflate) add charts of GPUs allocated and fragmented.")
  List<String> placements;

  @Option(
      names = "--seeds",
      defaultValue = "1",
      paramLabel = "SEEDS",
      description =
          "Seeds: one (7), a range (1-5) or a list (1,4,9). Over several, each metric is the mean"
              + " with a 95%% confidence interval. Default: ${DEFAULT-VALUE}.")
  String seeds;

  @Option(
      names = "--duration",
      paramLabel = "TIME",
      description = "Stop every run at this simulated time, overriding the scenario's.")
  String duration;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(
      names = "--quiet",
      description = "No progress bar (there is none anyway when stderr is not a terminal).")
  boolean quiet;

  @Override
  public Integer call() {
    Scenario base;
    List<Long> seedList;
    try {
      if ((scenarioFile == null) == (trace.spec == null)) {
        System.err.println("clustersim: compare needs exactly one of --scenario FILE and --trace");
        return Main.BAD_INPUT;
      }
      seedList = parseSeeds(seeds);
      for (String p : policies) {
        if (!Policies.names().contains(p)) {
          throw new IllegalArgumentException(
              "--policies: unknown policy '"
                  + p
                  + "' (known: "
                  + String.join(", ", Policies.names())
                  + ")");
        }
      }
      if (policies.size() != policies.stream().distinct().count()) {
        throw new IllegalArgumentException("--policies: a policy is named twice");
      }
      base =
          scenarioFile != null
              ? ScenarioRun.load(scenarioFile)
              : Scenario.ofWorkload(trace.workload(), policies.get(0), seedList.get(0));
      if (duration != null) {
        base = base.withDuration(SimTime.parseDuration(duration));
      }
      if (placements != null) {
        if (base.workload() == null) {
          throw new IllegalArgumentException("--placements: only for a trace workload");
        }
        for (String q : placements) {
          try {
            TaskPlacements.get(q);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--placements: " + e.getMessage());
          }
        }
        if (placements.size() != placements.stream().distinct().count()) {
          throw new IllegalArgumentException("--placements: a strategy is named twice");
        }
      }
      if (base.workload() != null) {
        TraceReplay.of(base.workload(), seedList.get(0)); // refuses an impossible replay now
      }
    } catch (ScenarioException | IllegalArgumentException e) {
      System.err.println("clustersim: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    List<ScenarioRun> runs = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<String> strategies =
        placements == null ? java.util.Collections.singletonList(null) : placements;
    for (String p : policies) {
      for (String q : strategies) {
        Scenario config =
            q == null
                ? base.withPolicy(p)
                : base.withPolicy(p).withWorkload(base.workload().withPlacement(q));
        for (long s : seedList) {
          ScenarioRun run = new ScenarioRun(config.withSeed(s));
          long d = run.scenario().durationMicros();
          run.sampleEvery(d > 0 ? Math.max(1, d / 500) : SimTime.SECONDS);
          runs.add(run);
          labels.add(q == null ? p : policies.size() == 1 ? q : p + "/" + q);
        }
      }
    }
    List<RunOutcome> outcomes;
    try {
      outcomes = runAll(runs, labels, seedList);
    } catch (InvariantViolation e) {
      System.err.println("clustersim: " + e.getMessage());
      return Main.INVARIANT;
    } catch (TraceException | IllegalArgumentException e) {
      System.err.println("clustersim: " + e.getMessage());
      return Main.BAD_INPUT;
    } catch (UncheckedIOException e) {
      System.err.println("clustersim: cannot read the trace: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    String workload =
        base.workload() != null
            ? "Trace "
                + base.workload().format()
                + ":"
                + base.workload().path()
                + " ("
                + base.workload().mode()
                + ")"
            : "Scenario " + base.file();
    workload +=
        "; seeds "
            + seedList
            + "; simulated "
            + SimTime.format(
                    runs.get(0).scenario().durationMicros() < 0
                        ? -1
                        : runs.get(0).scenario().durationMicros())
                .replace("-1us", "until drained");
    try {
      new ComparisonReport(workload, versions()).write(out, outcomes);
    } catch (IOException e) {
      System.err.println("clustersim: --out: cannot write " + out + ": " + e.getMessage());
      return Main.BAD_INPUT;
    }
    for (RunOutcome o : outcomes) {
      System.out.printf("%-12s seed %-4d digest %s%n", o.policy(), o.seed(), o.digest());
    }
    System.out.println("report: " + out.resolve("report.html"));
    if (!runs.isEmpty() && runs.get(0).replay() != null) {
      TraceOptions.report(runs.get(0).replay().badRows(), null);
    }
    return 0;
  }

  private List<RunOutcome> runAll(
      List<ScenarioRun> runs, List<String> labels, List<Long> seedList) {
    AtomicLongArray clock = new AtomicLongArray(runs.size());
    for (int i = 0; i < runs.size(); i++) {
      int k = i;
      runs.get(i).listen((t, seq, e) -> clock.lazySet(k, t));
    }
    Scenario.Workload w = runs.get(0).scenario().workload();
    FanOut fan = null;
    TraceReplay shared = null;
    if (w != null) {
      shared = TraceReplay.of(w, seedList.get(0));
      fan = new FanOut(shared.open(), runs.size());
    }
    // One thread per run: with a trace read once, every run must move forward together.
    ExecutorService pool = Executors.newFixedThreadPool(runs.size());
    Progress progress = new Progress(runs, clock, quiet);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < runs.size(); i++) {
        ScenarioRun run = runs.get(i);
        TraceReplay replay =
            shared == null ? null : shared.forRun(run.scenario().workload(), run.scenario().seed());
        var source = fan == null ? null : fan.branch(i);
        futures.add(
            pool.submit(
                () -> {
                  try {
                    run.run(null, replay, source);
                  } finally {
                    if (source != null) {
                      source.close();
                    }
                  }
                }));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
    } finally {
      progress.close();
      pool.shutdownNow();
      if (fan != null) {
        fan.close();
      }
    }
    ObjectMapper json = new ObjectMapper();
    List<RunOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      ScenarioRun run = runs.get(i);
      outcomes.add(
          new RunOutcome(
              labels.get(i),
              run.scenario().seed(),
              run.summary(json),
              run.series().samples(),
              run.metrics().waitCdfPoints(1000)));
    }
    return outcomes;
  }

  /** {@code 7}, {@code 1-5} or {@code 1,4,9}. */
  static List<Long> parseSeeds(String text) {
    List<Long> out = new ArrayList<>();
    try {
      for (String part : text.split(",")) {
        String p = part.trim();
        int dash = p.indexOf('-', 1);
        if (dash > 0) {
          long from = Long.parseLong(p.substring(0, dash).trim());
          long to = Long.parseLong(p.substring(dash + 1).trim());
          if (to < from || to - from >= 1000) {
            throw new IllegalArgumentException(
                "--seeds: '" + p + "' is not a range of at most 1000");
          }
          for (long s = from; s <= to; s++) {
            out.add(s);
          }
        } else {
          out.add(Long.parseLong(p));
        }
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--seeds: '" + text + "' is not N, N-M or N,M,...");
    }
    if (out.size() != out.stream().distinct().count()) {
      throw new IllegalArgumentException("--seeds: a seed is named twice");
    }
    return out;
  }

  private static String versions() {
    String v;
    try {
      v = new Main.Version().getVersion()[0];
    } catch (IOException e) {
      v = "clustersim (version unknown)";
    }
    return v + ", Java " + System.getProperty("java.version");
  }
}
