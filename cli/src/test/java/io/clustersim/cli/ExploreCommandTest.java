package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code explore} against the test-only {@code test-double-offer} policy ({@link BrokenPolicies}),
 * which breaks the master's books in about half the seeds: explore reports exactly the seeds whose
 * own run fails.
 */
class ExploreCommandTest {
  static final String SCENARIO =
      """
      seed: 1
      duration: 2m
      agents:
        - {id: a, count: 3, resources: {cpus: 4, mem: 8192}}
      frameworks:
        - {id: etl, behaviour: batch, refuse_seconds: 1,
           tasks: {count: 30, resources: {cpus: 1, mem: 1024}, duration: 20s}}
        - {id: web, behaviour: service, service: {instances: 3, resources: {cpus: 1, mem: 2048}}}
        - {id: ml, behaviour: batch, start: 5s, tasks: {count: 10, resources: {cpus: 2, mem: 512}, duration: 15s}}
      """;

  @TempDir Path dir;

  private Path scenario() throws IOException {
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, SCENARIO);
    return f;
  }

  @Test
  void exploreReportsExactlyTheSeedsWhoseRunBreaks() throws IOException {
    Path f = scenario();
    Cli.Outcome r =
        Cli.exec(
            "explore",
            "--scenario",
            f.toString(),
            "--policy",
            "test-double-offer",
            "--runs",
            "8",
            "--threads",
            "2");
    assertEquals(1, r.status(), r.out() + r.err());
    List<Long> reported =
        r.out()
            .lines()
            .filter(l -> l.startsWith("seed "))
            .map(l -> Long.parseLong(l.substring(5, l.indexOf(':'))))
            .toList();
    assertFalse(reported.isEmpty());
    assertTrue(reported.size() < 8, "some seeds do not break: " + reported);
    assertTrue(
        r.out()
            .lines()
            .filter(l -> l.startsWith("seed "))
            .allMatch(l -> l.contains(": invariant: ")),
        r.out());
    assertTrue(
        r.out()
            .contains(
                "8 runs (seeds 1 to 8), policy test-double-offer: "
                    + reported.size()
                    + " broke an invariant, 0 failed an expectation"),
        r.out());
    for (long seed : LongStream.rangeClosed(1, 8).toArray()) {
      Cli.Outcome one =
          Cli.exec(
              "run",
              "--scenario",
              f.toString(),
              "--policy",
              "test-double-offer",
              "--seed",
              Long.toString(seed));
      assertEquals(
          reported.contains(seed) ? 1 : 0, one.status(), "seed " + seed + ": " + one.err());
    }
  }

  @Test
  void aSoundPolicyBreaksNothingAndExpectationsCount() throws IOException {
    Path f = scenario();
    Cli.Outcome r = Cli.exec("explore", "--scenario", f.toString(), "--runs", "4");
    assertEquals(0, r.status(), r.out() + r.err());
    assertTrue(
        r.out()
            .contains(
                "4 runs (seeds 1 to 4), policy drf: 0 broke an invariant, 0 failed an expectation"),
        r.out());
    // An expectation no seed can meet: all four fail it.
    Files.writeString(f, SCENARIO + "expect:\n  - {at: 1m, framework: web, tasks: {running: 4}}\n");
    Cli.Outcome e = Cli.exec("explore", "--scenario", f.toString(), "--runs", "4");
    assertEquals(1, e.status());
    assertEquals(4, e.out().lines().filter(l -> l.contains(": expectation: ")).count(), e.out());
    assertEquals(2, Cli.exec("explore", "--scenario", f.toString(), "--runs", "0").status());
    assertEquals(
        2, Cli.exec("explore", "--scenario", f.toString(), "--runs", "2", "--seed", "3").status());
  }

  @Test
  void chaosAddsFaultsFromEachSeedAndDrfSurvivesThem() throws IOException {
    Path f = scenario();
    String[] chaos = {"--chaos", "crash_agent=6/h,partition=6/h,drop_messages=0.01"};
    Cli.Outcome r =
        Cli.exec("explore", "--scenario", f.toString(), "--runs", "6", chaos[0], chaos[1]);
    assertEquals(0, r.status(), r.out() + r.err());
    Path events = dir.resolve("e.jsonl");
    Cli.Outcome one =
        Cli.exec(
            "run", "--scenario", f.toString(), chaos[0], chaos[1], "--events", events.toString());
    assertEquals(0, one.status(), one.err());
    assertTrue(Files.readString(events).contains("\"type\":\"FAULT\""), "faults happened");
    Cli.Outcome again = Cli.exec("run", "--scenario", f.toString(), chaos[0], chaos[1]);
    Cli.Outcome plain = Cli.exec("run", "--scenario", f.toString());
    String digest = one.out().lines().findFirst().orElseThrow();
    assertEquals(digest, again.out().lines().findFirst().orElseThrow());
    assertTrue(!digest.equals(plain.out().lines().findFirst().orElseThrow()));
    assertEquals(2, Cli.exec("run", "--scenario", f.toString(), "--chaos", "meteor=1/h").status());
  }
}
