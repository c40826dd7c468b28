package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The policies and placement strategies on narrated scenarios. */
class PolicyScenarioTest {
  /** Two frameworks that want everything: tasks <1, 1 GB> on one agent <8, 8 GB>. */
  private static final String GREEDY_PAIR =
      """
      duration: 20s
      allocator: {policy: %s}
      agents:
        - {id: a, resources: {cpus: 8, mem: 8192}}
      frameworks:
        - {id: first, behaviour: batch, refuse_seconds: 0,
           tasks: {count: 100, resources: {cpus: 1, mem: 1024}, duration: 1h, max_per_offer: 1}}
        - {id: second, behaviour: batch, refuse_seconds: 0,
           tasks: {count: 100, resources: {cpus: 1, mem: 1024}, duration: 1h, max_per_offer: 1}}
      """;

  @Test
  void drfSplitsTheAgentBetweenEqualFrameworks() {
    // Equal shares alternate (share, then allocation count, then name): 4 tasks each on 8 CPUs.
    Runs r = Runs.run(GREEDY_PAIR.formatted("drf"));
    assertEquals(4, r.launched("first"));
    assertEquals(4, r.launched("second"));
  }

  @Test
  void fifoGivesEverythingToTheFirstRegistered() {
    // The first framework is always first in line, so every offer, one task at a time, is its.
    Runs r = Runs.run(GREEDY_PAIR.formatted("fifo"));
    assertEquals(8, r.launched("first"));
    assertEquals(0, r.launched("second"));
  }

  @Test
  void packingHandsTheAgentToTheWorkThatFillsItBest() {
    // Agent <8, 8 GB>. Under DRF "a-small" (name order, both at share 0) would get the agent first
    // and launch one <1, 1 GB> task. Packing scores "big" <8, 8 GB>: 1·1 + 1·1 = 2 against
    // a-small's 1/8·1 + 1/8·1 = 0.25, so big gets the agent and fills it.
    String scenario =
        """
        duration: 1s
        allocator: {policy: %s}
        agents:
          - {id: a, resources: {cpus: 8, mem: 8192}}
        frameworks:
          - {id: a-small, behaviour: batch, tasks: {count: 1, resources: {cpus: 1, mem: 1024}, duration: 1h}}
          - {id: big, behaviour: batch, start: 0s, tasks: {count: 1, resources: {cpus: 8, mem: 8192}, duration: 1h}}
        """;
    // The demand reaches the master with the registration burst, before the first run.
    Runs packing = Runs.run(scenario.formatted("packing"));
    assertEquals(1, packing.launched("big"));
    assertEquals(0, packing.launched("a-small"));
    Runs drf = Runs.run(scenario.formatted("drf"));
    assertEquals(1, drf.launched("a-small"));
    assertEquals(0, drf.launched("big"));
  }

  @Test
  void spreadVisitsTheLeastLoadedAgentFirst() {
    // "busy" holds 3 of a's 4 CPUs from t=0 (it is the only framework then, and a is the only
    // agent). b joins at 5 s, idle. At 10 s "newcomer" registers and the run visits b (load 0)
    // before a (load 0.75): b's whole offer goes to newcomer first.
    String scenario =
        """
        duration: 10s
        allocator: {policy: spread}
        agents:
          - {id: a, resources: {cpus: 4, mem: 4096}}
          - {id: b, start: 5s, resources: {cpus: 4, mem: 4096}}
        frameworks:
          - {id: busy, behaviour: batch, tasks: {count: 3, resources: {cpus: 1, mem: 512}, duration: 1h}}
          - {id: newcomer, start: 10s, behaviour: hold}
        """;
    Runs r = Runs.run(scenario);
    List<JsonNode> offers = r.offersTo("newcomer");
    assertEquals("b", offers.get(0).get("agent").asText());
  }

  /** One framework, one task of <2, 2 GB>; both agents are offered to it in the same run. */
  private static String placement(String strategy) {
    return """
        duration: 1s
        agents:
          - {id: big, resources: {cpus: 8, mem: 8192}}
          - {id: small, resources: {cpus: 2, mem: 2048}}
        frameworks:
          - {id: f, behaviour: batch, placement: %s,
             tasks: {count: 1, resources: {cpus: 2, mem: 2048}, duration: 1h}}
        """
        .formatted(strategy);
  }

  private static String placedOn(Runs r) {
    return r.ofType("TASK_LAUNCHED").get(0).get("agent").asText();
  }

  @Test
  void bestFitTakesTheTightestOfferAndWorstFitTheRoomiest() {
    // Room left after the task, as fractions of the offer: big (6/8 + 6/8) = 1.5, small 0 + 0 = 0.
    assertEquals("small", placedOn(Runs.run(placement("best-fit"))));
    assertEquals("big", placedOn(Runs.run(placement("worst-fit"))));
  }

  @Test
  void firstFitTakesTheFirstOfferThatFitsAndRandomDependsOnTheSeed() {
    Runs first = Runs.run(placement("first-fit"));
    List<JsonNode> offers = first.ofType("OFFER");
    assertEquals(offers.get(0).get("agent").asText(), placedOn(first));
    // Over a few seeds, random placement uses both agents.
    java.util.Set<String> seen = new java.util.TreeSet<>();
    for (long seed = 1; seed <= 12; seed++) {
      seen.add(placedOn(Runs.run(Runs.scenario(placement("random")).withSeed(seed))));
    }
    assertEquals(java.util.Set.of("big", "small"), seen);
  }
}
