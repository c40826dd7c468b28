package io.clustersim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clustersim.core.framework.Capability;
import io.clustersim.core.kernel.SimTime;
import io.clustersim.core.resources.Resources;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioLoaderTest {
  private static final ScenarioLoader LOADER =
      new ScenarioLoader(
          Set.of("drf", "random"),
          Set.of("batch", "service", "hold", "decline"),
          List.of("first-fit", "best-fit"));

  private static final String AGENTS = "agents:\n  - {id: a, resources: {cpus: 4, mem: 1024}}\n";

  private static Scenario load(String yaml) {
    return LOADER.parse("test.yaml", yaml);
  }

  @Test
  void theSpecsShapeLoadsWithEveryKeyUnderstood() {
    // spec/scenario.md's example, less what this version rejects explicitly (trace workloads,
    // master and framework crashes), with every other key present.
    String yaml =
        """
        seed: 42
        duration: 2h
        master:
          allocation_interval: 1s
          offer_timeout: null
          agent_ping_timeout: 15s
          max_agent_ping_timeouts: 5
          masters: 3
          election_timeout: 10s
          credentials: [{principal: alice, secret: s3cret}]
          acls: [{principal: alice, roles: [analytics]}]
        allocator:
          policy: drf
          min_allocatable: {cpus: 0.01, mem: 32}
          roles:
            - {name: analytics, weight: 2, quota: {guarantee: {cpus: 10, mem: 20480}, limit: {cpus: 40}}}
        agents:
          - id: a
            count: 2
            resources: {cpus: 8, mem: 16384, disk: 200000, gpus: 0, ports: "31000-32000"}
            reserved: {analytics: {cpus: 2, mem: 4096}}
            attributes: {rack: r1, zone: z1}
            start: 0s
        frameworks:
          - id: etl
            role: analytics
            principal: alice
            secret: s3cret
            start: 10s
            failover_timeout: 1w
            behaviour: batch
            refuse_seconds: 5
            tasks: {count: 100, resources: {cpus: 1, mem: 1024}, duration: 60s, max_per_offer: 10}
            capabilities: [GPU_RESOURCES, REVOCABLE_RESOURCES, PARTITION_AWARE]
        actions:
          - {at: 30s, add_agent: {id: late, resources: {cpus: 4, mem: 8192}}}
          - {at: 40s, remove_agent: a-1}
          - {at: 50s, set_weight: {role: analytics, weight: 3}}
          - {at: 60s, set_quota: {role: analytics, guarantee: {cpus: 4}, limit: {cpus: 8}}}
          - {at: 70s, framework: etl, do: return_offers}
          - {at: 71s, framework: etl, do: decline_offers, refuse_seconds: 2, agent: a-0}
          - {at: 72s, framework: etl, do: suppress}
        faults:
          - {at: 120s, crash_agent: a-0, restart_after: 60s}
          - {at: 200s, partition: [a-1], heal_after: 30s}
          - {at: 0s, drop_messages: 0.01, until: 1h}
        """;
    Scenario s = load(yaml);
    assertEquals(42, s.seed());
    assertEquals(2 * 3600 * SimTime.SECONDS, s.durationMicros());
    assertEquals(3, s.masters());
    assertEquals(List.of("a-0", "a-1"), s.agents().stream().map(Scenario.Agent::id).toList());
    // The reservation is carved out of the agent's resources.
    Resources a0 = s.agents().get(0).resources();
    assertEquals(8000, a0.milli("cpus"));
    assertEquals(2000, a0.reservedTo("analytics").milli("cpus"));
    assertEquals("31000-32000", a0.ranges("ports").toString());
    Scenario.Framework etl = s.frameworks().get(0);
    assertEquals(7 * 86400 * SimTime.SECONDS, etl.failoverTimeoutMicros());
    assertEquals(10 * SimTime.SECONDS, etl.startMicros());
    assertTrue(etl.capabilities().contains(Capability.PARTITION_AWARE));
    assertEquals(10, etl.tasks().maxPerOffer());
    assertEquals(2, s.allocator().minAllocatable().size());
    assertEquals(2.0, s.allocator().roles().get(0).weight());
    assertEquals("s3cret", s.master().credentials().get("alice"));
    assertEquals(7, s.actions().size());
    assertEquals(3, s.faults().size());
    assertEquals(SimTime.NEVER, s.master().offerTimeoutMicros());
  }

  @Test
  void defaultsAreMesosDefaults() {
    Scenario s = load("duration: 1m\n" + AGENTS);
    assertEquals(SimTime.SECONDS, s.allocator().allocationIntervalMicros());
    assertEquals(15 * SimTime.SECONDS, s.master().agentPingTimeoutMicros());
    assertEquals(5, s.master().maxAgentPingTimeouts());
    assertEquals(600 * SimTime.SECONDS, s.master().agentReregisterTimeoutMicros());
    assertEquals("drf", s.policy());
    assertEquals(0, s.networkDelayMicros());
  }

  @Test
  void durationsAcceptEveryUnit() {
    String yaml =
        "duration: 2h\nnetwork: {delay: 250ms}\nmaster: {allocation_interval: 1.5, election_timeout: 7d}\n"
            + AGENTS;
    Scenario s = load(yaml);
    assertEquals(250 * SimTime.MILLIS, s.networkDelayMicros());
    assertEquals(1_500_000, s.allocator().allocationIntervalMicros());
    assertEquals(7 * 86400 * SimTime.SECONDS, s.electionTimeoutMicros());
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of(
            "unknown top-level key",
            "duration: 1m\nsede: 4\n",
            "test.yaml:2:7: sede: unknown key 'sede'"),
        Arguments.of(
            "unknown nested key",
            "duration: 1m\nmaster:\n  allocation_intervall: 1s\n",
            "test.yaml:3:25: master.allocation_intervall: unknown key 'allocation_intervall'"),
        Arguments.of(
            "wrong type",
            "duration: 1m\nseed: forty\n",
            "test.yaml:2:7: seed: expected a whole number, found the string \"forty\""),
        Arguments.of(
            "wrong unit",
            "duration: 5 minutes\n",
            "test.yaml:1:11: duration: '5 minutes' is not a duration"),
        Arguments.of(
            "negative duration",
            "duration: -5s\n",
            "test.yaml:1:11: duration: a duration cannot be negative"),
        Arguments.of(
            "fault on unknown agent",
            "duration: 1m\n" + AGENTS + "faults:\n  - {at: 1s, crash_agent: b}\n",
            "test.yaml:5:27: faults[0].crash_agent: no agent 'b' is declared (agents: a)"),
        Arguments.of(
            "framework in undeclared role",
            "duration: 1m\nallocator:\n  roles: [{name: web}]\nframeworks:\n  - {id: f, role: etl, behaviour: hold}\n",
            "test.yaml:5:19: frameworks[0].role: role 'etl' is not declared in allocator.roles (declared: web)"),
        Arguments.of(
            "action on unknown framework",
            "duration: 1m\nactions:\n  - {at: 1s, framework: ghost, do: suppress}\n",
            "test.yaml:3:25: actions[0].framework: no framework 'ghost' is declared"),
        Arguments.of(
            "unknown policy",
            "duration: 1m\nallocator: {policy: fair}\n",
            "test.yaml:2:21: allocator.policy: unknown policy 'fair' (known:"),
        Arguments.of(
            "unknown behaviour",
            "duration: 1m\nframeworks:\n  - {id: f, behaviour: greedy}\n",
            "test.yaml:3:24: frameworks[0].behaviour: unknown behaviour 'greedy'"),
        Arguments.of(
            "missing required key",
            "duration: 1m\nagents:\n  - {id: a}\n",
            "test.yaml:3:5: agents[0]: missing required key 'resources'"),
        Arguments.of(
            "duplicate agent id",
            "duration: 1m\nagents:\n  - {id: a, resources: {cpus: 1}}\n  - {id: a, resources: {cpus: 1}}\n",
            "test.yaml:4:10: agents[1].id: agent id 'a' is used twice"),
        Arguments.of(
            "duplicate key",
            "duration: 1m\nseed: 1\nseed: 2\n",
            "test.yaml:3:1: seed: duplicate key 'seed'"),
        Arguments.of(
            "reservation above resources",
            "duration: 1m\nagents:\n  - {id: a, resources: {cpus: 1}, reserved: {r: {cpus: 2}}}\n",
            "agents[0].reserved: reservations cpus:2 exceed the agent's resources cpus:1"),
        Arguments.of(
            "fractional gpus",
            "duration: 1m\nagents:\n  - {id: a, resources: {gpus: 0.5}}\n",
            "agents[0].resources.gpus: gpus must be a whole number"),
        Arguments.of(
            "batch without tasks",
            "duration: 1m\nframeworks:\n  - {id: f, behaviour: batch}\n",
            "frameworks[0].behaviour: behaviour 'batch' needs a 'tasks' section"),
        Arguments.of(
            "no duration and no finite work",
            "agents:\n  - {id: a, resources: {cpus: 1}}\n",
            "test.yaml: 'duration' is required unless"),
        Arguments.of(
            "ping timeout outside Mesos's range",
            "duration: 1m\nmaster: {agent_ping_timeout: 20m}\n",
            "master.agent_ping_timeout: must be between 1s and 15m"),
        Arguments.of(
            "unknown capability",
            "duration: 1m\nframeworks:\n  - {id: f, behaviour: hold, capabilities: [GPU]}\n",
            "frameworks[0].capabilities[0]: unknown capability 'GPU'"),
        Arguments.of(
            "action without a kind",
            "duration: 1m\nactions:\n  - {at: 1s}\n",
            "actions[0]: an action needs one of"),
        Arguments.of(
            "a master crash without a standby",
            "duration: 1m\nfaults:\n  - {at: 1s, crash_master: leader}\n",
            "faults[0].crash_master: crash_master needs a standby: set master.masters to 2"),
        Arguments.of(
            "a master crash of a standby",
            "duration: 1m\nmaster: {masters: 3}\nfaults:\n  - {at: 1s, crash_master: master-2}\n",
            "faults[0].crash_master: only the leader can crash (crash_master: leader)"),
        Arguments.of(
            "a link to nobody",
            "duration: 1m\n" + AGENTS + "faults:\n  - {at: 1s, drop_messages: 1, link: {to: b}}\n",
            "test.yaml:5:43: faults[0].link.to: a link end is master, an agent or a framework;"
                + " no 'b' is declared (agents: a; frameworks: none)"),
        Arguments.of(
            "a link without ends",
            "duration: 1m\nfaults:\n  - {at: 1s, duplicate_messages: 0.1, link: {}}\n",
            "faults[0].link: a link needs 'from', 'to' or both"),
        Arguments.of(
            "a link from an end to itself",
            "duration: 1m\n"
                + AGENTS
                + "faults:\n  - {at: 1s, delay_messages: 1s, link: {from: a, to: a}}\n",
            "faults[0].link: a link joins two different ends"),
        Arguments.of(
            "a duplication rate above 1",
            "duration: 1m\nfaults:\n  - {at: 1s, duplicate_messages: 2}\n",
            "faults[0].duplicate_messages:"),
        Arguments.of(
            "an unknown machine type",
            "duration: 1m\nmachine_types: [{name: big, resources: {cpus: 8}}]\n"
                + "agents:\n  - {id: a, type: huge}\n",
            "agents[0].type: unknown machine type 'huge' (declared: big)"),
        Arguments.of(
            "a machine type and resources",
            "duration: 1m\nmachine_types: [{name: big, resources: {cpus: 8}}]\n"
                + "agents:\n  - {id: a, type: big, resources: {cpus: 1}}\n",
            "agents[0].resources: an agent takes its resources from 'type' or 'resources', not both"),
        Arguments.of(
            "an unknown containerizer",
            "duration: 1m\nagents:\n  - {id: a, resources: {cpus: 1}, containerizers: [lxc]}\n",
            "agents[0].containerizers: unknown containerizer 'lxc' (known: mesos, docker)"),
        Arguments.of(
            "a docker container without an image",
            "duration: 1m\nframeworks:\n  - {id: f, behaviour: batch, tasks: {count: 1,"
                + " resources: {cpus: 1}, duration: 1s, container: {type: docker}}}\n",
            "frameworks[0].tasks.container: a docker container needs an image"),
        Arguments.of(
            "usage steps out of order",
            "duration: 1m\nframeworks:\n  - {id: f, behaviour: batch, tasks: {count: 1,"
                + " resources: {cpus: 1}, duration: 1s, usage: [{at: 5s}, {at: 2s}]}}\n",
            "usage[1].at: usage steps must be in increasing time"),
        Arguments.of(
            "revocable tasks without the capability",
            "duration: 1m\nframeworks:\n  - {id: f, behaviour: batch, tasks: {count: 1,"
                + " resources: {cpus: 1}, duration: 1s, revocable: true}}\n",
            "frameworks[0].tasks: revocable tasks need the framework's capability"
                + " REVOCABLE_RESOURCES"),
        Arguments.of(
            "an unknown constraint operator",
            "duration: 1m\nframeworks:\n  - {id: f, behaviour: hold, constraints: [[rack, NEAR, r1]]}\n",
            "frameworks[0].constraints[0]: unknown constraint operator 'NEAR' (known: CLUSTER,"),
        Arguments.of(
            "MAX_PER without a count",
            "duration: 1m\nframeworks:\n  - {id: f, behaviour: hold, constraints: [[rack, MAX_PER, x]]}\n",
            "MAX_PER needs a positive count, not 'x'"),
        Arguments.of(
            "a bad regular expression",
            "duration: 1m\nframeworks:\n  - {id: f, behaviour: hold, constraints: [[rack, LIKE, '(']]}\n",
            "frameworks[0].constraints[0]: Unclosed group"),
        Arguments.of(
            "an unknown estimator",
            "duration: 1m\noversubscription: {estimator: magic}\n",
            "oversubscription.estimator: unknown estimator 'magic' (known: fixed-slack, fixed)"),
        Arguments.of(
            "oversubscribed memory",
            "duration: 1m\noversubscription: {safety_margin: {mem: 10}}\n",
            "oversubscription.safety_margin: only cpus are oversubscribed"),
        Arguments.of(
            "a zero monitor interval",
            "duration: 1m\nmonitor: {interval: 0s}\n",
            "monitor.interval: 'interval' must be above 0"),
        Arguments.of("yaml syntax error", "duration: [1m\n", "expected ',' or ']'"),
        Arguments.of("empty file", "", "test.yaml: the file is empty"),
        Arguments.of("not a mapping", "- 1\n", "test.yaml:1:1: expected a mapping, found a list"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void badFilesGiveOneClearErrorWithFileLineAndKey(String why, String yaml, String expected) {
    ScenarioException e = assertThrows(ScenarioException.class, () -> load(yaml));
    assertTrue(
        e.getMessage().contains(expected),
        () -> "expected '" + expected + "' in: " + e.getMessage());
  }

  @Test
  void jsonFilesAreAcceptedToo() {
    Scenario s =
        LOADER.parse(
            "s.json",
            "{\"duration\": \"10s\", \"agents\": [{\"id\": \"a\", \"resources\": {\"cpus\": 2}}]}");
    assertEquals(10 * SimTime.SECONDS, s.durationMicros());
    assertNull(s.workload());
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> LOADER.parse("s.json", "{\"durations\": 1}"));
    assertTrue(e.getMessage().startsWith("s.json:1:"), e.getMessage());
  }
}
