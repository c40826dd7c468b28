package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Oversubscription on one 4-core agent, with every time following from the settings. prod holds 2
 * cores from 1 s (its first allocation) but uses 0.5 until 120 s into its run, then 2; be runs a
 * revocable 1.5-core task that uses all of it; prod2 launches a regular 2-core task at 100 s. The
 * estimator runs every 15 s from the agent's start, the QoS controller every second.
 */
class OversubscriptionTest {
  private static String scenario(String oversubscription) {
    return "seed: 1\nduration: 200s\n"
        + "oversubscription: "
        + oversubscription
        + "\n"
        + "agents: [{id: a, resources: {cpus: 4, mem: 8192}}]\n"
        + "frameworks:\n"
        + "  - {id: prod, behaviour: batch, tasks: {count: 1, resources: {cpus: 2, mem: 1024},"
        + " duration: 300s, usage: [{at: 0s, cpus: 0.5}, {at: 120s, cpus: 2}]}}\n"
        + "  - {id: prod2, behaviour: batch, start: 100s, tasks: {count: 1,"
        + " resources: {cpus: 2, mem: 1024}, duration: 300s}}\n"
        + "  - {id: be, behaviour: batch, refuse_seconds: 1, capabilities: [REVOCABLE_RESOURCES],"
        + " tasks: {count: 1, resources: {cpus: 1.5, mem: 512}, duration: 1000s, revocable: true}}\n";
  }

  private static double revocableCpus(JsonNode e) {
    JsonNode r = e.get("resources").get("cpus{REV}");
    return r == null ? 0 : r.asDouble();
  }

  @Test
  void revocableCpuAppearsWhenUsageDropsAndIsReclaimedWhenItRises() {
    Runs r = Runs.run(scenario("{interval: 15s, qos_interval: 1s}"));
    List<JsonNode> updates = r.ofType("AGENT_UPDATED");
    // 15 s: prod holds 2 and uses 0.5: 1.5 cores of slack become revocable.
    assertEquals(15.0, Runs.seconds(updates.get(0)));
    assertEquals(1.5, revocableCpus(updates.get(0)), 1e-9);
    // be launches on them at once (the update triggers an allocation on the agent).
    JsonNode beLaunch = r.where(Runs.type("TASK_LAUNCHED").and(Runs.field("task", "be-0"))).get(0);
    assertEquals(15.0, Runs.seconds(beLaunch));
    assertEquals(1.5, revocableCpus(beLaunch), 1e-9);
    assertTrue(beLaunch.get("resources").get("cpus") == null, "no regular CPU taken");
    // A regular task still launches on the regular CPU left while be runs.
    JsonNode prod2 =
        r.where(Runs.type("TASK_LAUNCHED").and(Runs.field("framework", "prod2"))).get(0);
    assertEquals(100.0, Runs.seconds(prod2));
    // prod wants its 2 cores from 1 + 120 = 121 s: 2 + 2 + 1.5 > 4, so be is evicted at the
    // QoS controller's tick then, TASK_LOST / REASON_CONTAINER_PREEMPTED as Mesos reports it.
    JsonNode evicted =
        r.where(Runs.type("TASK_STATUS").and(Runs.field("task", "be-0"))).stream()
            .filter(e -> e.get("state").asText().equals("TASK_LOST"))
            .findFirst()
            .orElseThrow();
    assertEquals(121.0, Runs.seconds(evicted));
    assertEquals("REASON_CONTAINER_PREEMPTED", evicted.get("reason").asText());
    // The next estimate (135 s) finds no slack: the revocable CPU is gone from the agent.
    JsonNode gone = updates.get(updates.size() - 1);
    assertEquals(135.0, Runs.seconds(gone));
    assertEquals(0, revocableCpus(gone), 1e-9);
    // prod and prod2 run on untouched.
    assertEquals(
        0,
        r
            .where(Runs.type("TASK_STATUS").and(Runs.field("reason", "REASON_CONTAINER_PREEMPTED")))
            .stream()
            .filter(e -> !e.get("framework").asText().equals("be"))
            .count());
  }

  @Test
  void theExampleEvictsRevocableTasksWhenTheServicesGetBusy() throws Exception {
    Runs r = Runs.run(ScenarioRun.load(java.nio.file.Path.of("../examples/oversubscription.yaml")));
    // The web instances want all their 4 cores from 10 to 20 minutes: evictions happen then only.
    List<JsonNode> evicted = r.where(Runs.field("reason", "REASON_CONTAINER_PREEMPTED"));
    assertTrue(!evicted.isEmpty());
    for (JsonNode e : evicted) {
      assertEquals("analytics", e.get("framework").asText());
      double t = Runs.seconds(e);
      assertTrue(t >= 600 && t < 1200, "evicted at " + t);
    }
  }

  @Test
  void theSafetyMarginIsKeptBack() {
    // 1.5 cores of slack less a 1-core margin: 0.5 revocable, too little for be's 1.5.
    Runs r = Runs.run(scenario("{interval: 15s, safety_margin: {cpus: 1}}"));
    assertEquals(0.5, revocableCpus(r.ofType("AGENT_UPDATED").get(0)), 1e-9);
    assertEquals(0, r.launched("be"));
  }

  @Test
  void theFixedEstimatorOffersAFixedAmountWhateverTheUsage() {
    Runs r = Runs.run(scenario("{estimator: fixed, fixed: {cpus: 3}, interval: 15s}"));
    assertEquals(3.0, revocableCpus(r.ofType("AGENT_UPDATED").get(0)), 1e-9);
  }

  @Test
  void withoutAQosControllerNothingIsEvicted() {
    Runs r = Runs.run(scenario("{qos_controller: none}"));
    assertEquals(1, r.launched("be"));
    assertTrue(r.where(Runs.field("reason", "REASON_CONTAINER_PREEMPTED")).isEmpty());
  }

  @Test
  void aFrameworkWithoutTheCapabilityGetsNoRevocableCpu() {
    Runs r =
        Runs.run(
            scenario("{interval: 15s}")
                .replace(
                    "{id: prod2, behaviour: batch, start: 100s,",
                    "{id: prod2, behaviour: batch, start: 20s,"));
    for (JsonNode o : r.offersTo("prod2")) {
      assertEquals(0, revocableCpus(o), 1e-9, o.toString());
    }
    assertTrue(r.offersTo("prod2").size() > 0);
  }
}
