package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Narrated scenarios for executors, offer timeouts, operators and authentication. */
class ClusterBehaviourTest {
  private static List<Double> times(List<JsonNode> events) {
    return events.stream().map(Runs::seconds).toList();
  }

  @Test
  void aCustomExecutorHoldsItsResourcesUntilItsLastTaskEnds() {
    // Two tasks of <1, 256> launched on one offer share executor ex <0.5, 128>: the master books
    // <2.5, 640>. Both end at 10 s; the executor exits then, once, and everything is returned
    // (the end-of-run conservation check would fail otherwise).
    Runs r =
        Runs.run(
            """
            duration: 15s
            agents:
              - {id: a, resources: {cpus: 4, mem: 1024}}
            frameworks:
              - {id: f, behaviour: batch, tasks: {count: 2, resources: {cpus: 1, mem: 256}, duration: 10s,
                 executor: {id: ex, resources: {cpus: 0.5, mem: 128}}}}
            """);
    List<JsonNode> launched = r.ofType("TASK_LAUNCHED");
    assertEquals(2, launched.size());
    assertEquals("ex", launched.get(0).get("executor").asText());
    List<JsonNode> exits = r.ofType("EXECUTOR_EXITED");
    assertEquals(1, exits.size());
    assertEquals("ex", exits.get(0).get("executor").asText());
    assertEquals(10.0, Runs.seconds(exits.get(0)));
    // The offer after the executor exits holds the whole agent again.
    JsonNode lastOffer = r.ofType("OFFER").get(r.ofType("OFFER").size() - 1);
    assertEquals("{\"cpus\":4,\"mem\":1024}", lastOffer.get("resources").toString());
  }

  @Test
  void theCommandExecutorExitsWithItsTask() {
    Runs r =
        Runs.run(
            """
            duration: 10s
            agents:
              - {id: a, resources: {cpus: 4, mem: 1024}}
            frameworks:
              - {id: f, behaviour: batch, tasks: {count: 1, resources: {cpus: 1, mem: 256}, duration: 3s}}
            """);
    List<JsonNode> exits = r.ofType("EXECUTOR_EXITED");
    assertEquals(1, exits.size());
    assertEquals("f-0", exits.get(0).get("executor").asText());
    assertEquals(3.0, Runs.seconds(exits.get(0)));
    assertEquals(
        List.of("TASK_STARTING", "TASK_RUNNING", "TASK_FINISHED"),
        r.ofType("TASK_STATUS").stream().map(e -> e.get("state").asText()).toList());
  }

  @Test
  void offerTimeoutRescindsUnusedOffers() {
    // A hold framework never answers. Each offer's timeout was armed when it was made, before the
    // tick of the same instant was scheduled, so the rescind comes first and that tick re-offers:
    // offers at 0, 10, 20; rescinds at 10, 20.
    Runs r =
        Runs.run(
            """
            duration: 25s
            master: {offer_timeout: 10s}
            agents:
              - {id: a, resources: {cpus: 4, mem: 1024}}
            frameworks:
              - {id: h, behaviour: hold}
            """);
    assertEquals(List.of(0.0, 10.0, 20.0), times(r.ofType("OFFER")));
    List<JsonNode> rescinds = r.ofType("OFFER_RESCINDED");
    assertEquals(List.of(10.0, 20.0), times(rescinds));
    assertEquals("offer_timeout", rescinds.get(0).get("reason").asText());
  }

