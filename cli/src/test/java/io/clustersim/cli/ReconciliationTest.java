package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The master's answers to reconciliation, as Mesos gives them: the last state of a task it holds,
 * including an ended task whose update is not acknowledged yet; TASK_UNREACHABLE for a task on an
 * agent marked unreachable; TASK_LOST (TASK_GONE when partition-aware) only for what it does not
 * know at all.
 */
class ReconciliationTest {
  private static List<String> states(Runs r, String task) {
    return r.where(Runs.type("TASK_STATUS").and(Runs.field("task", task))).stream()
        .map(e -> e.get("state").asText())
        .toList();
  }

  @Test
  void aTaskOnAnUnreachableAgentIsReportedUnreachableAndKeptWhenTheAgentReturns() {
    // Agent a is cut off from 10 s to 190 s: removed as unreachable at 85 s, its task
    // TASK_UNREACHABLE. The service reconciles every minute meanwhile; had the master answered
    // TASK_GONE, the framework would count the task ended and kill it when it came back.
    Runs r =
        Runs.run(
            """
            duration: 5m
            agents:
              - {id: a, resources: {cpus: 4, mem: 4096}}
            frameworks:
              - {id: web, behaviour: service, reconcile_interval: 1m, capabilities: [PARTITION_AWARE],
                 service: {instances: 1, resources: {cpus: 1, mem: 1024}}}
            faults:
              - {at: 10s, partition: [a], heal_after: 180s}
            """);
    assertEquals(
        List.of("TASK_STARTING", "TASK_RUNNING", "TASK_UNREACHABLE", "TASK_RUNNING"),
        states(r, "web-0"));
    assertEquals(0, r.where(Runs.field("reason", "REASON_RECONCILIATION")).size());
  }

  @Test
  void aTaskThatEndedWhileItsSchedulerWasDownIsReportedFinishedNotLost() {
    // The tasks finish at 40 s while the scheduler is down (20 s to 60 s, failover_timeout 5m);
    // on re-registering it reconciles them: the master still holds their unacknowledged
    // TASK_FINISHED and answers that, then delivers the updates.
    Runs r =
        Runs.run(
            """
            duration: 2m
            agents:
              - {id: a, resources: {cpus: 4, mem: 4096}}
            frameworks:
              - {id: job, behaviour: batch, failover_timeout: 5m,
                 tasks: {count: 2, resources: {cpus: 1, mem: 512}, duration: 40s}}
            faults:
              - {at: 20s, crash_framework: job, restart_after: 40s}
            """);
    for (String task : List.of("job-0", "job-1")) {
      assertEquals(List.of("TASK_STARTING", "TASK_RUNNING", "TASK_FINISHED"), states(r, task));
    }
    assertEquals(2, r.launched("job"), "nothing relaunched");
    List<JsonNode> lost = r.where(Runs.field("state", "TASK_LOST"));
    assertTrue(lost.isEmpty(), lost.toString());
  }
}
