package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Refusal filters as Mesos's allocator applies them (hierarchical.cpp, RefusedOfferFilter). */
class OfferFilterTest {
  private static List<Double> offerTimes(Runs r, String framework) {
    return r.offersTo(framework).stream().map(Runs::seconds).toList();
  }

  private static String decliner(String interval, String refuse) {
    return """
        duration: 20s
        master: {allocation_interval: %s}
        agents:
          - {id: a, resources: {cpus: 4, mem: 4096}}
        frameworks:
          - {id: d, behaviour: decline%s}
        """
        .formatted(interval, refuse == null ? "" : ", refuse_seconds: " + refuse);
  }

  @Test
  void aDeclineWithoutRefuseSecondsFiltersForMesossDefaultFiveSeconds() {
    // Offered at 0 (framework added), declined at 0: filtered through 5 s, and the 5 s tick is
    // still covered (a real decline lands just after the run that made the offer), so the next
    // offer goes out at the 6 s tick; then 12, 18.
    Runs r = Runs.run(decliner("1s", null));
    assertEquals(List.of(0.0, 6.0, 12.0, 18.0), offerTimes(r, "d"));
    assertEquals(5.0, r.ofType("OFFER_DECLINED").get(0).get("refuse_seconds").asDouble());
  }

  @Test
  void oneDeclineOfSeveralOffersFiltersEachOfThem() {
    // The decline behaviour answers a batch of offers with one DECLINE naming them all (the v1
    // API's repeated offer_ids). Each of the three agents is filtered for 3 s, so, as for one
    // agent with 5 s above, all three come back at the 4 s tick, then 8, 12, 16, 20.
    Runs r =
        Runs.run(
            """
            duration: 20s
            agents:
              - {id: a, resources: {cpus: 4, mem: 4096}}
              - {id: b, resources: {cpus: 2, mem: 2048}}
              - {id: c, resources: {cpus: 1, mem: 1024}}
            frameworks:
              - {id: d, behaviour: decline, refuse_seconds: 3}
            """);
    List<Double> expected = new java.util.ArrayList<>();
    for (double t : new double[] {0, 4, 8, 12, 16, 20}) {
      expected.addAll(List.of(t, t, t));
    }
    assertEquals(expected, offerTimes(r, "d"));
    List<JsonNode> declines = r.ofType("OFFER_DECLINED");
    assertEquals(18, declines.size());
    for (JsonNode d : declines) {
      assertEquals(3.0, d.get("refuse_seconds").asDouble());
    }
  }

  @Test
  void refuseSecondsZeroSetsNoFilter() {
    // Every 1 s tick offers the agent again: 0, 1, ..., 20.
    Runs r = Runs.run(decliner("1s", "0"));
    assertEquals(21, offerTimes(r, "d").size());
  }

  @Test
  void aFilterLastsAtLeastOneAllocationInterval() {
    // interval 2 s, refuse 0.5 s: the filter lasts max(2, 0.5) = 2 s (MESOS-4302), so the 2 s
    // tick is filtered and the agent comes back at 4 s. Without the minimum it would be offered at
    // every tick: 0, 2, 4, ...
    Runs r = Runs.run(decliner("2s", "0.5"));
    assertEquals(List.of(0.0, 4.0, 8.0, 12.0, 16.0, 20.0), offerTimes(r, "d"));
  }

  @Test
  void aFilterBlocksOnlySubsetsOfWhatWasRefused() {
    // t=0: busy and picky tie at share 0 and count 0; "busy" < "picky", so busy gets the whole
    //      agent <4, 4096>, launches <2, 1024> for 10 s, returns the rest unfiltered, suppresses.
    // t=1: picky gets the rest <2, 3072> and refuses it for 1000 s.
    // t=2..9: the agent's available <2, 3072> is a subset of what picky refused: no offer.
    // t=10: the task ends; available <4, 4096> is more than was refused, so picky is offered it
    //      at once, 990 s before its filter would expire.
    Runs r =
        Runs.run(
            """
            duration: 30s
            agents:
              - {id: a, resources: {cpus: 4, mem: 4096}}
            frameworks:
              - {id: busy, behaviour: batch, refuse_seconds: 0,
                 tasks: {count: 1, resources: {cpus: 2, mem: 1024}, duration: 10s}}
              - {id: picky, behaviour: decline, refuse_seconds: 1000}
            """);
    List<JsonNode> offers = r.offersTo("picky");
    assertEquals(List.of(1.0, 10.0), offers.stream().map(Runs::seconds).toList());
    assertEquals("{\"cpus\":2,\"mem\":3072}", offers.get(0).get("resources").toString());
    assertEquals("{\"cpus\":4,\"mem\":4096}", offers.get(1).get("resources").toString());
  }

  @Test
  void reviveClearsFilters() {
    // Declined at 0 for 1000 s; the revive at 3.5 s clears the filter and allocates at once.
    Runs r =
        Runs.run(
            """
            duration: 5s
            agents:
              - {id: a, resources: {cpus: 4, mem: 4096}}
            frameworks:
              - {id: d, behaviour: decline, refuse_seconds: 1000}
            actions:
              - {at: 3500ms, framework: d, do: revive}
            """);
    assertEquals(List.of(0.0, 3.5), offerTimes(r, "d"));
  }
}
