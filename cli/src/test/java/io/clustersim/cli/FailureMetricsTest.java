package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary's failure metrics, on faults whose timings follow from Mesos's defaults. */
class FailureMetricsTest {
  @TempDir Path dir;

  private JsonNode failures(String yaml) throws IOException {
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, yaml);
    Path summary = dir.resolve("summary.json");
    assertEquals(
        0, Cli.exec("run", "--scenario", f.toString(), "--summary", summary.toString()).status());
    return new ObjectMapper().readTree(summary.toFile()).get("failures");
  }

  @Test
  void detectionTimeLostTasksAndLostWork() throws IOException {
    // As in AgentLossTest: a dies at 120 s and is removed at 195 s (75 s to notice), b dies at
    // 121 s and is removed at 210 s (89 s). Each runs one task from 0 s, lost at the removal:
    // 195 + 210 = 405 task-seconds of work lost; no agent is left to relaunch them on.
    JsonNode f =
        failures(
            AgentLossTest.BASE
                + "faults:\n  - {at: 120s, crash_agent: a}\n  - {at: 121s, crash_agent: b}\n");
    assertEquals(2, f.get("agent_loss_detection_seconds").get("count").asInt());
    assertEquals(82.0, f.get("agent_loss_detection_seconds").get("mean").asDouble(), 1e-9);
    assertEquals(89.0, f.get("agent_loss_detection_seconds").get("max").asDouble(), 1e-9);
    assertEquals(2, f.get("tasks_lost").asInt());
    assertEquals(405.0, f.get("work_lost_task_seconds").asDouble(), 1e-9);
    assertEquals(0, f.get("tasks_relaunched").asInt());
  }

  @Test
  void aRelaunchAfterAFrameworkLosesItsTasks() throws IOException {
    // a dies at 120 s without restart; its task is lost at 195 s and relaunched as t-0-r1 on b,
    // which had room. An agent that restarts before the master notices is never counted.
    JsonNode f =
        failures(
            """
            duration: 5m
            agents:
              - {id: a, resources: {cpus: 4, mem: 4096}}
              - {id: b, start: 1s, resources: {cpus: 4, mem: 4096}}
            frameworks:
              - {id: t, behaviour: batch, tasks: {count: 1, resources: {cpus: 4, mem: 1024}, duration: 1h}}
            faults:
              - {at: 120s, crash_agent: a}
              - {at: 130s, crash_agent: b, restart_after: 10s}
            """);
    assertEquals(1, f.get("agent_loss_detection_seconds").get("count").asInt());
    assertEquals(75.0, f.get("agent_loss_detection_seconds").get("max").asDouble(), 1e-9);
    assertEquals(1, f.get("tasks_lost").asInt());
    assertEquals(195.0, f.get("work_lost_task_seconds").asDouble(), 1e-9);
    assertEquals(1, f.get("tasks_relaunched").asInt());
  }
}
