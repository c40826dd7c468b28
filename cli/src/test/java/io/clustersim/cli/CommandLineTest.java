package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit statuses and messages of the command line. */
class CommandLineTest {
  @TempDir Path dir;

  private static Cli.Outcome exec(String... args) {
    return Cli.exec(args);
  }

  @Test
  void aRunWritesTheEventLogAndASummaryWhoseDigestMatches() throws Exception {
    Path events = dir.resolve("out/events.jsonl");
    Path summary = dir.resolve("out/summary.json");
    Cli.Outcome o =
        exec(
            "run",
            "--scenario",
            "../examples/drf-paper.yaml",
            "--events",
            events.toString(),
            "--summary",
            summary.toString());
    assertEquals(0, o.status(), o.err());
    JsonNode s = new ObjectMapper().readTree(summary.toFile());
    String sha =
        java.util.HexFormat.of()
            .formatHex(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(events)));
    assertEquals(sha, s.get("digest").asText());
    assertTrue(o.out().contains("digest " + sha), o.out());
    assertEquals(5, s.get("tasks").get("launched").asInt());
    assertEquals(Files.readAllLines(events).size(), s.get("events").asInt());
  }

  @Test
  void aBadScenarioExitsTwoWithFileLineAndKeyAndNoStackTrace() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "duration: 10s\nagents:\n  - {id: a, resources: {cpus: four}}\n");
    Cli.Outcome o = exec("run", "--scenario", bad.toString());
    assertEquals(2, o.status());
    assertTrue(
        o.err()
            .contains(
                bad
                    + ":3:31: agents[0].resources.cpus: expected a number, found the string \"four\""),
        o.err());
    assertTrue(!o.err().contains("at io.clustersim"), o.err());
  }

  @Test
  void missingFilesUnknownPoliciesAndUnknownFlagsExitTwo() {
    Cli.Outcome missing = exec("run", "--scenario", dir.resolve("nope.yaml").toString());
    assertEquals(2, missing.status());
    assertTrue(missing.err().contains("nope.yaml: no such file"), missing.err());

    Cli.Outcome policy =
        exec("run", "--scenario", "../examples/drf-paper.yaml", "--policy", "fair");
    assertEquals(2, policy.status());
    assertTrue(policy.err().contains("unknown policy 'fair' (known: drf, random"), policy.err());

    assertEquals(2, exec("run", "--scenario").status());
    assertEquals(2, exec("run", "--sceanrio", "x").status());
    assertEquals(2, exec("frobnicate").status());
    assertEquals(
        2, exec("run", "--scenario", "../examples/drf-paper.yaml", "--seed", "abc").status());
    Cli.Outcome usage =
        exec("run", "--trace", "google-2011:../traces/google-2011-sample", "--trace-usage", "use");
    assertEquals(2, usage.status());
    assertTrue(
        usage.err().contains("--trace-usage: unknown mode 'use' (known: measure, enforce, ignore)"),
        usage.err());
  }

  @Test
  void helpAndVersionExitZero() {
    Cli.Outcome help = exec("run", "--help");
    assertEquals(0, help.status());
    assertTrue(help.out().contains("--scenario=FILE"), help.out());
    Cli.Outcome version = exec("--version");
    assertEquals(0, version.status());
    assertTrue(version.out().startsWith("clustersim "), version.out());
    Cli.Outcome policies = exec("policies");
    assertEquals(0, policies.status());
    assertTrue(policies.out().startsWith("drf "), policies.out());
    assertTrue(policies.out().contains("  fixed-slack "), policies.out());
    assertTrue(policies.out().contains("  cpu-contention "), policies.out());
  }

  @Test
  void theSeedFlagOverridesTheScenariosSeed() throws Exception {
    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.json");
    String scenario = "../examples/drf-paper.yaml";
    assertEquals(
        0, exec("run", "--scenario", scenario, "--seed", "5", "--summary", a.toString()).status());
    assertEquals(
        0, exec("run", "--scenario", scenario, "--seed", "5", "--summary", b.toString()).status());
    ObjectMapper json = new ObjectMapper();
    assertEquals(5, json.readTree(a.toFile()).get("seed").asInt());
    assertEquals(json.readTree(a.toFile()).get("digest"), json.readTree(b.toFile()).get("digest"));
  }
}
