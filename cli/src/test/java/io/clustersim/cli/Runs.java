package io.clustersim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clustersim.core.cluster.RunResult;
import io.clustersim.core.scenario.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Test helper: runs scenario text and gives back the parsed event log. */
final class Runs {
  private static final ObjectMapper JSON = new ObjectMapper();

  final RunResult result;
  final List<JsonNode> events;
  final String log;
  final ScenarioRun run;

  private Runs(ScenarioRun run, RunResult result, String log) {
    this.run = run;
    this.result = result;
    this.log = log;
    List<JsonNode> parsed = new ArrayList<>();
    try {
      for (String line : log.split("\n")) {
        if (!line.isEmpty()) {
          parsed.add(JSON.readTree(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.events = parsed;
  }

  static Scenario scenario(String yaml) {
    return ScenarioRun.loader().parse("test.yaml", yaml);
  }

  static Runs run(String yaml) {
    return run(scenario(yaml));
  }

  static Runs run(Scenario scenario) {
    ScenarioRun run = new ScenarioRun(scenario);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RunResult result = run.run(out);
    return new Runs(run, result, out.toString(StandardCharsets.UTF_8));
  }

  /** The run's summary, as {@code --summary} writes it. */
  JsonNode summary() {
    return run.summary(JSON);
  }

  List<JsonNode> where(Predicate<JsonNode> p) {
    return events.stream().filter(p).toList();
  }

  List<JsonNode> ofType(String type) {
    return where(e -> e.get("type").asText().equals(type));
  }

  /** The OFFER events made to {@code framework}, in order. */
  List<JsonNode> offersTo(String framework) {
    return where(type("OFFER").and(field("framework", framework)));
  }

  /** How many tasks {@code framework} launched. */
  long launched(String framework) {
    return where(type("TASK_LAUNCHED").and(field("framework", framework))).size();
  }

  static Predicate<JsonNode> type(String type) {
    return e -> e.get("type").asText().equals(type);
  }

  static Predicate<JsonNode> field(String name, String value) {
    return e -> e.has(name) && e.get(name).asText().equals(value);
  }

  /** Simulated seconds of an event. */
  static double seconds(JsonNode e) {
    return e.get("t").asLong() / 1e6;
  }
}