  @Test
  void anOperatorRemovingAnAgentEndsItsTasksAsGoneOrLost() {
    Runs r =
        Runs.run(
            """
            duration: 20s
            agents:
              - {id: a, resources: {cpus: 8, mem: 4096}}
            frameworks:
              - {id: plain, behaviour: batch, tasks: {count: 1, resources: {cpus: 1, mem: 256}, duration: 1h}}
              - {id: aware, behaviour: batch, capabilities: [PARTITION_AWARE],
                 tasks: {count: 1, resources: {cpus: 1, mem: 256}, duration: 1h}}
            actions:
              - {at: 10s, remove_agent: a}
            """);
    JsonNode removed = r.ofType("AGENT_REMOVED").get(0);
    assertEquals("removed_by_operator", removed.get("reason").asText());
    assertEquals(10.0, Runs.seconds(removed));
    List<JsonNode> ends = r.where(Runs.type("TASK_STATUS").and(e -> Runs.seconds(e) == 10.0));
    assertEquals(2, ends.size());
    for (JsonNode e : ends) {
      String expected =
          e.get("framework").asText().equals("aware") ? "TASK_GONE_BY_OPERATOR" : "TASK_LOST";
      assertEquals(expected, e.get("state").asText());
    }
  }

  @Test
  void authenticationAndAclsRefuseRegistrations() {
    Runs r =
        Runs.run(
            """
            duration: 5s
            master:
              credentials: [{principal: alice, secret: s3cret}, {principal: bob, secret: pw}]
              acls: [{principal: alice, roles: [analytics]}, {principal: bob, roles: [web]}]
            agents:
              - {id: a, resources: {cpus: 4, mem: 1024}}
            frameworks:
              - {id: ok, role: analytics, principal: alice, secret: s3cret, behaviour: hold}
              - {id: wrong-secret, role: analytics, principal: alice, secret: guess, behaviour: hold}
              - {id: no-principal, role: analytics, behaviour: hold}
              - {id: wrong-role, role: analytics, principal: bob, secret: pw, behaviour: hold}
            """);
    assertEquals(
        List.of("ok"),
        r.ofType("FRAMEWORK_ADDED").stream().map(e -> e.get("framework").asText()).toList());
    List<JsonNode> refused = r.ofType("REGISTRATION_REFUSED");
    assertEquals(3, refused.size());
    assertTrue(refused.get(0).get("reason").asText().contains("wrong secret"));
    assertTrue(refused.get(1).get("reason").asText().contains("no principal"));
    assertTrue(
        refused.get(2).get("reason").asText().contains("may not register in role 'analytics'"));
  }

  @Test
  void frameworksWithEqualSharesTakeTurns() {
    // Mesos's SameShareFairness: two frameworks decline everything with no filter; after each
    // decline both shares are 0 again, so the allocation count decides and they alternate: over
    // ten ticks (0..9 s) each gets five offers.
    Runs r =
        Runs.run(
            """
            duration: 9s
            agents:
              - {id: a, resources: {cpus: 4, mem: 1024}}
            frameworks:
              - {id: f1, behaviour: decline, refuse_seconds: 0}
              - {id: f2, behaviour: decline, refuse_seconds: 0}
            """);
    List<String> order = r.ofType("OFFER").stream().map(e -> e.get("framework").asText()).toList();
    assertEquals(List.of("f1", "f2", "f1", "f2", "f1", "f2", "f1", "f2", "f1", "f2"), order);
  }

  @Test
  void theSummaryFollowsTheDrfPaperTimeline() throws Exception {
    // Shares (offers are answered at the instant they are made, so they add no time):
    //   A: 2/9 on [0,2), 4/9 on [2,4), 2/3 on [4,60] → (4/9 + 8/9 + 112/3) / 60 = 0.6444…
    //   B: 0 on [0,1), 1/3 on [1,3), 2/3 on [3,60]  → (2/3 + 38) / 60 = 0.6444…
    //   cpus allocated: 1, 4, 5, 8, then 9 from 4 s → (1 + 4 + 5 + 8 + 9·56) / 60 = 8.7
    Runs r =
        Runs.run(
            java.nio.file.Files.readString(java.nio.file.Path.of("../examples/drf-paper.yaml")));
    var summary = r.run.summary(new com.fasterxml.jackson.databind.ObjectMapper());
    assertEquals(348.0 / 9 / 60, summary.at("/frameworks/A/dominant_share_mean").asDouble(), 1e-9);
    assertEquals(
        (2.0 / 3 + 38) / 60, summary.at("/frameworks/B/dominant_share_mean").asDouble(), 1e-9);
    assertEquals(8.7, summary.at("/resources/cpus/allocated_mean").asDouble(), 1e-9);
    assertEquals(9.0, summary.at("/resources/cpus/allocated_peak").asDouble(), 1e-9);
    assertEquals(1.0, summary.at("/fairness/jain_dominant_share_final").asDouble(), 1e-9);
    // Waits (submitted at 0): A 0, 2, 4 and B 1, 3 → sorted 0..4, p50 = 2.
    assertEquals(2.0, summary.at("/wait_seconds/p50").asDouble(), 1e-9);
    assertEquals(5, summary.at("/tasks/by_final_state/TASK_RUNNING").asInt());
  }

