package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The leading master crashes (fault {@code crash_master: leader}) with standbys: a new leader is
 * elected after {@code election_timeout} (10 s by default), agents and frameworks register with it,
 * the tasks run on through the failover, and agents that do not come back within
 * agent_reregister_timeout (10 min) are removed.
 */
class MasterFailoverTest {
  private static final String BASE =
      """
      master: {masters: 3}
      agents:
        - {id: a, count: 3, resources: {cpus: 4, mem: 4096}}
      frameworks:
        - {id: etl, behaviour: batch, tasks: {count: 20, resources: {cpus: 1, mem: 512}, duration: 25s}}
        - {id: web, behaviour: service, service: {instances: 2, resources: {cpus: 1, mem: 1024}}}
      """;

  @Test
  void aStandbyTakesOverAfterTheElectionTimeoutAndNothingIsLost() {
    Runs log = Runs.run("duration: 3m\n" + BASE + "faults:\n  - {at: 30s, crash_master: leader}\n");
    List<JsonNode> elected = log.ofType("MASTER_ELECTED");
    assertEquals(2, elected.size());
    assertEquals("master-1", elected.get(1).get("master").asText());
    assertEquals(40.0, Runs.seconds(elected.get(1)));
    List<JsonNode> back = log.ofType("AGENT_REREGISTERED");
    assertEquals(3, back.size());
    back.forEach(e -> assertEquals(40.0, Runs.seconds(e)));
    // The tasks launched at 25 s finish at 50 s under the new leader; nothing is lost or killed.
    assertTrue(
        log.ofType("TASK_STATUS").stream()
            .noneMatch(e -> e.get("state").asText().matches("TASK_(LOST|KILLED)")));
    JsonNode s = log.run.summary(new ObjectMapper());
    assertEquals(20, s.get("tasks").get("by_final_state").get("TASK_FINISHED").asInt());
    JsonNode fo = s.get("failures").get("master_failovers").get(0);
    assertEquals(30.0, fo.get("crashed_at_seconds").asDouble());
    assertEquals(3, fo.get("agents_to_reregister").asInt());
    assertEquals(10.0, fo.get("elected_after_seconds").asDouble());
    assertEquals(10.0, fo.get("all_agents_back_after_seconds").asDouble());
    assertTrue(fo.get("first_offer_after_seconds").asDouble() >= 10.0);
  }

  @Test
  void withNoStandbyUpTheFirstMasterBackLeadsAtOnce() {
    // Two masters. The first leader crashes for good at 30 s: the standby leads at 40 s. It
    // crashes at 60 s with no standby left; it is back at 60 + 50 = 110 s and, nobody leading,
    // leads at once.
    Runs r =
        Runs.run(
            "duration: 3m\n"
                + BASE.replace("masters: 3", "masters: 2")
                + "faults:\n"
                + "  - {at: 30s, crash_master: leader, restart_after: never}\n"
                + "  - {at: 60s, crash_master: leader, restart_after: 50s}\n");
    List<Double> elected = r.ofType("MASTER_ELECTED").stream().map(Runs::seconds).toList();
    assertEquals(List.of(0.0, 40.0, 110.0), elected);
    List<JsonNode> back = r.ofType("AGENT_REREGISTERED");
    assertEquals(6, back.size());
    assertEquals(110.0, Runs.seconds(back.get(5)));
  }

  @Test
  void aLoneMasterThatRestartsLeadsAgainWhenItIsBack() {
    Runs r =
        Runs.run(
            "duration: 2m\n"
                + BASE.replace("masters: 3", "masters: 1")
                + "faults:\n  - {at: 30s, crash_master: leader, restart_after: 20s}\n");
    List<Double> elected = r.ofType("MASTER_ELECTED").stream().map(Runs::seconds).toList();
    assertEquals(List.of(0.0, 50.0), elected);
    r.ofType("AGENT_REREGISTERED").forEach(e -> assertEquals(50.0, Runs.seconds(e)));
  }

  @Test
  void anAgentThatDoesNotComeBackIsRemovedAfterTheReregisterTimeout() {
    // a-2 dies at 35 s, during the election: the new leader (40 s) removes it at 40 s + 10 min.
    Runs r =
        Runs.run(
            "duration: 12m\n"
                + BASE
                + "faults:\n  - {at: 30s, crash_master: leader}\n  - {at: 35s, crash_agent: a-2}\n");
    List<JsonNode> removed = r.ofType("AGENT_REMOVED");
    assertEquals(1, removed.size());
    assertEquals("a-2", removed.get(0).get("agent").asText());
    assertEquals("reregister_timeout", removed.get(0).get("reason").asText());
    assertEquals(640.0, Runs.seconds(removed.get(0)));
  }

  private static double firstOfferAfter(String allocator, String lostAgents) {
    StringBuilder faults = new StringBuilder("faults:\n  - {at: 30s, crash_master: leader}\n");
    for (String a : lostAgents.split(",")) {
      if (!a.isEmpty()) {
        faults.append("  - {at: 35s, crash_agent: ").append(a).append("}\n");
      }
    }
    Runs r =
        Runs.run(
            """
            duration: 15m
            master: {masters: 3}
            %s
            agents:
              - {id: a, count: 5, resources: {cpus: 4, mem: 4096}}
            frameworks:
              - {id: q, role: q, behaviour: batch, tasks: {count: 500, resources: {cpus: 1, mem: 256}, duration: 1h}}
            %s"""
                .formatted(allocator, faults));
    JsonNode fo = r.run.summary(new ObjectMapper()).get("failures").get("master_failovers").get(0);
    return fo.get("first_offer_after_seconds").asDouble();
  }

  @Test
  void withQuotaTheNewLeaderWaitsForEightyPercentOfTheAgents() {
    String quota = "allocator: {roles: [{name: q, quota: {guarantee: {cpus: 2}}}]}";
    // 5 agents in the registry: allocation waits for floor(0.8 x 5) = 4 of them. With one lost
    // during the election, 4 come back at 40 s and offers resume at once (10 s after the crash);
    // with two lost, only 3 come back and offers wait for the 10 min recovery timeout: 610 s.
    // Without quota there is no wait.
    assertEquals(10.0, firstOfferAfter(quota, "a-4"));
    assertEquals(610.0, firstOfferAfter(quota, "a-3,a-4"));
    assertEquals(10.0, firstOfferAfter("", "a-3,a-4"));
  }
}
