package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A state dump at a sequence number against the state the event log implies up to the dump's last
 * event, worked out here from the log alone: outstanding offers (offered, not yet accepted,
 * declined or rescinded), live tasks and their last status, and each agent's offered and allocated
 * resources as sums of those.
 */
class StateDumpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCENARIO =
      """
      seed: 3
      duration: 5m
      agents:
        - {id: a, count: 4, resources: {cpus: 8, mem: 16384}}
      frameworks:
        - {id: etl, behaviour: batch, refuse_seconds: 2,
           tasks: {count: 40, resources: {cpus: 1, mem: 1024}, duration: 30s, max_per_offer: 2}}
        - {id: web, behaviour: service, service: {instances: 4, resources: {cpus: 2, mem: 4096}}}
        - {id: idle, behaviour: decline, refuse_seconds: 7}
      """;

  @TempDir Path dir;

  private List<String> runTo(long seq, Path events, Path state) throws IOException {
    Path scenario = dir.resolve("s.yaml");
    Files.writeString(scenario, SCENARIO);
    Cli.Outcome r =
        Cli.exec(
            "run",
            "--scenario",
            scenario.toString(),
            "--until-seq",
            Long.toString(seq),
            "--events",
            events.toString(),
            "--dump-state",
            state.toString());
    assertEquals(0, r.status(), r.err());
    return Files.readAllLines(events, StandardCharsets.UTF_8);
  }

  private static Map<String, Double> amounts(JsonNode resources) {
    Map<String, Double> m = new TreeMap<>();
    resources.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asDouble()));
    return m;
  }

  private static void add(Map<String, Map<String, Double>> perAgent, String agent, JsonNode r) {
    Map<String, Double> m = perAgent.computeIfAbsent(agent, k -> new TreeMap<>());
    amounts(r).forEach((k, v) -> m.merge(k, v, Double::sum));
  }

  private static Map<String, Double> nonZero(Map<String, Double> m) {
    Map<String, Double> out = new TreeMap<>();
    m.forEach(
        (k, v) -> {
          if (Math.abs(v) > 1e-9) {
            out.put(k, v);
          }
        });
    return out;
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 37, 150, 420})
  void theDumpIsTheStateTheLogImplies(long seq) throws IOException {
    Path events = dir.resolve("e.jsonl");
    Path statePath = dir.resolve("state.json");
    List<String> log = runTo(seq, events, statePath);
    JsonNode state = JSON.readTree(statePath.toFile());
    long last = state.get("last_seq").asLong();
    assertTrue(last >= seq, "stops at or just after the asked event");
    assertEquals(last + 1, log.size(), "the log ends with the dump's last event");

    Map<String, JsonNode> offers = new TreeMap<>();
    Map<String, JsonNode> launched = new TreeMap<>();
    Map<String, String> taskState = new TreeMap<>();
    for (String line : log) {
      JsonNode e = JSON.readTree(line);
      switch (e.get("type").asText()) {
        case "OFFER" -> offers.put(e.get("offer").asText(), e);
        case "OFFER_ACCEPTED", "OFFER_DECLINED", "OFFER_RESCINDED" ->
            offers.remove(e.get("offer").asText());
        case "TASK_LAUNCHED" -> {
          launched.put(e.get("task").asText(), e);
          taskState.put(e.get("task").asText(), "TASK_STAGING");
        }
        case "TASK_STATUS" -> taskState.put(e.get("task").asText(), e.get("state").asText());
        default -> {}
      }
    }
    assertEquals(offers.keySet(), ids(state.get("offers"), "id"));
    for (JsonNode o : state.get("offers")) {
      JsonNode logged = offers.get(o.get("id").asText());
      assertEquals(logged.get("agent").asText(), o.get("agent").asText());
      assertEquals(amounts(logged.get("resources")), amounts(o.get("resources")));
    }

    Map<String, String> live = new TreeMap<>();
    Map<String, Map<String, Double>> allocated = new TreeMap<>();
    taskState.forEach(
        (task, st) -> {
          if (!List.of("TASK_FINISHED", "TASK_FAILED", "TASK_KILLED", "TASK_LOST", "TASK_ERROR")
              .contains(st)) {
            live.put(task, st);
            JsonNode l = launched.get(task);
            add(allocated, l.get("agent").asText(), l.get("resources"));
          }
        });
    Map<String, String> dumpedLive = new TreeMap<>();
    for (JsonNode t : state.get("tasks")) {
      String task = t.get("id").asText();
      assertEquals(taskState.get(task), t.get("state").asText(), "task " + task);
      if (live.containsKey(task)) {
        dumpedLive.put(task, t.get("state").asText());
      }
    }
    assertEquals(live, dumpedLive);

    Map<String, Map<String, Double>> offered = new TreeMap<>();
    offers.values().forEach(o -> add(offered, o.get("agent").asText(), o.get("resources")));
    for (JsonNode a : state.get("agents")) {
      String id = a.get("id").asText();
      assertEquals(
          nonZero(offered.getOrDefault(id, Map.of())), nonZero(amounts(a.get("offered"))), id);
      assertEquals(
          nonZero(allocated.getOrDefault(id, Map.of())), nonZero(amounts(a.get("allocated"))), id);
    }
  }

  private static java.util.Set<String> ids(JsonNode array, String field) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    array.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }

  @Test
  void stoppingEarlyDoesNotChangeTheRunUpToThere() throws IOException {
    Path scenario = dir.resolve("s.yaml");
    Files.writeString(scenario, SCENARIO);
    Path full = dir.resolve("full.jsonl");
    assertEquals(
        0,
        Cli.exec("run", "--scenario", scenario.toString(), "--events", full.toString()).status());
    List<String> all = Files.readAllLines(full, StandardCharsets.UTF_8);
    List<String> part = runTo(300, dir.resolve("part.jsonl"), dir.resolve("st.json"));
    assertEquals(all.subList(0, part.size()), part);
    Cli.Outcome until =
        Cli.exec(
            "run",
            "--scenario",
            scenario.toString(),
            "--until",
            "45s",
            "--events",
            dir.resolve("t.jsonl").toString());
    assertEquals(0, until.status(), until.err());
    List<String> byTime = Files.readAllLines(dir.resolve("t.jsonl"), StandardCharsets.UTF_8);
    assertEquals(all.subList(0, byTime.size()), byTime);
    long lastTime = JSON.readTree(byTime.get(byTime.size() - 1)).get("t").asLong();
    long nextTime = JSON.readTree(all.get(byTime.size())).get("t").asLong();
    assertTrue(lastTime <= 45_000_000 && nextTime > 45_000_000, lastTime + " " + nextTime);
  }

  @Test
  void theStateCommandPrintsTheTables() throws IOException {
    Path statePath = dir.resolve("state.json");
    runTo(150, dir.resolve("e.jsonl"), statePath);
    Cli.Outcome r = Cli.exec("state", statePath.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("state at "), r.out());
    for (String title :
        List.of("Agents (4)", "Frameworks (3)", "Sorters", "Offers (", "Tasks (", "Refusal")) {
      assertTrue(r.out().contains(title), title + " in\n" + r.out());
    }
    // The page has the same tables: one row per agent, framework, offer, task and filter, plus a
    // header row for each table that has rows.
    JsonNode state = JSON.readTree(statePath.toFile());
    Path page = dir.resolve("state.html");
    assertEquals(0, Cli.exec("state", statePath.toString(), "--html", page.toString()).status());
    String html = Files.readString(page);
    int rows = 0;
    int headers = 0;
    for (String key : List.of("agents", "frameworks", "offers", "tasks", "filters")) {
      rows += state.get(key).size();
      headers += state.get(key).isEmpty() ? 0 : 1;
    }
    assertEquals(rows + headers, html.split("<tr>", -1).length - 1, html);
    assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<h2>Agents (4)</h2>"), html);
    Files.writeString(dir.resolve("bad.json"), "{\"x\":1}");
    assertEquals(2, Cli.exec("state", dir.resolve("bad.json").toString()).status());
  }
}
