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
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Wires one run together: the scenario, the registered policy and behaviours, the event log and the
 * summary. The command line and the tests both run scenarios through here.
 */
public final class ScenarioRun {
  private final Scenario scenario;
  private final SummaryCollector summary = new SummaryCollector();
  private RunResult result;
  private double wallSeconds;

  /** A run of {@code scenario} as loaded (policy and seed already chosen). */
  public ScenarioRun(Scenario scenario) {
    this.scenario = scenario;
  }

  /** A loader that knows every registered policy and behaviour. */
  public static ScenarioLoader loader() {
    return new ScenarioLoader(
        new LinkedHashSet<>(Policies.names()),
        new LinkedHashSet<>(Behaviours.names()),
        Placement.labels());
  }

  /** Loads {@code file}; bad input throws a {@code ScenarioException}. */
  public static Scenario load(Path file) {
    return loader().load(file);
  }

  /** Runs to the end; {@code events} (may be null) receives the event log. */
  public RunResult run(OutputStream events) {
    ClusterSimulation sim =
        new ClusterSimulation(
            scenario,
            Policies.create(scenario.policy()),
            new Behaviours(),
            events,
            List.of(summary));
    // Wall time is measured here, outside the simulation, only for the summary's speed figures.
    long started = System.nanoTime();
    result = sim.run();
    wallSeconds = (System.nanoTime() - started) / 1e9;
    return result;
  }

  /** The collected metrics. */
  public SummaryCollector metrics() {
    return summary;
  }

  /** The summary JSON of the finished run. */
  public ObjectNode summary(ObjectMapper json) {
    ObjectNode s = summary.summary(result, wallSeconds, json);
    s.put("policy", scenario.policy());
    s.put("seed", scenario.seed());
    return s;
  }
}
