package io.clustersim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clustersim.core.cluster.InvariantViolation;
import io.clustersim.core.cluster.RunResult;
import io.clustersim.core.kernel.SimTime;
import io.clustersim.core.scenario.Scenario;
import io.clustersim.core.scenario.ScenarioException;
import io.clustersim.reports.ExpectationCheck;
import io.clustersim.workloads.trace.TraceException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code clustersim run}: one run of a scenario. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run one scenario and print its digest.",
      "The digest is the SHA-256 of the canonical event log; the same scenario, seed and policy"
          + " give the same digest on any machine."
    })
final class RunCommand implements Callable<Integer> {
  @CommandLine.Mixin RunSelection selection = new RunSelection();

  @Option(
      names = "--events",
      paramLabel = "FILE",
      description = "Write the event log here (JSON Lines).")
  Path eventsFile;

  @Option(
      names = "--summary",
      paramLabel = "FILE",
      description = "Write the run summary here (JSON).")
  Path summaryFile;

  @Option(
      names = "--until",
      paramLabel = "TIME",
      description =
          "Stop at this simulated time (e.g. 90s). Unlike --duration the scenario is unchanged,"
              + " so the run up to here is event for event the full run.")
  String until;

  @Option(
      names = "--until-seq",
      paramLabel = "N",
      description =
          "Stop after the event with this sequence number (at the end of the step that logged"
              + " it: one step can log several events; the dump says which was the last).")
  Long untilSeq;

  @Option(
      names = "--dump-state",
      paramLabel = "FILE",
      description =
          "Write the whole cluster state where the run stopped as JSON: agents, frameworks,"
              + " outstanding offers, tasks, the sorters' order and the live refusal filters."
              + " Show it with 'clustersim state FILE'.")
  Path stateFile;

  @Option(
      names = "--save-scenario",
      paramLabel = "FILE",
      description =
          "For a trace replay: write one self-contained scenario that reproduces this run (same"
              + " event log), with the trace events the run read inline.")
  Path savedScenario;

  @Override
  public Integer call() {
    Scenario scenario;
    try {
      scenario = selection.withChaos(selection.scenario("run"));
    } catch (ScenarioException | IllegalArgumentException e) {
      System.err.println("clustersim: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    long untilMicros;
    try {
      untilMicros = until == null ? -1 : SimTime.parseDuration(until);
    } catch (IllegalArgumentException e) {
      System.err.println("clustersim: --until: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    if (untilSeq != null && untilSeq < 0) {
      System.err.println("clustersim: --until-seq: must be 0 or more, not " + untilSeq);
      return Main.BAD_INPUT;
    }
    if (stateFile != null && scenario.workload() != null && scenario.workload().asRecorded()) {
      System.err.println(
          "clustersim: --dump-state needs a simulated run; an as-recorded replay has no master");
      return Main.BAD_INPUT;
    }
    if (savedScenario != null && scenario.workload() == null) {
      System.err.println("clustersim: --save-scenario needs a trace replay (--trace or workload:)");
      return Main.BAD_INPUT;
    }
    if (savedScenario != null
        && scenario.workload().format().equals("google-2019")
        && "priority".equals(selectionGroupBy(scenario))) {
      System.err.println(
          "clustersim: --save-scenario cannot keep Google 2019's priority bands yet; group by"
              + " user, job or class to save this replay");
      return Main.BAD_INPUT;
    }
    StringBuilder recorded = savedScenario == null ? null : new StringBuilder();
    ScenarioRun run =
        new ScenarioRun(scenario).stopAt(untilMicros, untilSeq == null ? -1 : untilSeq);
    if (recorded != null) {
      run.recordTrace(recorded);
    }
    RunResult result;
    try (OutputStream events = open(eventsFile)) {
      try {
        result = run.run(events);
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
    } catch (IOException e) {
      System.err.println(
          "clustersim: --events: cannot write " + eventsFile + ": " + e.getMessage());
      return Main.BAD_INPUT;
    }
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode summary = run.summary(json);
    if (summaryFile != null) {
      try {
        createParent(summaryFile);
        json.writeValue(summaryFile.toFile(), summary);
      } catch (IOException e) {
        System.err.println(
            "clustersim: --summary: cannot write " + summaryFile + ": " + e.getMessage());
        return Main.BAD_INPUT;
      }
    }
    if (untilSeq != null && result.events() <= untilSeq) {
      System.err.printf(
          "clustersim: the run ended at event %d, before --until-seq %d%n",
          result.events() - 1, untilSeq);
    }
    if (savedScenario != null) {
      try {
        SavedScenario.write(
            savedScenario,
            selection.scenarioFile,
            run.scenario(),
            run.replay(),
            recorded.toString());
      } catch (IOException e) {
        System.err.println(
            "clustersim: --save-scenario: cannot write " + savedScenario + ": " + e.getMessage());
        return Main.BAD_INPUT;
      }
    }
    if (stateFile != null) {
      try {
        createParent(stateFile);
        json.writeValue(
            stateFile.toFile(),
            StateDump.toJson(
                run.state(),
                run.metrics().frameworkSharesNow(),
                run.metrics().roleSharesNow(),
                json));
      } catch (IOException e) {
        System.err.println(
            "clustersim: --dump-state: cannot write " + stateFile + ": " + e.getMessage());
        return Main.BAD_INPUT;
      }
    }
    System.out.printf(
        "digest %s%nevents %d, simulated %s%s, policy %s, seed %d%n",
        result.digest(),
        result.events(),
        SimTime.format(result.endMicros()),
        result.drained() ? " (workload drained)" : "",
        scenario.policy(),
        scenario.seed());
    System.out.println("tasks by state " + summary.get("tasks").get("by_final_state"));
    if (run.replay() != null) {
      TraceOptions.report(run.replay().badRows(), summary.get("trace"));
    }
    int failed = 0;
    for (ExpectationCheck.Outcome o : run.expectations()) {
      if (o.passed()) {
        System.out.println("expectation met: " + o.name());
      } else {
        failed++;
        System.err.println("clustersim: expectation failed: " + o.name() + ": " + o.detail());
      }
    }
    if (failed > 0) {
      return Main.INVARIANT;
    }
    return 0;
  }

  /** The grouping a trace replay uses: the scenario's, or the format's default. */
  private static String selectionGroupBy(Scenario scenario) {
    String g = scenario.workload().groupBy();
    return g != null
        ? g
        : io.clustersim.workloads.trace.TraceFormats.get(scenario.workload().format())
            .defaultGroupBy()
            .label();
  }

  private static OutputStream open(Path file) throws IOException {
    if (file == null) {
      return null;
    }
    createParent(file);
    return new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
  }

  private static void createParent(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
  }
}
