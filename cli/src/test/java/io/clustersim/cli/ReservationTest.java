package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dynamic reservations by frameworks (RESERVE in an accept) and by operators, narrated. */
class ReservationTest {
  private static List<String> offered(Runs r, String framework) {
    return r.offersTo(framework).stream()
        .map(e -> Runs.seconds(e) + " " + e.get("resources"))
        .toList();
  }

  @Test
  void aFrameworkReservesWhatItsTaskUsesAndTheReservationOutlivesTheTask() {
    // t=0: b (role web) gets the whole agent <4, 4 GB>, reserves <1, 1 GB> for web and launches
    // its task on the reservation. The task ends at 5 s; the reservation stays in the agent's
    // total. At 10 s "o" (role other) registers and is offered only the unreserved <3, 3 GB>.
    Runs r =
        Runs.run(
            """
            duration: 12s
            agents:
              - {id: a, resources: {cpus: 4, mem: 4096}}
            frameworks:
              - {id: b, role: web, behaviour: batch, reserve: true,
                 tasks: {count: 1, resources: {cpus: 1, mem: 1024}, duration: 5s}}
              - {id: o, role: other, start: 10s, behaviour: hold}
            """);
    JsonNode reserved = r.ofType("RESERVED").get(0);
    assertEquals("b", reserved.get("framework").asText());
    assertEquals("{\"cpus(web)\":1,\"mem(web)\":1024}", reserved.get("resources").toString());
    JsonNode launch = r.ofType("TASK_LAUNCHED").get(0);
    assertEquals("{\"cpus(web)\":1,\"mem(web)\":1024}", launch.get("resources").toString());
    assertEquals(List.of("10.0 {\"cpus\":3,\"mem\":3072}"), offered(r, "o"));
  }

  @Test
  void operatorsReserveAndUnreserveFreeResourcesRescindingOffersFirst() {
    // h (role other) holds the whole agent from 0 s. At 2 s an operator reserves 2 CPUs for web:
    // h's offer is rescinded so they are free, the agent's total changes, and the 2 s tick offers
    // h the rest. At 4 s the operator unreserves them: again the offer is rescinded and h is
    // offered the whole agent. At 6 s a request for 8 CPUs fails: the agent has 4.
    Runs r =
        Runs.run(
            """
            duration: 7s
            agents:
              - {id: a, resources: {cpus: 4, mem: 4096}}
            frameworks:
              - {id: h, role: other, behaviour: hold}
            actions:
              - {at: 2s, reserve: {agent: a, role: web, resources: {cpus: 2}}}
              - {at: 4s, unreserve: {agent: a, role: web, resources: {cpus: 2}}}
              - {at: 6s, reserve: {agent: a, role: web, resources: {cpus: 8}}}
            """);
    assertEquals(
        List.of(
            "0.0 {\"cpus\":4,\"mem\":4096}",
            "2.0 {\"cpus\":2,\"mem\":4096}",
            "4.0 {\"cpus\":4,\"mem\":4096}",
            "6.0 {\"cpus\":4,\"mem\":4096}"),
        offered(r, "h"));
    assertEquals(
        List.of("operator_reserve", "operator_unreserve", "operator_reserve"),
        r.ofType("OFFER_RESCINDED").stream().map(e -> e.get("reason").asText()).toList());
    assertEquals(1, r.ofType("RESERVED").size());
    assertEquals(1, r.ofType("UNRESERVED").size());
    JsonNode failed = r.ofType("OPERATION_FAILED").get(0);
    assertEquals("RESERVE", failed.get("operation").asText());
    assertEquals(6.0, Runs.seconds(failed));
  }

  @Test
  void aFrameworkGivesItsReservationBack() {
    // keeper (role web) holds the agent, whose 2 CPUs an operator reserved for web at 0 s; at 3 s
    // keeper unreserves what it holds; the rest goes back unfiltered and the 3 s tick offers
    // "o" (role other) the whole agent, the reservation gone.
    Runs r =
        Runs.run(
            """
            duration: 4s
            agents:
              - {id: a, resources: {cpus: 4, mem: 4096}, reserved: {web: {cpus: 2}}}
            frameworks:
              - {id: keeper, role: web, behaviour: hold}
              - {id: o, role: other, start: 1s, behaviour: hold}
            actions:
              - {at: 3s, framework: keeper, do: unreserve}
            """);
    JsonNode unreserved = r.ofType("UNRESERVED").get(0);
    assertEquals("keeper", unreserved.get("framework").asText());
    assertEquals(List.of("3.0 {\"cpus\":4,\"mem\":4096}"), offered(r, "o"));
  }
}
