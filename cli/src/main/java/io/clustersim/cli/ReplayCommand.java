package io.clustersim.cli;

import io.clustersim.core.cluster.InvariantViolation;
import io.clustersim.core.cluster.RunResult;
import io.clustersim.core.scenario.Scenario;
import io.clustersim.core.scenario.ScenarioException;
import io.clustersim.workloads.trace.TraceException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code clustersim replay}: runs a scenario again and compares its event log, line by line, with a
 * recorded one; the first difference stops the run and is shown with the events before it.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Run a scenario again and compare its event log, event by event, with a recorded one"
          + " (written by 'clustersim run --events').",
      "Give the same --scenario/--trace, --policy, --seed and --duration as the recorded run. On"
          + " the first difference it prints the event's sequence number, the expected and the"
          + " actual line and the five events before it, and exits with status 1; if the logs are"
          + " identical it prints the digest and exits with 0."
    })
final class ReplayCommand implements Callable<Integer> {
  @CommandLine.Mixin RunSelection selection = new RunSelection();

  @Option(
      names = "--events",
      paramLabel = "LOG",
      required = true,
      description = "The recorded event log (JSON Lines) to compare with.")
  Path eventsFile;

  @Override
  public Integer call() {
    Scenario scenario;
    try {
      scenario = selection.withChaos(selection.scenario("replay"));
    } catch (ScenarioException | IllegalArgumentException e) {
      System.err.println("clustersim: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    try (BufferedReader recorded = Files.newBufferedReader(eventsFile, StandardCharsets.UTF_8)) {
      LogComparison comparison = new LogComparison(recorded);
      RunResult result;
      try {
        result = new ScenarioRun(scenario).run(comparison);
        comparison.finish();
      } catch (LogComparison.Divergence d) {
        print(d);
        return Main.INVARIANT;
      } catch (LogComparison.Unreadable e) {
        System.err.println(
            "clustersim: --events: cannot read " + eventsFile + ": " + e.getMessage());
        return Main.BAD_INPUT;
      } catch (InvariantViolation e) {
        System.err.printf(
            "clustersim: the run stopped on a violated invariant after %d identical events: %s%n",
            comparison.matched(), e.getMessage());
        return Main.INVARIANT;
      } catch (TraceException | IllegalArgumentException e) {
        System.err.println("clustersim: " + e.getMessage());
        return Main.BAD_INPUT;
      } catch (UncheckedIOException e) {
        System.err.println("clustersim: cannot read the trace: " + e.getMessage());
        return Main.BAD_INPUT;
      }
      System.out.printf("identical: %d events, digest %s%n", result.events(), result.digest());
      return 0;
    } catch (IOException e) {
      System.err.println("clustersim: --events: cannot read " + eventsFile + ": " + e.getMessage());
      return Main.BAD_INPUT;
    }
  }

  private static void print(LogComparison.Divergence d) {
    System.out.printf("diverged at seq %d%n", d.seq);
    System.out.println(
        "  expected: " + (d.expected == null ? "(the recorded log ends here)" : d.expected));
    System.out.println("  actual:   " + (d.actual == null ? "(the run ends here)" : d.actual));
    if (!d.before.isEmpty()) {
      System.out.printf("the %d events before it (identical in both):%n", d.before.size());
      for (String line : d.before) {
        System.out.println("  " + line);
      }
    }
  }
}
