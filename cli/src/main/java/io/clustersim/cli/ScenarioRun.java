package io.clustersim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clustersim.allocators.Policies;
import io.clustersim.core.cluster.ClusterSimulation;
import io.clustersim.core.cluster.ClusterState;
import io.clustersim.core.cluster.RunResult;
import io.clustersim.core.log.EventListener;
import io.clustersim.core.scenario.Scenario;
import io.clustersim.core.scenario.ScenarioLoader;
import io.clustersim.reports.ExpectationCheck;
import io.clustersim.reports.RunSeries;
import io.clustersim.reports.SummaryCollector;
import io.clustersim.workloads.behaviour.Behaviours;
import io.clustersim.workloads.behaviour.Placement;
import io.clustersim.workloads.placement.TaskPlacements;
import io.clustersim.workloads.replay.RecordedReplay;
import io.clustersim.workloads.replay.TraceReplay;
import io.clustersim.workloads.replay.TraceWorkload;
import io.clustersim.workloads.trace.BadRows;
import io.clustersim.workloads.trace.EventSource;
import io.clustersim.workloads.trace.GroupBy;
import io.clustersim.workloads.trace.TraceFormats;
import io.clustersim.workloads.trace.TraceReader;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
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
  private List<TraceWorkload.GpuPoint> gpuPoints = List.of();
  private double usedCoreSeconds = -1;
  private Map<String, Object> machineUsage = Map.of();
  private final List<EventListener> listeners = new ArrayList<>();
  private RunSeries series;
  private long untilMicros = -1;
  private long untilSeq = -1;
  private ClusterSimulation simulation;
  private ExpectationCheck expectationCheck;
  private List<ExpectationCheck.Outcome> expectations = List.of();

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
        GroupBy.labels(),
        TaskPlacements.names());
  }

  /** Loads {@code file}; bad input throws a {@code ScenarioException}. */
  public static Scenario load(Path file) {
    return loader().load(file);
  }

  /** Also sends every event to {@code listener} (before the summary sees it). */
  public ScenarioRun listen(EventListener listener) {
    listeners.add(listener);
    return this;
  }

  /** Samples the metrics over time every {@code periodMicros} of simulated time. */
  public ScenarioRun sampleEvery(long periodMicros) {
    series = new RunSeries(summary, periodMicros);
    return this;
  }

  /**
   * Stops the run early: at simulated time {@code micros}, or after the kernel event that logs
   * event {@code seq} (either negative: not used). Not for as-recorded replays.
   */
  public ScenarioRun stopAt(long micros, long seq) {
    this.untilMicros = micros;
    this.untilSeq = seq;
    return this;
  }

  /** The cluster where the run stopped; null for an as-recorded replay (it has no master). */
  public ClusterState state() {
    return simulation == null ? null : simulation.state();
  }

  /**
   * Keeps every trace event the run reads, as {@code clustersim-events} lines, in {@code lines}
   * (for {@code --save-scenario}).
   */
  public ScenarioRun recordTrace(StringBuilder lines) {
    this.recorded = lines;
    return this;
  }

  private StringBuilder recorded;

  /** The metrics over time, or null without {@link #sampleEvery}. */
  public RunSeries series() {
    return series;
  }

  /**
   * Runs to the end; {@code events} (may be null) receives the event log. Bad trace input throws a
   * {@code TraceException}; an impossible replay an {@code IllegalArgumentException}.
   */
  public RunResult run(OutputStream events) {
    Scenario.Workload w = scenario.workload();
    if (w == null) {
      return run(events, null, null);
    }
    TraceReplay own = TraceReplay.of(w, scenario.seed());
    try (TraceReader reader = own.open()) {
      return run(events, own, recorded == null ? reader : new RecordingSource(reader, recorded));
    }
  }

  /**
   * Runs with a trace replay whose events come from {@code source} (one branch of a trace read once
   * for several runs); both null for a scenario without a workload.
   */
  public RunResult run(OutputStream events, TraceReplay replay, EventSource source) {
    this.replay = replay;
    List<EventListener> all = new ArrayList<>(listeners);
    if (series != null) {
      all.add(series); // before the summary: it records the state that held up to each event
    }
    boolean stopsEarly = untilMicros >= 0 || untilSeq >= 0;
    if (!scenario.expectations().isEmpty() && !stopsEarly) {
      // Before the summary: at an instant's first event the summary still shows the last one.
      expectationCheck = new ExpectationCheck(scenario, summary);
      all.add(expectationCheck);
    }
    all.add(summary);
    // Wall time is measured here, outside the simulation, only for the summary's speed figures.
    long started = System.nanoTime();
    if (replay == null) {
      simulation = simulation(null, events, all);
      result = simulation.run(untilMicros, untilSeq);
    } else if (replay.spec().asRecorded()) {
      if (untilMicros >= 0 || untilSeq >= 0) {
        throw new IllegalArgumentException(
            "--until and --until-seq need a simulated run, not an as-recorded replay");
      }
      RecordedReplay r =
          new RecordedReplay(source, replay.options(), events, all)
              .stopAt(scenario.durationMicros());
      result = r.run();
      replayCounts = r.counts();
      usedCoreSeconds = r.usedCoreSeconds();
      machineUsage = r.machineUsage();
    } else {
      TraceWorkload workload = new TraceWorkload(source, replay.options());
      simulation = simulation(workload, events, all);
      result = simulation.run(untilMicros, untilSeq);
      replayCounts = workload.counts();
      gpuPoints = workload.gpuPoints();
      machineUsage = workload.machineUsage();
    }
    if (series != null) {
      series.finish(result.endMicros());
    }
    if (expectationCheck != null) {
      expectations = expectationCheck.finish(result.endMicros(), scenario.expectations());
    }
    wallSeconds = (System.nanoTime() - started) / 1e9;
    return result;
  }

  /** The scenario as run (a trace window's length as its duration when it had none). */
  public Scenario scenario() {
    return scenario;
  }

  private ClusterSimulation simulation(
      TraceWorkload workload, OutputStream events, List<EventListener> all) {
    return new ClusterSimulation(
            scenario, Policies.create(scenario.policy()), new Behaviours(), workload, events, all)
        .allocatorFactory(() -> Policies.create(scenario.policy()));
  }

  /** The outcome of each of the scenario's expectations (none when the run was stopped early). */
  public List<ExpectationCheck.Outcome> expectations() {
    return expectations;
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
    if (!expectations.isEmpty()) {
      var list = s.putArray("expectations");
      for (ExpectationCheck.Outcome o : expectations) {
        var n = list.addObject();
        n.put("name", o.name());
        n.put("passed", o.passed());
        n.put("detail", o.detail());
      }
    }
    if (replay != null) {
      ObjectNode t = s.putObject("trace");
      t.put("format", replay.format().name());
      t.put("path", replay.spec().path());
      t.put("mode", replay.spec().mode());
      t.put("group_by", replay.options().groupBy().label());
      t.put("placement", replay.options().placement().name());
      if (replay.options().inflate()) {
        t.put("inflate", true);
      }
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
      if (!machineUsage.isEmpty()) {
        t.putPOJO("machine_usage", machineUsage);
      }
    }
    if (!gpuPoints.isEmpty()) {
      // The FGD paper's view: GPUs allocated and fragmented as the workload arrives.
      ObjectNode gpu = s.putObject("gpu");
      TraceWorkload.GpuPoint last = gpuPoints.get(gpuPoints.size() - 1);
      gpu.put("tasks_arrived", last.tasks());
      gpu.put("demand_arrived_pct", last.arrivedPct());
      gpu.put("allocated_pct", last.allocatedPct());
      gpu.put("fragmented_pct", last.fragmentedPct());
      gpu.put("tasks_given_up", last.givenUp());
      var series = gpu.putArray("as_workload_arrives");
      for (TraceWorkload.GpuPoint p : gpuPoints) {
        series
            .addObject()
            .put("tasks", p.tasks())
            .put("demand_arrived_pct", p.arrivedPct())
            .put("allocated_pct", p.allocatedPct())
            .put("fragmented_pct", p.fragmentedPct())
            .put("given_up", p.givenUp());
      }
    }
    return s;
  }
}
