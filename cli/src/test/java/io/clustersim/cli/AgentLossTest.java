package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Agent health checks with Mesos's defaults: a ping every agent_ping_timeout (15 s), removal after
 * max_agent_ping_timeouts (5) consecutive misses, so 75 s after the first unanswered ping.
 */
class AgentLossTest {
  static final String BASE =
      """
      duration: 5m
      agents:
        - {id: a, resources: {cpus: 4, mem: 4096}}
        - {id: b, resources: {cpus: 4, mem: 4096}}
      frameworks:
        - {id: plain, behaviour: batch, tasks: {count: 1, resources: {cpus: 4, mem: 1024}, duration: 1h}}
        - {id: aware, behaviour: batch, capabilities: [PARTITION_AWARE],
           tasks: {count: 1, resources: {cpus: 4, mem: 1024}, duration: 1h}}
      """;

  private static double removedAt(Runs r, String agent) {
    List<JsonNode> removed = r.where(Runs.type("AGENT_REMOVED").and(Runs.field("agent", agent)));
    assertEquals(1, removed.size());
    assertEquals("unreachable", removed.get(0).get("reason").asText());
    return Runs.seconds(removed.get(0));
  }

  @Test
  void aSilentAgentIsRemovedAfterFiveMissedPings() {
    // Pings go out at 0, 15, 30, ... s. Agent a dies at 120 s, just before the 120 s ping (inputs
    // come before the master's timers at the same instant), so the pings of 120, 135, 150, 165 and
    // 180 go unanswered; the fifth miss is counted at 195 s = 120 + 75.
    // Agent b dies at 121 s: the 120 s ping was answered, the first missed one is sent at 135 s, so
    // b goes at 135 + 75 = 210 s.
    Runs r =
        Runs.run(
            BASE + "faults:\n  - {at: 120s, crash_agent: a}\n  - {at: 121s, crash_agent: b}\n");
    assertEquals(195.0, removedAt(r, "a"));
    assertEquals(210.0, removedAt(r, "b"));
  }

  @Test
  void tasksOnARemovedAgentAreLostOrUnreachableForPartitionAwareFrameworks() {
    Runs r = Runs.run(BASE + "faults:\n  - {at: 120s, partition: [a, b]}\n");
    assertEquals(195.0, removedAt(r, "a"));
    assertEquals(195.0, removedAt(r, "b"));
    JsonNode plain = last(r, "plain");
    JsonNode aware = last(r, "aware");
    assertEquals("TASK_LOST", plain.get("state").asText());
    assertEquals("REASON_SLAVE_REMOVED", plain.get("reason").asText());
    assertEquals(195.0, Runs.seconds(plain));
    assertEquals("TASK_UNREACHABLE", aware.get("state").asText());
    assertEquals(195.0, Runs.seconds(aware));
  }

  @Test
  void aLostTaskIsRetriedByItsBatchFrameworkOnAnotherAgent() {
    // The task starts on a (the only agent at 0 s); c joins at 100 s and stays idle. a dies at
    // 120 s and is removed at 195 s; the framework, suppressed since its only task launched,
    // queues the retry and revives, and a revive allocates at once: the retry lands on c at 195 s.
    Runs r =
        Runs.run(
            """
            duration: 5m
            agents:
              - {id: a, resources: {cpus: 4, mem: 4096}}
              - {id: c, start: 100s, resources: {cpus: 4, mem: 4096}}
            frameworks:
              - {id: plain, behaviour: batch, tasks: {count: 1, resources: {cpus: 4, mem: 1024}, duration: 1h}}
            faults:
              - {at: 120s, crash_agent: a}
            """);
    List<JsonNode> launches = r.ofType("TASK_LAUNCHED");
    assertEquals(2, launches.size());
    assertEquals("a", launches.get(0).get("agent").asText());
    assertEquals("plain-0-r1", launches.get(1).get("task").asText());
    assertEquals("c", launches.get(1).get("agent").asText());
    assertEquals(195.0, Runs.seconds(launches.get(1)));
  }

  private static JsonNode last(Runs r, String framework) {
    List<JsonNode> s = r.where(Runs.type("TASK_STATUS").and(Runs.field("framework", framework)));
    return s.get(s.size() - 1);
  }

  @Test
  void aHealedPartitionBringsTheAgentBackAndPartitionAwareTasksWithIt() {
    // Partitioned at 120 s, removed at 195 s. Each agent last heard a ping at 105 s, so it counts
    // the master lost at 105 + 75 = 180 s and registers again every 15 s: 180, 195 and 210 are
    // cut off; the partition heals at 220 s and the 225 s attempt gets through. The master adopts
    // the partition-aware framework's task again (TASK_UNREACHABLE -> TASK_RUNNING); the plain
    // framework's task was reported lost, and the agent is told to kill it.
    Runs r = Runs.run(BASE + "faults:\n  - {at: 120s, partition: [a, b], heal_after: 100s}\n");
    assertEquals(195.0, removedAt(r, "a"));
    List<JsonNode> added = r.where(Runs.type("AGENT_ADDED").and(Runs.field("agent", "a")));
    assertEquals(2, added.size());
    assertEquals(225.0, Runs.seconds(added.get(1)));
    List<JsonNode> aware = r.where(Runs.type("TASK_STATUS").and(Runs.field("framework", "aware")));
    JsonNode back = aware.get(aware.size() - 1);
    assertEquals("TASK_RUNNING", back.get("state").asText());
    assertEquals("REASON_AGENT_REREGISTERED", back.get("reason").asText());
    assertEquals(225.0, Runs.seconds(back));
    List<JsonNode> plain = r.where(Runs.type("TASK_STATUS").and(Runs.field("task", "plain-0")));
    assertEquals("TASK_LOST", plain.get(plain.size() - 1).get("state").asText());
  }

