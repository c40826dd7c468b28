package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clustersim.core.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shrink} takes a seed that {@code explore} found breaking the test-only double-offering
 * policy down to a scenario of at most 2 agents and 2 frameworks that still breaks it.
 */
class ShrinkCommandTest {
  @TempDir Path dir;

  @Test
  void theDoubleOfferIsShrunkToAFewAgentsAndFrameworks() throws IOException {
    Path f = dir.resolve("s.yaml");
    Files.writeString(
        f,
        ExploreCommandTest.SCENARIO
            + """
            actions:
              - {at: 30s, framework: web, do: suppress}
              - {at: 40s, remove_agent: a-2}
            """);
    Cli.Outcome explore =
        Cli.exec(
            "explore", "--scenario", f.toString(), "--policy", "test-double-offer", "--runs", "8");
    long seed =
        Long.parseLong(
            explore
                .out()
                .lines()
                .filter(l -> l.startsWith("seed "))
                .findFirst()
                .orElseThrow()
                .replaceAll("^seed (\\d+):.*", "$1"));
    Path out = dir.resolve("small.yaml");
    Cli.Outcome r =
        Cli.exec(
            "shrink",
            "--scenario",
            f.toString(),
            "--seed",
            Long.toString(seed),
            "--policy",
            "test-double-offer",
            "--out",
            out.toString());
    assertEquals(0, r.status(), r.out() + r.err());
    assertTrue(r.out().startsWith("shrunk in "), r.out());
    assertTrue(r.out().contains("3 agents, 3 frameworks, 2 actions"), r.out());
    Scenario small = ScenarioRun.load(out);
    assertTrue(small.agents().size() <= 2, small.agents().toString());
    assertTrue(small.frameworks().size() <= 2, small.frameworks().toString());
    assertEquals(seed, small.seed());
    Cli.Outcome again =
        Cli.exec("run", "--scenario", out.toString(), "--policy", "test-double-offer");
    assertEquals(1, again.status(), "the small scenario still breaks: " + again.out());
    assertTrue(again.err().contains("invariant violated"), again.err());
  }

  @Test
  void aScenarioThatDoesNotFailIsNotShrunk() throws IOException {
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, ExploreCommandTest.SCENARIO);
    Cli.Outcome r = Cli.exec("shrink", "--scenario", f.toString(), "--seed", "1");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("does not fail with seed 1: nothing to shrink"), r.err());
  }
}