  @Test
  void aCrashedExecutorTakesItsTasksWithIt() {
    // As Mesos's agent reports it: under the command executor the task fails, under a custom
    // executor its tasks are lost, both with REASON_EXECUTOR_TERMINATED, and the executor exits
    // with status 137 (killed). The batch frameworks retry the tasks at once.
    Runs r =
        Runs.run(
            """
            duration: 2m
            agents:
              - {id: a, resources: {cpus: 4, mem: 4096}}
            frameworks:
              - {id: b, behaviour: batch, tasks: {count: 1, resources: {cpus: 1, mem: 512}, duration: 60s}}
              - {id: c, behaviour: batch, tasks: {count: 2, resources: {cpus: 1, mem: 256}, duration: 60s,
                 executor: {id: ex, resources: {cpus: 0.5, mem: 128}}}}
            faults:
              - {at: 20s, crash_executor: b-0, agent: a}
              - {at: 30s, crash_executor: ex, agent: a}
            """);
    List<String> ends =
        r.ofType("TASK_STATUS").stream()
            .filter(e -> "REASON_EXECUTOR_TERMINATED".equals(e.get("reason").asText()))
            .map(
                e -> Runs.seconds(e) + " " + e.get("task").asText() + " " + e.get("state").asText())
            .toList();
    assertEquals(List.of("20.0 b-0 TASK_FAILED", "30.0 c-0 TASK_LOST", "30.0 c-1 TASK_LOST"), ends);
    List<String> exits =
        r.ofType("EXECUTOR_EXITED").stream()
            .filter(e -> e.get("status").asInt() == 137)
            .map(e -> Runs.seconds(e) + " " + e.get("executor").asText())
            .toList();
    assertEquals(List.of("20.0 b-0", "30.0 ex"), exits);
    assertEquals(
        List.of("b-0-r1", "c-0-r1", "c-1-r1"),
        r.ofType("TASK_LAUNCHED").stream()
            .map(e -> e.get("task").asText())
            .filter(t -> t.endsWith("-r1"))
            .toList());
  }

  @Test
  void statusUpdatesGetThroughHeavyMessageLoss() {
    // The 8 tasks start at 0 s (they fill both agents) and end at 15 s, while half of all
    // messages are lost (1 s to 60 s). Status updates are acknowledged and sent again every 10 s
    // (agent to master, master to framework), so the framework learns of all 8 ends and the job
    // completes; sent once, all 16 would get through with probability 2^-16. The run's end check
    // (each framework's view of its live tasks agrees with the master's) passes too.
    Runs r =
        Runs.run(
            """
            seed: 5
            agents:
              - {id: a, count: 2, resources: {cpus: 4, mem: 4096}}
            frameworks:
              - {id: b, behaviour: batch, tasks: {count: 8, resources: {cpus: 1, mem: 256}, duration: 15s}}
            faults:
              - {at: 1s, drop_messages: 0.5, until: 60s}
            """);
    assertTrue(r.result.drained(), "the batch job finished");
    assertEquals(
        8,
        r.ofType("TASK_STATUS").stream()
            .filter(e -> e.get("state").asText().equals("TASK_FINISHED"))
            .count());
  }
}