  @Test
  void checkpointedTasksSurviveAnAgentRestart() {
    // One agent crashes at 30 s and restarts at 50 s, before the master would remove it (75 s).
    // keep checkpoints: its 60 s task runs on and finishes 60 s after launch; keep40's 40 s task
    // ends while the agent is down and is reported finished when the agent is back at 50 s. drop
    // does not checkpoint: its task dies with the agent process and is lost at the re-registration.
    Runs r =
        Runs.run(
            """
            duration: 2m
            agents:
              - {id: a, resources: {cpus: 4, mem: 4096}}
            frameworks:
              - {id: keep, behaviour: batch, checkpoint: true,
                 tasks: {count: 1, resources: {cpus: 1, mem: 512}, duration: 60s}}
              - {id: keep40, behaviour: batch, checkpoint: true,
                 tasks: {count: 1, resources: {cpus: 1, mem: 512}, duration: 40s}}
              - {id: drop, behaviour: batch,
                 tasks: {count: 1, resources: {cpus: 1, mem: 512}, duration: 60s}}
            faults:
              - {at: 30s, crash_agent: a, restart_after: 20s}
            """);
    // The three frameworks get the agent in turn, one allocation run each (0, 1 and 2 s).
    double keepLaunched =
        Runs.seconds(
            r.where(Runs.type("TASK_LAUNCHED").and(Runs.field("framework", "keep"))).get(0));
    double keep40Launched =
        Runs.seconds(
            r.where(Runs.type("TASK_LAUNCHED").and(Runs.field("framework", "keep40"))).get(0));
    assertTrue(
        keep40Launched + 40 > 30 && keep40Launched + 40 < 50, "ends while the agent is down");
    JsonNode keep = last(r, "keep");
    assertEquals("TASK_FINISHED", keep.get("state").asText());
    assertEquals(keepLaunched + 60, Runs.seconds(keep));
    JsonNode keep40 = last(r, "keep40");
    assertEquals("TASK_FINISHED", keep40.get("state").asText());
    assertEquals(50.0, Runs.seconds(keep40));
    List<JsonNode> drop = r.where(Runs.type("TASK_STATUS").and(Runs.field("task", "drop-0")));
    JsonNode lost = drop.get(drop.size() - 1);
    assertEquals("TASK_LOST", lost.get("state").asText());
    assertEquals("REASON_SLAVE_RESTARTED", lost.get("reason").asText());
    assertEquals(50.0, Runs.seconds(lost));
  }

  @Test
  void slowMessagesCostPingsOnlyWhenNoPongArrivesForFiveTimeouts() {
    // From 60 s every message takes 20 s more: the pong to the 60 s ping arrives at 100 s, so the
    // checks at 75 and 90 s count misses, but any pong counts (as in Mesos), and from 105 s one
    // arrives in every 15 s window: the agents stay. With 60 s more, the first pong after 60 s
    // arrives at 180 s: the pings of 60, 75, 90, 105 and 120 s all go unanswered in time, and
    // the agents are removed at 60 + 75 = 135 s.
    Runs slow = Runs.run(BASE + "faults:\n  - {at: 60s, delay_messages: 20s, until: 4m}\n");
    assertEquals(0, slow.ofType("AGENT_REMOVED").size());
    Runs slower = Runs.run(BASE + "faults:\n  - {at: 60s, delay_messages: 60s, until: 4m}\n");
    assertEquals(135.0, removedAt(slower, "a"));
    assertEquals(135.0, removedAt(slower, "b"));
  }

  @Test
  void aReturningAgentsCustomExecutorIsBookedAgainWithItsTasks() {
    // Three tasks (1 cpu, 512 MiB each) share a custom executor (1 cpu, 256 MiB): the agent is
    // full on cpus. Partitioned at 10 s, removed at 85 s, back at 135 s with its tasks adopted
    // (partition-aware). At 5 min a new framework is offered what is left: no cpus, and 4096 -
    // 3 × 512 - 256 = 2304 MiB; without the executor booked it would get 1 cpu and 2560 MiB.
    Runs r =
        Runs.run(
            """
            duration: 6m
            agents:
              - {id: a, resources: {cpus: 4, mem: 4096}}
            frameworks:
              - {id: job, behaviour: batch, capabilities: [PARTITION_AWARE],
                 tasks: {count: 3, resources: {cpus: 1, mem: 512}, duration: 1h,
                         executor: {id: exec, resources: {cpus: 1, mem: 256}}}}
              - {id: other, behaviour: hold, start: 5m}
            faults:
              - {at: 10s, partition: [a], heal_after: 2m}
            """);
    assertEquals(3, r.where(Runs.field("reason", "REASON_AGENT_REREGISTERED")).size());
    List<JsonNode> offers = r.offersTo("other");
    assertEquals(1, offers.size());
    assertEquals("{\"mem\":2304}", offers.get(0).get("resources").toString());
  }
}
