package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A framework scheduler crash (fault {@code crash_framework}) as Mesos handles it: the master
 * deactivates the framework when the connection breaks; within {@code failover_timeout} the
 * scheduler re-registers and keeps its tasks, past it the framework is removed, its tasks killed,
 * and its re-registration refused. Mesos's default failover_timeout is 0.
 */
class FrameworkFailoverTest {
  private static String scenario(String failover, String restart) {
    // Two 60 s tasks launched at 0 s on one agent; the scheduler crashes at 10 s.
    return """
        duration: 3m
        agents:
          - {id: a, resources: {cpus: 4, mem: 4096}}
        frameworks:
          - {id: f, behaviour: batch%s,
             tasks: {count: 2, resources: {cpus: 1, mem: 1024}, duration: 60s}}
        faults:
          - {at: 10s, crash_framework: f%s}
        """
        .formatted(
            failover == null ? "" : ", failover_timeout: " + failover,
            restart == null ? "" : ", restart_after: " + restart);
  }

  private static List<String> states(Runs r) {
    return r.ofType("TASK_STATUS").stream()
        .map(e -> Runs.seconds(e) + " " + e.get("task").asText() + " " + e.get("state").asText())
        .toList();
  }

  @Test
  void withTheDefaultFailoverTimeoutOfZeroTheTasksAreKilledAtOnce() {
    Runs r = Runs.run(scenario(null, "20s"));
    JsonNode removed = r.ofType("FRAMEWORK_REMOVED").get(0);
    assertEquals(10.0, Runs.seconds(removed));
    assertTrue(
        states(r).containsAll(List.of("10.0 f-0 TASK_KILLED", "10.0 f-1 TASK_KILLED")),
        states(r).toString());
    // Back at 30 s, it is refused: the master removed it.
    JsonNode refused = r.ofType("REGISTRATION_REFUSED").get(0);
    assertEquals(30.0, Runs.seconds(refused));
    assertTrue(refused.toString().contains("has been removed"), refused.toString());
  }

  @Test
  void withinTheFailoverTimeoutItReregistersAndKeepsItsTasks() {
    Runs r = Runs.run(scenario("1m", "20s"));
    assertEquals(0, r.ofType("FRAMEWORK_REMOVED").size());
    List<JsonNode> activation = r.ofType("FRAMEWORK_DEACTIVATED");
    assertEquals(10.0, Runs.seconds(activation.get(0)));
    assertEquals(30.0, Runs.seconds(r.ofType("FRAMEWORK_ACTIVATED").get(0)));
    // The tasks run their 60 s undisturbed and finish at 60 s.
    assertTrue(
        states(r).containsAll(List.of("60.0 f-0 TASK_FINISHED", "60.0 f-1 TASK_FINISHED")),
        states(r).toString());
    assertTrue(states(r).stream().noneMatch(s -> s.contains("KILLED")), states(r).toString());
  }

  @Test
  void pastTheFailoverTimeoutTheFrameworkIsRemoved() {
    // Crash at 10 s, failover_timeout 30 s: removed at 40 s, tasks killed then; back at 70 s:
    // refused.
    Runs r = Runs.run(scenario("30s", "1m"));
    assertEquals(40.0, Runs.seconds(r.ofType("FRAMEWORK_REMOVED").get(0)));
    assertTrue(
        states(r).containsAll(List.of("40.0 f-0 TASK_KILLED", "40.0 f-1 TASK_KILLED")),
        states(r).toString());
    assertEquals(70.0, Runs.seconds(r.ofType("REGISTRATION_REFUSED").get(0)));
  }

  @Test
  void updatesOfItsAbsenceReachItWhenItComesBack() {
    // Two 15 s tasks end at 15 s, while the scheduler is down (10 s to 40 s). The workload
    // drains only if those two updates reach the scheduler after it re-registers at 40 s.
    Runs r =
        Runs.run(
            """
            agents:
              - {id: a, resources: {cpus: 4, mem: 4096}}
            frameworks:
              - {id: f, behaviour: batch, failover_timeout: 1m,
                 tasks: {count: 2, resources: {cpus: 1, mem: 1024}, duration: 15s}}
            faults:
              - {at: 10s, crash_framework: f, restart_after: 30s}
            """);
    assertTrue(r.result.drained(), "the batch framework learnt its tasks finished");
    assertTrue(states(r).containsAll(List.of("15.0 f-0 TASK_FINISHED", "15.0 f-1 TASK_FINISHED")));
    assertEquals(40.0, Runs.seconds(r.ofType("FRAMEWORK_ACTIVATED").get(0)));
  }
}
