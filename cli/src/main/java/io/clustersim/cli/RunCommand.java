package io.clustersim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clustersim.core.cluster.InvariantViolation;
import io.clustersim.core.cluster.RunResult;
import io.clustersim.core.kernel.SimTime;
import io.clustersim.core.scenario.Scenario;
import io.clustersim.core.scenario.ScenarioException;
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

  @Override
  public Integer call() {
    Scenario scenario;
    try {
      scenario = selection.scenario("run");
    } catch (ScenarioException | IllegalArgumentException e) {
      System.err.println("clustersim: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    ScenarioRun run = new ScenarioRun(scenario);
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
    return 0;
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
