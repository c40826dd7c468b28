package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.clustersim.core.scenario.Scenario;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The golden determinism test: same scenario and seed, same digest; another seed, another one. */
class DeterminismTest {
  // Several agents and frameworks: the allocator visits agents in a seeded random order, so which
  // framework gets which agent depends on the seed; message loss draws from the seed too.
  static final String SCENARIO =
      """
      seed: 7
      duration: 10m
      agents:
        - {id: a, count: 6, resources: {cpus: 4, mem: 8192, ports: "31000-31099"}}
      frameworks:
        - {id: etl, behaviour: batch, refuse_seconds: 2,
           tasks: {count: 60, resources: {cpus: 1, mem: 1024, ports: 1}, duration: 45s, max_per_offer: 3}}
        - {id: web, behaviour: service, service: {instances: 5, resources: {cpus: 2, mem: 2048}}}
        - {id: ml, behaviour: batch, start: 5s,
           tasks: {count: 30, resources: {cpus: 2, mem: 512}, duration: 20s}}
      faults:
        - {at: 30s, drop_messages: 0.02, until: 2m}
      """;

  @Test
  void sameScenarioAndSeedGiveTheSameDigestAndLog() throws Exception {
    Runs first = Runs.run(SCENARIO);
    Runs second = Runs.run(SCENARIO);
    assertEquals(first.log, second.log);
    assertEquals(first.result.digest(), second.result.digest());
    // The digest is the SHA-256 of the log's bytes.
    String sha =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(first.log.getBytes(StandardCharsets.UTF_8)));
    assertEquals(sha, first.result.digest());
  }

  @Test
  void theDigestDoesNotDependOnWritingTheLog() {
    Scenario s = Runs.scenario(SCENARIO);
    String withLog = Runs.run(s).result.digest();
    String withoutLog = new ScenarioRun(s).run(null).digest();
    assertEquals(withLog, withoutLog);
  }

  @Test
  void anotherSeedChangesTheDigest() {
    Scenario s = Runs.scenario(SCENARIO);
    assertNotEquals(Runs.run(s).result.digest(), Runs.run(s.withSeed(8)).result.digest());
  }
}
