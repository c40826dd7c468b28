package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Roles, weights and quota through the whole cluster, narrated step by step. Expected values follow
 * the rules in mesos-allocator-semantics.md §4–§7 and the Mesos tests named in each case.
 */
class QuotaAndWeightsTest {
  private static List<String> offered(Runs r, String framework) {
    return r.offersTo(framework).stream().map(e -> e.get("resources").toString()).toList();
  }

  @Test
  void weightsScaleShares() {
    // One agent of 12 CPUs; roles a (weight 2) and b (weight 1) each run a framework that takes
    // one <1 CPU> task per offer. Weighted shares n_a/12/2 and n_b/12 are equalised, the allocation
    // count breaking ties: a ends with 8 tasks and b with 4 (both at 1/3).
    Runs r =
        Runs.run(
            """
            duration: 30s
            allocator:
              roles: [{name: a, weight: 2}, {name: b}]
            agents:
              - {id: s, resources: {cpus: 12, mem: 12288}}
            frameworks:
              - {id: fa, role: a, behaviour: batch, refuse_seconds: 0,
                 tasks: {count: 100, resources: {cpus: 1, mem: 1}, duration: 1h, max_per_offer: 1}}
              - {id: fb, role: b, behaviour: batch, refuse_seconds: 0,
                 tasks: {count: 100, resources: {cpus: 1, mem: 1}, duration: 1h, max_per_offer: 1}}
            """);
    assertEquals(8, r.launched("fa"));
    assertEquals(4, r.launched("fb"));
  }

  @Test
  void anUnmetGuaranteeHoldsBackHeadroomEvenWithoutFrameworks() {
    // QuotaAbsentFrameworkWholeAgent: role q is guaranteed <2 CPU, 1 GB> and has no framework.
    // Two agents of <2, 1 GB>. required headroom <2, 1 GB>; available <4, 2 GB>. The first agent
    // visited goes whole to "greedy" (available - required = <2, 1 GB> covers it); for the second,
    // available - required is empty, so nothing is offered: greedy holds exactly one agent.
    Runs r =
        Runs.run(
            """
            duration: 10s
            allocator:
              roles:
                - {name: q, quota: {guarantee: {cpus: 2, mem: 1024}}}
                - {name: other}
            agents:
              - {id: a, count: 2, resources: {cpus: 2, mem: 1024}}
            frameworks:
              - {id: greedy, role: other, behaviour: hold}
            """);
    assertEquals(List.of("{\"cpus\":2,\"mem\":1024}"), offered(r, "greedy"));
  }

  @Test
  void aGuaranteedRoleIsServedFirstAndMayTakeWhatTheHeadroomLeaves() {
    // As above; at 5 s a framework registers in q. Stage 1: q's unmet guarantee is <2 CPU, 1 GB>;
    // the free agent has <2, 1 GB>: g = shrink(<2, 1 GB>, <2, 1 GB>) = all of it. qf gets the
    // agent at once (framework add triggers a run).
    Runs r =
        Runs.run(
            """
            duration: 10s
            allocator:
              roles:
                - {name: q, quota: {guarantee: {cpus: 2, mem: 1024}}}
                - {name: other}
            agents:
              - {id: a, count: 2, resources: {cpus: 2, mem: 1024}}
            frameworks:
              - {id: greedy, role: other, behaviour: hold}
              - {id: qf, role: q, start: 5s, behaviour: hold}
            """);
    List<JsonNode> qf = r.offersTo("qf");
    assertEquals(1, qf.size());
    assertEquals(5.0, Runs.seconds(qf.get(0)));
    assertEquals("{\"cpus\":2,\"mem\":1024}", qf.get(0).get("resources").toString());
  }

