package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Containerizers and isolation, with times that follow from the settings: a docker image of 1,000
 * MiB at 100 MiB/s takes 10 s to pull, a docker container 1 s more to start; a task whose memory
 * crosses its limit is killed then; a task that wants twice its CPU runs twice as long.
 */
class ContainerTest {
  private static final String CONTAINERS =
      "containers: {docker: {startup: 1s}, pull_bandwidth: 100, images: {big: 1000}}\n";

  /** Seconds from each task's TASK_STARTING to its TASK_RUNNING. */
  private static Map<String, Double> startLatency(Runs r) {
    Map<String, Double> starting = new HashMap<>();
    Map<String, Double> latency = new HashMap<>();
    for (JsonNode e : r.ofType("TASK_STATUS")) {
      String task = e.get("task").asText();
      String state = e.get("state").asText();
      if (state.equals("TASK_STARTING")) {
        starting.put(task, Runs.seconds(e));
      } else if (state.equals("TASK_RUNNING")) {
        latency.put(task, Runs.seconds(e) - starting.get(task));
      }
    }
    return latency;
  }

  @Test
  void aDockerImageIsPulledOncePerAgentAndThenCached() {
    // Two agents with room for two tasks each; six tasks of 30 s: four start at once (two per
    // agent, each agent pulling the image once, the second task waiting for the same pull), the
    // last two 30 s later on agents that have the image.
    Runs r =
        Runs.run(
            "seed: 1\n"
                + CONTAINERS
                + "agents: [{id: a, count: 2, containerizers: [mesos, docker],"
                + " resources: {cpus: 2, mem: 4096}}]\n"
                + "frameworks:\n"
                + "  - {id: job, behaviour: batch, tasks: {count: 6, resources: {cpus: 1, mem: 512},"
                + " duration: 30s, container: {type: docker, image: big}}}\n");
    List<JsonNode> pulls = r.ofType("IMAGE_PULL");
    assertEquals(2, pulls.size(), "one pull per agent");
    assertEquals(
        List.of("a-0", "a-1"), pulls.stream().map(p -> p.get("agent").asText()).sorted().toList());
    for (JsonNode p : pulls) {
      assertEquals("big", p.get("image").asText());
      assertEquals(10.0, p.get("seconds").asDouble(), 1e-9);
    }
    Map<String, Double> latency = startLatency(r);
    assertEquals(6, latency.size());
    long slow = latency.values().stream().filter(l -> Math.abs(l - 11.0) < 1e-9).count();
    long fast = latency.values().stream().filter(l -> Math.abs(l - 1.0) < 1e-9).count();
    assertEquals(4, slow, "first wave: 10 s pull + 1 s start " + latency);
    assertEquals(2, fast, "second wave: cached image, 1 s start " + latency);
    assertEquals(
        6, r.where(Runs.type("TASK_STATUS").and(Runs.field("state", "TASK_FINISHED"))).size());
  }

  @Test
  void aCheckpointedTaskWhoseContainerStartsWhileItsAgentIsDownIsReportedRunningOnItsReturn() {
    // Launched at 0 s (the framework's registration triggers an allocation); its image takes 10 s
    // and the container 1 s more, so it comes up at 11 s, while the agent is down (3 s to 30 s).
    // Reported when the agent is back.
    Runs r =
        Runs.run(
            "seed: 1\n"
                + CONTAINERS
                + "agents: [{id: a, containerizers: [docker], resources: {cpus: 2, mem: 4096}}]\n"
                + "frameworks:\n"
                + "  - {id: job, behaviour: batch, checkpoint: true, tasks: {count: 1,"
                + " resources: {cpus: 1, mem: 512}, duration: 60s,"
                + " container: {type: docker, image: big}}}\n"
                + "faults:\n  - {at: 3s, crash_agent: a, restart_after: 27s}\n");
    JsonNode running = r.where(Runs.field("state", "TASK_RUNNING")).get(0);
    assertEquals(30.0, Runs.seconds(running));
    assertEquals(0.0, Runs.seconds(r.ofType("TASK_LAUNCHED").get(0)));
    // It still ends 60 s after its container came up.
    assertEquals(71.0, Runs.seconds(r.where(Runs.field("state", "TASK_FINISHED")).get(0)));
  }

