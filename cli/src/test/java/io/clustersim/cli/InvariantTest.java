package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clustersim.allocators.HierarchicalAllocator;
import io.clustersim.allocators.sorter.FairShareSorter;
import io.clustersim.allocators.sorter.Share;
import io.clustersim.core.allocator.Allocation;
import io.clustersim.core.allocator.AllocatorContext;
import io.clustersim.core.cluster.ClusterSimulation;
import io.clustersim.core.cluster.InvariantViolation;
import io.clustersim.workloads.behaviour.Behaviours;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The master catches a broken allocator at the first bad offer and names the event. */
class InvariantTest {
  /** A DRF allocator whose every offer batch is sent twice: the second is a double offer. */
  static final class DoubleOffering extends HierarchicalAllocator {
    DoubleOffering() {
      super(
          (random, options) -> new FairShareSorter(options, Share.DOMINANT, true),
          (random, options) -> new FairShareSorter(options, Share.DOMINANT));
    }

    @Override
    public void initialize(AllocatorContext c) {
      super.initialize(
          new AllocatorContext(
              c.simulation(),
              c.random(),
              c.options(),
              (fw, allocations) -> {
                c.sink().offer(fw, allocations);
                c.sink().offer(fw, List.<Allocation>copyOf(allocations));
              }));
    }
  }

  @Test
  void aDoubleOfferStopsTheRunWithTheSequenceNumberOfTheFirstOffer() throws Exception {
    var scenario =
        Runs.scenario(
            """
            duration: 10s
            agents:
              - {id: a, resources: {cpus: 4, mem: 4096}}
            frameworks:
              - {id: h, behaviour: hold}
            """);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    ClusterSimulation sim =
        new ClusterSimulation(scenario, new DoubleOffering(), new Behaviours(), log, List.of());
    InvariantViolation v = assertThrows(InvariantViolation.class, sim::run);
    String[] lines = log.toString(StandardCharsets.UTF_8).split("\n");
    JsonNode lastLogged = new ObjectMapper().readTree(lines[lines.length - 1]);
    // The first copy was logged as an OFFER; the second is refused before it is logged.
    assertEquals("OFFER", lastLogged.get("type").asText());
    assertEquals(lastLogged.get("seq").asLong(), v.seq());
    assertTrue(v.getMessage().contains("exceeds what is free on agent a"), v.getMessage());
    assertTrue(v.getMessage().contains("offered cpus:4;mem:4096"), v.getMessage());
  }
}
