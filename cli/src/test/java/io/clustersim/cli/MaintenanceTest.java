package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Maintenance and inverse offers (mesos-allocator-semantics.md §11), narrated. */
class MaintenanceTest {
  private static List<String> inverse(Runs r) {
    return r.ofType("INVERSE_OFFER").stream()
        .map(
            e ->
                Runs.seconds(e) + " " + e.get("framework").asText() + " " + e.get("agent").asText())
        .toList();
  }

  @Test
  void frameworksUsingTheAgentAreAskedToGiveItBack() {
    // Agent a runs b's batch task and s's service instance; c is idle and holds nothing on a.
    // At 10 s maintenance is scheduled on a (from 60 s, for 10 min): the run it triggers sends
    // inverse offers to b and s, not c. b accepts, s declines, both with a 5 s filter: the filter
    // covers 10..15 s, so the next inverse offers go out at the 16 s tick.
    Runs r =
        Runs.run(
            """
            duration: 17s
            agents:
              - {id: a, resources: {cpus: 4, mem: 4096}}
            frameworks:
              - {id: b, behaviour: batch, tasks: {count: 1, resources: {cpus: 1, mem: 512}, duration: 1h}}
              - {id: s, behaviour: service, service: {instances: 1, resources: {cpus: 1, mem: 512}}}
              - {id: c, behaviour: decline, refuse_seconds: 1000}
            actions:
              - {at: 10s, schedule_maintenance: {agents: [a], start: 60s, duration: 10m}}
            """);
    assertEquals(List.of("10.0 b a", "10.0 s a", "16.0 b a", "16.0 s a"), inverse(r));
    JsonNode first = r.ofType("INVERSE_OFFER").get(0);
    assertEquals(60_000_000, first.get("start").asLong());
    assertEquals(600, first.get("duration").asInt());
    assertEquals(
        List.of("INVERSE_OFFER_ACCEPTED b", "INVERSE_OFFER_DECLINED s"),
        r.where(e -> e.get("type").asText().startsWith("INVERSE_OFFER_")).stream()
            .limit(2)
            .map(e -> e.get("type").asText() + " " + e.get("framework").asText())
            .toList());
  }
}