  @Test
  void aDockerTaskOnAnAgentWithoutDockerFailsToLaunch() {
    Runs r =
        Runs.run(
            "seed: 1\n"
                + "agents: [{id: a, resources: {cpus: 2, mem: 4096}}]\n"
                + "frameworks:\n"
                + "  - {id: job, behaviour: batch, tasks: {count: 1, resources: {cpus: 1, mem: 512},"
                + " duration: 30s, container: {type: docker, image: big}}}\n");
    List<JsonNode> failed =
        r.where(
            Runs.type("TASK_STATUS").and(Runs.field("reason", "REASON_CONTAINER_LAUNCH_FAILED")));
    // The batch framework retries a failed task three times: four failures, no run.
    assertEquals(4, failed.size());
    assertTrue(r.where(Runs.field("state", "TASK_RUNNING")).isEmpty());
  }

  @Test
  void aMesosContainerWithAnImagePullsItButStartsWithoutDockerLatency() {
    Runs r =
        Runs.run(
            "seed: 1\n"
                + CONTAINERS
                + "agents: [{id: a, resources: {cpus: 2, mem: 4096}}]\n"
                + "frameworks:\n"
                + "  - {id: job, behaviour: batch, tasks: {count: 1, resources: {cpus: 1, mem: 512},"
                + " duration: 30s, container: {type: mesos, image: small}}}\n");
    // "small" is not listed: the default 500 MiB at 100 MiB/s, 5 s; Mesos containers start at once.
    assertEquals(List.of(5.0), startLatency(r).values().stream().toList());
  }

  @Test
  void aTaskWhoseMemoryCrossesItsLimitIsKilledThen() {
    // 1024 MiB limit; uses 512 MiB, then 2048 MiB from 40 s of its run: OOM at 40 s, every try.
    String yaml =
        "seed: 1\n"
            + "agents: [{id: a, resources: {cpus: 2, mem: 4096}}]\n"
            + "frameworks:\n"
            + "  - {id: job, behaviour: batch, tasks: {count: 1, resources: {cpus: 1, mem: 1024},"
            + " duration: 60s, usage: [{at: 0s, mem: 512}, {at: 40s, mem: 2048}]}}\n";
    Runs r = Runs.run(yaml);
    Map<String, Double> running = new HashMap<>();
    int kills = 0;
    for (JsonNode e : r.ofType("TASK_STATUS")) {
      String task = e.get("task").asText();
      if (e.get("state").asText().equals("TASK_RUNNING")) {
        running.put(task, Runs.seconds(e));
      } else if (e.get("state").asText().equals("TASK_FAILED")) {
        assertEquals("REASON_CONTAINER_LIMITATION_MEMORY", e.get("reason").asText());
        assertEquals(40.0, Runs.seconds(e) - running.get(task), 1e-9, task);
        kills++;
      }
    }
    assertEquals(4, kills, "the first try and three retries");
    JsonNode summary = r.summary();
    assertEquals(4, summary.get("isolation").get("oom_kills").asLong());
  }

  @Test
  void aTaskUnderItsMemoryLimitIsNotKilled() {
    Runs r =
        Runs.run(
            "seed: 1\n"
                + "agents: [{id: a, resources: {cpus: 2, mem: 4096}}]\n"
                + "frameworks:\n"
                + "  - {id: job, behaviour: batch, tasks: {count: 1, resources: {cpus: 1, mem: 1024},"
                + " duration: 60s, usage: [{at: 0s, mem: 512}, {at: 40s, mem: 1024}]}}\n");
    assertEquals(1, r.where(Runs.field("state", "TASK_FINISHED")).size());
  }

  @Test
  void cpuAboveTheLimitIsThrottledNotKilled() {
    // One core; wants one core for 30 s of work, then three: the last 30 s of work take 90 s,
    // so 120 s in all, 60 s more than its duration.
    String yaml =
        "seed: 1\n"
            + "agents: [{id: a, resources: {cpus: 2, mem: 4096}}]\n"
            + "frameworks:\n"
            + "  - {id: job, behaviour: batch, tasks: {count: 1, resources: {cpus: 1, mem: 1024},"
            + " duration: 60s, usage: [{at: 0s, cpus: 1}, {at: 30s, cpus: 3}]}}\n";
    Runs r = Runs.run(yaml);
    double running = Runs.seconds(r.where(Runs.field("state", "TASK_RUNNING")).get(0));
    JsonNode finished = r.where(Runs.field("state", "TASK_FINISHED")).get(0);
    assertEquals(120.0, Runs.seconds(finished) - running, 1e-9);
    JsonNode throttled = r.ofType("TASK_THROTTLED").get(0);
    assertEquals(60.0, throttled.get("extra_seconds").asDouble(), 1e-9);
    JsonNode isolation = r.summary().get("isolation");
    assertEquals(1, isolation.get("throttled_tasks").asLong());
    assertEquals(60.0, isolation.get("throttled_extra_seconds").asDouble(), 1e-9);
    assertEquals(0, isolation.get("oom_kills").asLong());
  }
}
