package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Machine types and placement constraints on attributes: two V100 boxes on rack r1 and three small
 * ARM machines on rack r2.
 */
class HardwareTest {
  private static final String CLUSTER =
      "seed: 1\n"
          + "machine_types:\n"
          + "  - {name: gpu-box, resources: {cpus: 8, mem: 16384, gpus: 2}, gpu_model: V100,"
          + " attributes: {platform: x86}}\n"
          + "  - {name: small, resources: {cpus: 2, mem: 4096}, attributes: {platform: arm}}\n"
          + "agents:\n"
          + "  - {id: g, count: 2, type: gpu-box, attributes: {rack: r1}}\n"
          + "  - {id: s, count: 3, type: small, attributes: {rack: r2}}\n";

  private static Runs batch(String constraints, String extra) {
    return Runs.run(
        CLUSTER
            + "frameworks:\n"
            + "  - {id: job, behaviour: batch, capabilities: [GPU_RESOURCES], constraints: "
            + constraints
            + extra
            + ", tasks: {count: 6, resources: {cpus: 1, mem: 256}, duration: 30s}}\n");
  }

  private static Set<String> agentsUsed(Runs r) {
    Set<String> agents = new TreeSet<>();
    r.ofType("TASK_LAUNCHED").forEach(e -> agents.add(e.get("agent").asText()));
    return agents;
  }

  @Test
  void agentsTakeTheirTypesResources() {
    Runs r = batch("[]", "");
    Map<String, JsonNode> added = new HashMap<>();
    r.ofType("AGENT_ADDED").forEach(e -> added.put(e.get("agent").asText(), e.get("resources")));
    assertEquals(8, added.get("g-1").get("cpus").asDouble());
    assertEquals(2, added.get("g-1").get("gpus").asDouble());
    assertEquals(2, added.get("s-2").get("cpus").asDouble());
    assertTrue(added.get("s-2").get("gpus") == null);
  }

  @Test
  void clusterAndLikeKeepTasksOnMatchingAgents() {
    assertEquals(Set.of("s-0", "s-1", "s-2"), agentsUsed(batch("[[platform, CLUSTER, arm]]", "")));
    // Best fit puts 1-core tasks where they leave least room: the 2-core small machines (half
    // left) before the 8-core boxes (7/8 left); the six tasks fill the three small machines...
    assertEquals(Set.of("s-0", "s-1", "s-2"), agentsUsed(batch("[]", ", placement: best-fit")));
    // ... unless a constraint keeps them to the GPU boxes, where best fit stacks them on the box
    // it started with (which one depends on the offers' order).
    for (String c : List.of("[[gpu_model, LIKE, 'V1.*']]", "[[rack, UNLIKE, r2]]")) {
      Set<String> used = agentsUsed(batch(c, ", placement: best-fit"));
      assertEquals(1, used.size(), c + ": " + used);
      assertTrue(Set.of("g-0", "g-1").containsAll(used), c + ": " + used);
    }
    // hostname is the agent id.
    assertEquals(Set.of("s-1"), agentsUsed(batch("[[hostname, CLUSTER, s-1]]", "")));
  }

  @Test
  void uniqueAndMaxPerLimitLiveTasksPerAttributeValue() {
    // UNIQUE hostname on the three small machines: three tasks at a time, the others after them.
    Runs unique = batch("[[platform, CLUSTER, arm], [hostname, UNIQUE]]", "");
    assertEquals(3, maxLivePer(unique, "agent"), "one live task per agent");
    assertEquals(6, unique.where(Runs.field("state", "TASK_FINISHED")).size());
    // MAX_PER 2 per rack: at most two live tasks on r1 and two on r2.
    Runs maxPer = batch("[[rack, MAX_PER, '2']]", "");
    Map<String, String> rackOf =
        Map.of("g-0", "r1", "g-1", "r1", "s-0", "r2", "s-1", "r2", "s-2", "r2");
    assertEquals(2, maxLive(maxPer, e -> rackOf.get(e.get("agent").asText())));
    assertEquals(6, maxPer.where(Runs.field("state", "TASK_FINISHED")).size());
  }

  /** Most tasks live at once, over all agents, when each agent holds at most one. */
  private static int maxLivePer(Runs r, String field) {
    Map<String, Integer> live = new HashMap<>();
    Map<String, String> where = new HashMap<>();
    int most = 0;
    for (JsonNode e : r.events) {
      if (e.get("type").asText().equals("TASK_LAUNCHED")) {
        String a = e.get(field).asText();
        where.put(e.get("task").asText(), a);
        int n = live.merge(a, 1, Integer::sum);
        assertTrue(n <= 1, a + " runs " + n);
        most = Math.max(most, live.values().stream().mapToInt(Integer::intValue).sum());
      } else if (e.get("type").asText().equals("TASK_STATUS")
          && e.get("state").asText().equals("TASK_FINISHED")) {
        live.merge(where.get(e.get("task").asText()), -1, Integer::sum);
      }
    }
    return most;
  }

  /** Most tasks live at once in one group. */
  private static int maxLive(Runs r, java.util.function.Function<JsonNode, String> group) {
    Map<String, Integer> live = new HashMap<>();
    Map<String, String> where = new HashMap<>();
    int most = 0;
    for (JsonNode e : r.events) {
      if (e.get("type").asText().equals("TASK_LAUNCHED")) {
        String g = group.apply(e);
        where.put(e.get("task").asText(), g);
        most = Math.max(most, live.merge(g, 1, Integer::sum));
      } else if (e.get("type").asText().equals("TASK_STATUS")
          && e.get("state").asText().equals("TASK_FINISHED")) {
        live.merge(where.get(e.get("task").asText()), -1, Integer::sum);
      }
    }
    return most;
  }
}
