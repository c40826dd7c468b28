package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clustersim.allocators.Policies;
import io.clustersim.core.allocator.Allocation;
import io.clustersim.core.allocator.Allocator;
import io.clustersim.core.allocator.AllocatorContext;
import io.clustersim.core.allocator.Quota;
import io.clustersim.core.cluster.AgentInfo;
import io.clustersim.core.cluster.ClusterSimulation;
import io.clustersim.core.cluster.InvariantViolation;
import io.clustersim.core.framework.Filters;
import io.clustersim.core.framework.FrameworkInfo;
import io.clustersim.core.resources.Resources;
import io.clustersim.workloads.behaviour.Behaviours;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The master catches a broken allocator at the first bad offer and names the event. */
class InvariantTest {
  /** A DRF allocator whose every offer batch is sent twice: the second is a double offer. */
  static final class DoubleOffering implements Allocator {
    private final Allocator drf = Policies.create("drf");

    @Override
    public void initialize(AllocatorContext c) {
      drf.initialize(
          new AllocatorContext(
              c.simulation(),
              c.random(),
              c.options(),
              (fw, allocations) -> {
                c.sink().offer(fw, allocations);
                c.sink().offer(fw, List.<Allocation>copyOf(allocations));
              }));
    }

    @Override
    public void addFramework(FrameworkInfo f, Map<String, Resources> used, boolean active) {
      drf.addFramework(f, used, active);
    }

    @Override
    public void removeFramework(String id) {
      drf.removeFramework(id);
    }

    @Override
    public void activateFramework(String id) {
      drf.activateFramework(id);
    }

    @Override
    public void deactivateFramework(String id) {
      drf.deactivateFramework(id);
    }

    @Override
    public void addAgent(AgentInfo a, Resources total, Map<String, Resources> used) {
      drf.addAgent(a, total, used);
    }

    @Override
    public void removeAgent(String id) {
      drf.removeAgent(id);
    }

    @Override
    public void updateAgent(String id, Resources total) {
      drf.updateAgent(id, total);
    }

    @Override
    public void activateAgent(String id) {
      drf.activateAgent(id);
    }

    @Override
    public void deactivateAgent(String id) {
      drf.deactivateAgent(id);
    }

    @Override
    public void recoverResources(String fw, String agent, Resources r, Filters f) {
      drf.recoverResources(fw, agent, r, f);
    }

    @Override
    public void updateAllocation(String fw, String agent, Resources from, Resources to) {
      drf.updateAllocation(fw, agent, from, to);
    }

    @Override
    public void updateUnavailability(String agent, long start, long duration) {
      drf.updateUnavailability(agent, start, duration);
    }

    @Override
    public void updateInverseOffer(String fw, String agent, boolean accepted, Filters filters) {
      drf.updateInverseOffer(fw, agent, accepted, filters);
    }

    @Override
    public void suppressOffers(String fw) {
      drf.suppressOffers(fw);
    }

    @Override
    public void reviveOffers(String fw) {
      drf.reviveOffers(fw);
    }

    @Override
    public void updateWeight(String role, double weight) {
      drf.updateWeight(role, weight);
    }

    @Override
    public void updateQuota(String role, Quota quota) {
      drf.updateQuota(role, quota);
    }

    @Override
    public Resources offeredOrAllocated(String agent) {
      return drf.offeredOrAllocated(agent);
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
