package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Faults on one link rather than the whole network, and duplicated messages. The timings follow
 * from the network delay and Mesos's ping defaults (a ping every 15 s, removal after 5 misses).
 */
class NetworkFaultTest {
  private static List<JsonNode> statuses(Runs r, String task) {
    return r.where(Runs.type("TASK_STATUS").and(Runs.field("task", task)));
  }

  private static double launchedAt(Runs r, String task) {
    List<JsonNode> l = r.where(Runs.type("TASK_LAUNCHED").and(Runs.field("task", task)));
    assertEquals(1, l.size(), task + " launched once");
    return Runs.seconds(l.get(0));
  }

  @Test
  void anAgentWhosePongsAreLostIsRemovedWhileTheOtherStays() {
    // Only what agent a sends is lost (an asymmetric partition): it still hears the pings, so it
    // never thinks the master gone, but from the ping at 120 s on no pong arrives: removed at 120 +
    // 75 = 195 s, as a silent agent. Agent b's link is untouched.
    Runs r =
        Runs.run(
            AgentLossTest.BASE + "faults:\n  - {at: 120s, drop_messages: 1, link: {from: a}}\n");
    List<JsonNode> removed = r.ofType("AGENT_REMOVED");
    assertEquals(1, removed.size());
    assertEquals("a", removed.get(0).get("agent").asText());
    assertEquals(195.0, Runs.seconds(removed.get(0)));
    JsonNode fault = r.ofType("FAULT").get(0);
    assertEquals("agent/a>*", fault.get("link").asText());
    JsonNode detection =
        r.run.summary(new ObjectMapper()).get("failures").get("agent_loss_detection_seconds");
    assertEquals(1, detection.get("count").asInt());
    assertEquals(75.0, detection.get("mean").asDouble());
  }

  @Test
  void aSlowLinkDelaysOnlyTheFrameworkBehindIt() {
    // With no network delay both frameworks are offered an agent at 0 s. The master's messages to
    // 'plain' take 30 s more, so its offer arrives, and its accept comes back, at 30 s; 'aware'
    // launches at once.
    Runs r =
        Runs.run(
            AgentLossTest.BASE
                + "faults:\n"
                + "  - {at: 0s, delay_messages: 30s, until: 1m, link: {from: master, to: plain}}\n");
    assertEquals(0.0, launchedAt(r, "aware-0"));
    assertEquals(30.0, launchedAt(r, "plain-0"));
  }

  private static final String TWO_TASKS =
      """
      duration: 5m
      network: {delay: 100ms}
      agents:
        - {id: a, resources: {cpus: 4, mem: 4096}}
      frameworks:
        - {id: job, behaviour: batch, tasks: {count: 2, resources: {cpus: 1, mem: 512}, duration: 1m}}
      """;

  @Test
  void aDuplicatedLaunchStartsTheTaskOnce() {
    // Every message from the master to the agent arrives twice, the launches included: the agent
    // starts each task once, and each reports running and finished once.
    Runs r =
        Runs.run(
            TWO_TASKS
                + "faults:\n  - {at: 0s, duplicate_messages: 1, link: {from: master, to: a}}\n");
    for (String task : List.of("job-0", "job-1")) {
      List<String> states =
          statuses(r, task).stream().map(s -> s.get("state").asText()).distinct().toList();
      assertEquals(List.of("TASK_STARTING", "TASK_RUNNING", "TASK_FINISHED"), states, task);
      assertEquals(
          1,
          statuses(r, task).stream()
              .filter(s -> s.get("state").asText().equals("TASK_RUNNING"))
              .count());
    }
    assertTrue(r.result.messagesDuplicated() > 0);
  }

  @Test
  void aDuplicatedAcceptHasItsLaunchReportedLostAndTheFrameworkKillsTheSurvivor() {
    // The framework's accept arrives twice, the copy one network delay (100 ms) after the
    // original. The original launches the tasks; the copy names offers already used, so the
    // master reports its tasks TASK_LOST with REASON_INVALID_OFFERS, as Mesos does. The framework
    // retries them under new ids; when the originals report running, it kills them, as Marathon
    // kills tasks it does not know. Nothing is left running twice and the views agree at the end.
    Runs r =
        Runs.run(
            TWO_TASKS
                + "faults:\n"
                + "  - {at: 0s, duplicate_messages: 1, until: 500ms, link: {from: job, to: master}}\n");
    for (String task : List.of("job-0", "job-1")) {
      double launched = launchedAt(r, task);
      List<JsonNode> s = statuses(r, task);
      JsonNode lost = s.get(0);
      assertEquals("TASK_LOST", lost.get("state").asText());
      assertEquals("REASON_INVALID_OFFERS", lost.get("reason").asText());
      assertEquals(launched + 0.1, Runs.seconds(lost), 1e-9);
      JsonNode last = s.get(s.size() - 1);
      assertEquals("TASK_KILLED", last.get("state").asText(), task);
      launchedAt(r, task + "-r1");
      assertEquals(
          "TASK_FINISHED",
          statuses(r, task + "-r1")
              .get(statuses(r, task + "-r1").size() - 1)
              .get("state")
              .asText());
    }
  }

  private static final String LOST_LAUNCH =
      """
      duration: 5m
      network: {delay: 100ms}
      agents:
        - {id: a, resources: {cpus: 4, mem: 4096}}
      frameworks:
        - {id: job, behaviour: batch, RECONCILE
           tasks: {count: 1, resources: {cpus: 1, mem: 512}, duration: 1m}}
      faults:
        - {at: 200ms, drop_messages: 1, until: 1s, link: {from: master, to: a}}
      """;

  @Test
  void aLaunchLostOnTheWayIsKilledAfterAWholeReconciliationIntervalOfStaging() {
    // Registered at 0.2 s (0.1 s each way), the framework launches at 0.2 s; the master logs the
    // launch at 0.3 s and its message to the agent is lost. The master holds the task as staging,
    // and reconciliation only repeats that. Reconciling every minute (ticks at 60.2 and 120.2 s),
    // the framework sees it staging at both and kills it at 120.2 s; the agent, which never had
    // it, answers TASK_LOST (at the master at 120.2 + 0.3 s), and the task is launched again.
    Runs r = Runs.run(LOST_LAUNCH.replace("RECONCILE", "reconcile_interval: 1m,"));
    List<JsonNode> s = statuses(r, "job-0");
    assertEquals(1, s.size());
    assertEquals("TASK_LOST", s.get(0).get("state").asText());
    assertEquals(120.5, Runs.seconds(s.get(0)), 1e-9);
    assertTrue(launchedAt(r, "job-0-r1") > 120.5);

    // Without periodic reconciliation the launch stays lost: nothing more is heard of job-0.
    Runs never = Runs.run(LOST_LAUNCH.replace("RECONCILE", ""));
    assertEquals(0, statuses(never, "job-0").size());
    assertEquals(0.3, launchedAt(never, "job-0"), 1e-9);
  }
}
