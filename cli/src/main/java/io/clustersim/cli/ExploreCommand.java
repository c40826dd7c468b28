package io.clustersim.cli;

import io.clustersim.core.cluster.InvariantViolation;
import io.clustersim.core.scenario.Chaos;
import io.clustersim.core.scenario.Scenario;
import io.clustersim.core.scenario.ScenarioException;
import io.clustersim.reports.ExpectationCheck;
import io.clustersim.workloads.trace.TraceException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code clustersim explore}: one scenario under many seeds, in parallel, looking for the seeds
 * that break an invariant or an expectation. Each run is exactly {@code clustersim run --seed S}.
 */
@Command(
    name = "explore",
    mixinStandardHelpOptions = true,
    description = {
      "Run a scenario under many seeds in parallel and report the seeds whose run breaks an"
          + " invariant or an expectation (exit 1 if any does, 0 if none).",
      "Each reported seed reproduces with 'clustersim run --seed S' and the same flags (--chaos"
          + " draws its faults from each run's seed)."
    })
final class ExploreCommand implements Callable<Integer> {
  @CommandLine.Mixin RunSelection selection = new RunSelection();

  @Option(
      names = "--runs",
      paramLabel = "N",
      required = true,
      description = "How many seeds to try: FIRST, FIRST+1, ..., FIRST+N-1.")
  int runs;

  @Option(names = "--first-seed", paramLabel = "S", description = "The first seed (default 1).")
  long firstSeed = 1;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "Runs at a time (default: the number of processors).")
  int threads = Runtime.getRuntime().availableProcessors();

  private Chaos chaos;

  /** What one seed's run showed: null failure when it passed. */
  record Finding(long seed, String kind, String detail) {}

  @Override
  public Integer call() {
    Scenario scenario;
    try {
      if (selection.seed != null) {
        throw new IllegalArgumentException(
            "explore chooses the seeds: use --first-seed and --runs");
      }
      if (runs < 1) {
        throw new IllegalArgumentException("--runs: must be at least 1, not " + runs);
      }
      if (threads < 1) {
        throw new IllegalArgumentException("--threads: must be at least 1, not " + threads);
      }
      scenario = selection.scenario("explore");
      chaos = selection.chaos();
      if (chaos != null) {
        chaos.addTo(scenario); // refuses a scenario without a duration now
      }
    } catch (ScenarioException | IllegalArgumentException e) {
      System.err.println("clustersim: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    List<Finding> findings;
    try {
      findings = explore(scenario, chaos, firstSeed, runs, threads);
    } catch (TraceException | IllegalArgumentException e) {
      System.err.println("clustersim: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    List<Finding> failed = findings.stream().filter(f -> f.kind() != null).toList();
    for (Finding f : failed) {
      System.out.printf("seed %d: %s: %s%n", f.seed(), f.kind(), f.detail());
    }
    System.out.printf(
        "%d runs (seeds %d to %d), policy %s: %d broke an invariant, %d failed an expectation%n",
        runs,
        firstSeed,
        firstSeed + runs - 1,
        scenario.policy(),
        failed.stream().filter(f -> f.kind().equals("invariant")).count(),
        failed.stream().filter(f -> f.kind().equals("expectation")).count());
    return failed.isEmpty() ? 0 : Main.INVARIANT;
  }

  /** Every seed's finding, in seed order whatever the threads. */
  static List<Finding> explore(Scenario scenario, Chaos chaos, long first, int runs, int threads) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, runs));
    try {
      List<Future<Finding>> futures = new ArrayList<>();
      for (long s = first; s < first + runs; s++) {
        long seed = s;
        Scenario seeded = scenario.withSeed(seed);
        Scenario withFaults = chaos == null ? seeded : chaos.addTo(seeded);
        futures.add(pool.submit(() -> runOne(withFaults, seed)));
      }
      List<Finding> out = new ArrayList<>();
      for (Future<Finding> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** One run: what failed first, if anything. */
  static Finding runOne(Scenario scenario, long seed) {
    ScenarioRun run = new ScenarioRun(scenario);
    try {
      run.run(null);
    } catch (InvariantViolation e) {
      return new Finding(seed, "invariant", e.getMessage());
    }
    for (ExpectationCheck.Outcome o : run.expectations()) {
      if (!o.passed()) {
        return new Finding(seed, "expectation", o.name() + ": " + o.detail());
      }
    }
    return new Finding(seed, null, null);
  }
}