  @Test
  void aLimitChopsAnAgentAndTheRestGoesToOthers() {
    // QuotaProvidesLimit: q is limited to 1 CPU (memory unlimited). At 0 s only qf is there: it is
    // offered <1 CPU, 4 GB>. At 5 s "other" registers and gets the 3 CPUs left.
    Runs r =
        Runs.run(
            """
            duration: 10s
            allocator:
              roles:
                - {name: q, quota: {limit: {cpus: 1}}}
                - {name: o}
            agents:
              - {id: a, resources: {cpus: 4, mem: 4096}}
            frameworks:
              - {id: qf, role: q, behaviour: hold}
              - {id: other, role: o, start: 5s, behaviour: hold}
            """);
    assertEquals(List.of("{\"cpus\":1,\"mem\":4096}"), offered(r, "qf"));
    assertEquals(List.of("{\"cpus\":3}"), offered(r, "other"));
  }

  @Test
  void unusedReservationsCountAsQuotaConsumption() {
    // ReservationUnallocated: q is limited to 2 CPUs and holds a static reservation of 2 CPUs.
    // Consumption = the reservation (2) even unused, so no unreserved CPU is left under the
    // limit: qf is offered its reserved CPUs and the (unlimited) memory only.
    Runs r =
        Runs.run(
            """
            duration: 5s
            allocator:
              roles:
                - {name: q, quota: {limit: {cpus: 2}}}
            agents:
              - {id: a, resources: {cpus: 6, mem: 1024}, reserved: {q: {cpus: 2}}}
            frameworks:
              - {id: qf, role: q, behaviour: hold}
            """);
    assertEquals(List.of("{\"cpus(q)\":2,\"mem\":1024}"), offered(r, "qf"));
  }

  @Test
  void reservedResourcesGoOnlyToTheirRoleAndItsSubRoles() {
    // ReservedDRF: 2 CPUs reserved to "eng". A framework in "ops" sees only the unreserved part;
    // one in "eng/web" (a sub-role) sees the reservation too.
    Runs r =
        Runs.run(
            """
            duration: 5s
            agents:
              - {id: a, resources: {cpus: 4, mem: 1024}, reserved: {eng: {cpus: 2}}}
            frameworks:
              - {id: ops, role: ops, behaviour: hold}
              - {id: web, role: eng/web, start: 2s, behaviour: hold}
            """);
    assertEquals(List.of("{\"cpus\":2,\"mem\":1024}"), offered(r, "ops"));
    assertEquals(List.of("{\"cpus(eng)\":2}"), offered(r, "web"));
  }

  @Test
  void changingAWeightRescindsOutstandingOffers() {
    Runs r =
        Runs.run(
            """
            duration: 5s
            allocator:
              roles: [{name: a}]
            agents:
              - {id: s, resources: {cpus: 4, mem: 1024}}
            frameworks:
              - {id: h, role: a, behaviour: hold}
            actions:
              - {at: 2s, set_weight: {role: a, weight: 3}}
            """);
    List<JsonNode> rescinds = r.ofType("OFFER_RESCINDED");
    assertEquals(1, rescinds.size());
    assertEquals("weights_updated", rescinds.get(0).get("reason").asText());
    assertEquals(2.0, Runs.seconds(rescinds.get(0)));
    // Re-offered by the 2 s tick itself: scenario actions come before the master's timers at the
    // same instant.
    assertEquals(2.0, Runs.seconds(r.ofType("OFFER").get(1)));
  }

  @Test
  void perFrameworkMinAllocatableOverridesTheMasters() {
    // The agent has 0.5 CPU and 16 MB, enough for the master's default cpus:0.01|mem:32 (the CPUs
    // pass). "picky" demands at least 1 CPU of its own, so it is never offered the agent.
    Runs r =
        Runs.run(
            """
            duration: 3s
            agents:
              - {id: a, resources: {cpus: 0.5, mem: 16}}
            frameworks:
              - {id: picky, behaviour: hold, min_allocatable: [{cpus: 1}]}
              - {id: plain, behaviour: hold, start: 1s}
            """);
    assertEquals(0, offered(r, "picky").size());
    assertEquals(1, offered(r, "plain").size());
  }
}
