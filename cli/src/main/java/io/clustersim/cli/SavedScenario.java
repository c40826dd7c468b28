package io.clustersim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.clustersim.core.scenario.Scenario;
import io.clustersim.workloads.replay.TraceReplay;
import io.clustersim.workloads.trace.RecordedEventsFormat;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a trace replay as one self-contained scenario: the scenario file's own keys (if there was
 * one), the seed, policy and duration of the run, and the trace events the run read, inline in the
 * {@code clustersim-events} format, with the replay options that were in force. Running it gives
 * the same event log as the replay it was saved from.
 */
final class SavedScenario {
  private static final YAMLMapper YAML =
      new YAMLMapper(
          new YAMLFactory()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE));

  private SavedScenario() {}

  static void write(
      Path target, Path scenarioFile, Scenario scenario, TraceReplay replay, String events)
      throws IOException {
    ObjectNode root =
        scenarioFile != null
            ? (ObjectNode) YAML.readTree(Files.readString(scenarioFile, StandardCharsets.UTF_8))
            : YAML.createObjectNode();
    root.put("seed", scenario.seed());
    if (scenario.durationMicros() >= 0) {
      root.put("duration", seconds(scenario.durationMicros()));
    }
    JsonNode alloc = root.get("allocator");
    ObjectNode allocator = alloc instanceof ObjectNode o ? o : root.putObject("allocator");
    allocator.put("policy", scenario.policy());
    Scenario.Workload w = scenario.workload();
    ObjectNode trace = root.putObject("workload").putObject("trace");
    trace.put("format", RecordedEventsFormat.NAME);
    trace.put("mode", w.mode());
    trace.put("group_by", replay.options().groupBy().label());
    if (w.windowEndMicros() >= 0) {
      ArrayNode window = trace.putArray("window");
      window.add(seconds(w.windowStartMicros()));
      window.add(seconds(w.windowEndMicros()));
    }
    if (w.sample() < 1) {
      trace.put("sample", w.sample());
    }
    if (w.sampleMachines() < 1) {
      trace.put("sample_machines", w.sampleMachines());
    }
    if (w.maxTasks() >= 0) {
      trace.put("max_tasks", w.maxTasks());
    }
    if (w.endMap() != null && !w.endMap().isEmpty()) {
      ObjectNode ends = trace.putObject("end_map");
      for (String part : w.endMap().split(",")) {
        String[] kv = part.split("=", 2);
        ends.put(kv[0].trim(), kv[1].trim());
      }
    }
    trace.put("lookahead", seconds(replay.options().lookaheadMicros()));
    if (w.placement() != null) {
      trace.put("placement", w.placement());
    }
    if (w.usage() != null) {
      trace.put("usage", w.usage());
    }
    if (w.inflate()) {
      trace.put("inflate", true);
    }
    trace.put("events", events);
    Path parent = target.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(
        target,
        "# saved by clustersim run --save-scenario from "
            + (scenarioFile != null ? scenarioFile.getFileName() + " and " : "")
            + w.format()
            + ":"
            + w.path()
            + "\n"
            + YAML.writeValueAsString(root),
        StandardCharsets.UTF_8);
  }

  /** A duration as the scenario format writes it: plain seconds with a unit. */
  private static String seconds(long micros) {
    return new BigDecimal(micros).movePointLeft(6).stripTrailingZeros().toPlainString() + "s";
  }
}
