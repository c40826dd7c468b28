package io.clustersim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clustersim.allocators.Policies;
import io.clustersim.core.cluster.ClusterSimulation;
import io.clustersim.core.cluster.RunResult;
import io.clustersim.core.scenario.Scenario;
import io.clustersim.core.scenario.ScenarioLoader;
import io.clustersim.reports.SummaryCollector;
import io.clustersim.workloads.behaviour.Behaviours;
import io.clustersim.workloads.behaviour.Placement;
import io.clustersim.workloads.replay.RecordedReplay;
import io.clustersim.workloads.replay.TraceReplay;
import io.clustersim.workloads.replay.TraceWorkload;
import io.clustersim.workloads.trace.BadRows;
import io.clustersim.workloads.trace.GroupBy;
import io.clustersim.workloads.trace.TraceFormats;
import io.clustersim.workloads.trace.TraceReader;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Wires one run together: the scenario, the registered policy and behaviours, a trace replay when
 * the scenario has a workload, the event log and the summary. The command line and the tests both
 * run scenarios through here.
 */
public final class ScenarioRun {
  private final Scenario scenario;
  private final SummaryCollector summary = new SummaryCollector();
  private RunResult result;
  private double wallSeconds;
  private TraceReplay replay;
  private Map<String, Long> replayCounts = Map.of();
  private double usedCoreSeconds = -1;

  /**
   * A run of {@code scenario} as loaded (policy and seed already chosen). A trace window with no
   * duration runs for exactly the window's length.
   */
  public ScenarioRun(Scenario scenario) {
    Scenario.Workload w = scenario.workload();
    if (w != null && w.windowEndMicros() >= 0 && scenario.durationMicros() < 0) {
      scenario = scenario.withDuration(w.windowEndMicros() - w.windowStartMicros());
    }
    this.scenario = scenario;
  }

  /** A loader that knows every registered policy, behaviour and trace format. */
  public static ScenarioLoader loader() {
    return new ScenarioLoader(
        new LinkedHashSet<>(Policies.names()),
        new LinkedHashSet<>(Behaviours.names()),
        Placement.labels(),
        new LinkedHashSet<>(TraceFormats.names()),
        GroupBy.labels());
  }

  /** Loads {@code file}; bad input throws a {@code ScenarioException}. */
  public static Scenario load(Path file) {
    return loader().load(file);
  }

  /**
   * Runs to the end; {@code events} (may be null) receives the event log. Bad trace input throws a
   * {@code TraceException}; an impossible replay an {@code IllegalArgumentException}.
   */
  public RunResult run(OutputStream events) {
    Scenario.Workload w = scenario.workload();
    if (w != null) {
      replay = TraceReplay.of(w, scenario.seed());
    }
    // Wall time is measured here, outside the simulation, only for the summary's speed figures.
    long started = System.nanoTime();
    if (replay == null) {
      result = simulation(null, events).run();
    } else if (w.asRecorded()) {
      RecordedReplay r;
      try (TraceReader reader = replay.open()) {
        r = new RecordedReplay(reader, replay.options(), events, List.of(summary));
        result = r.run();
      }
      replayCounts = r.counts();
      usedCoreSeconds = r.usedCoreSeconds();
    } else {
      try (TraceReader reader = replay.open()) {
        TraceWorkload workload = new TraceWorkload(reader, replay.options());
        result = simulation(workload, events).run();
        replayCounts = workload.counts();
      }
    }
    wallSeconds = (System.nanoTime() - started) / 1e9;
    return result;
  }

  private ClusterSimulation simulation(TraceWorkload workload, OutputStream events) {
    return new ClusterSimulation(
        scenario,
        Policies.create(scenario.policy()),
        new Behaviours(),
        workload,
        events,
        List.of(summary));
  }

  /** The collected metrics. */
  public SummaryCollector metrics() {
    return summary;
  }

  /** The trace replay, or null when the scenario has no workload. */
  public TraceReplay replay() {
    return replay;
  }

  /** The summary JSON of the finished run. */
  public ObjectNode summary(ObjectMapper json) {
    ObjectNode s = summary.summary(result, wallSeconds, json);
    s.put("policy", scenario.policy());
    s.put("seed", scenario.seed());
    if (replay != null) {
      ObjectNode t = s.putObject("trace");
      t.put("format", replay.format().name());
      t.put("path", replay.spec().path());
      t.put("mode", replay.spec().mode());
      t.put("group_by", replay.options().groupBy().label());
      t.put("reference_machine", replay.reference().toString());
      t.put("events_read", replay.stats().events());
      t.put("tasks_submitted", replay.stats().submissions());
      ObjectNode rows = t.putObject("rows_by_file");
      replay.stats().rowsByFile().forEach(rows::put);
      BadRows bad = replay.badRows();
      ObjectNode skipped = t.putObject("skipped_rows");
      bad.skipped().forEach(skipped::put);
      t.putPOJO("skipped_examples", bad.examples());
      ObjectNode orphans = t.putObject("orphans");
      bad.orphans().forEach(orphans::put);
      ObjectNode counts = t.putObject("replay");
      replayCounts.forEach(counts::put);
      if (usedCoreSeconds >= 0) {
        t.put("used_core_seconds", usedCoreSeconds);
      }
    }
    return s;
  }
}
