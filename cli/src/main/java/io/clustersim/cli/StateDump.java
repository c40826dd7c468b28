package io.clustersim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clustersim.core.allocator.AllocatorState;
import io.clustersim.core.cluster.ClusterState;
import io.clustersim.core.resources.Resource;
import io.clustersim.core.resources.Resources;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a {@link ClusterState} with the dominant shares of the summary: what {@code run
 * --dump-state} writes and {@code clustersim state} reads. Resources are written as in the event
 * log, an object of label to amount.
 */
final class StateDump {
  private StateDump() {}

  static ObjectNode toJson(
      ClusterState s,
      Map<String, Double> frameworkShares,
      Map<String, Double> roleShares,
      ObjectMapper json) {
    ObjectNode root = json.createObjectNode();
    root.put("time_us", s.timeMicros());
    root.put("last_seq", s.lastSeq());
    ArrayNode agents = root.putArray("agents");
    for (ClusterState.Agent a : s.agents()) {
      ObjectNode n = agents.addObject();
      n.put("id", a.id());
      n.set("total", resources(a.total(), json));
      n.set("reserved", resources(a.reserved(), json));
      n.set("offered", resources(a.offered(), json));
      n.set("allocated", resources(a.allocated(), json));
      n.set("available", resources(a.available(), json));
    }
    AllocatorState alloc = s.allocator();
    ArrayNode frameworks = root.putArray("frameworks");
    for (ClusterState.Framework f : s.frameworks()) {
      ObjectNode n = frameworks.addObject();
      n.put("id", f.id());
      n.put("role", f.role());
      n.put("active", f.active());
      n.put("suppressed", alloc.suppressed().contains(f.id()));
      n.put("dominant_share", frameworkShares.getOrDefault(f.id(), 0.0));
      n.put("offers", f.offers());
      n.put("tasks", f.tasks());
    }
    ObjectNode roles = root.putObject("role_shares");
    roleShares.forEach(roles::put);
    ArrayNode offers = root.putArray("offers");
    for (ClusterState.Offer o : s.offers()) {
      ObjectNode n = offers.addObject();
      n.put("id", o.id());
      n.put("framework", o.framework());
      n.put("agent", o.agent());
      n.put("role", o.role());
      n.set("resources", resources(o.resources(), json));
    }
    ArrayNode tasks = root.putArray("tasks");
    for (ClusterState.Task t : s.tasks()) {
      ObjectNode n = tasks.addObject();
      n.put("id", t.id());
      n.put("framework", t.framework());
      n.put("agent", t.agent());
      n.put("state", t.state());
      n.set("resources", resources(t.resources(), json));
    }
    ObjectNode sorters = root.putObject("sorters");
    ArrayNode roleOrder = sorters.putArray("roles");
    alloc.roleOrder().forEach(roleOrder::add);
    ObjectNode fwOrder = sorters.putObject("frameworks");
    alloc.frameworkOrder().forEach((role, ids) -> add(fwOrder.putArray(role), ids));
    ArrayNode filters = root.putArray("filters");
    for (AllocatorState.Filter f : alloc.filters()) {
      ObjectNode n = filters.addObject();
      n.put("agent", f.agent());
      n.put("framework", f.framework());
      n.set("refused", resources(f.refused(), json));
      n.put("until_us", f.untilMicros());
    }
    return root;
  }

  private static void add(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static JsonNode resources(Resources r, ObjectMapper json) {
    ObjectNode n = json.createObjectNode();
    for (Resource e : r.entries()) {
      if (e.isScalar()) {
        n.put(e.label(), new BigDecimal(e.valueText()));
      } else {
        n.put(e.label(), e.valueText());
      }
    }
    return n;
  }
}
