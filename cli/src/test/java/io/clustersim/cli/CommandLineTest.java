package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit statuses and messages of the command line. */
class CommandLineTest {
  @TempDir Path dir;

  private record Outcome(int status, String out, String err) {}

  private static Outcome exec(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int status = Main.execute(args);
      return new Outcome(
          status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void aRunWritesTheEventLogAndASummaryWhoseDigestMatches() throws Exception {
    Path events = dir.resolve("out/events.jsonl");
    Path summary = dir.resolve("out/summary.json");
    Outcome o =
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
    Outcome o = exec("run", "--scenario", bad.toString());
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
    Outcome missing = exec("run", "--scenario", dir.resolve("nope.yaml").toString());
    assertEquals(2, missing.status());
    assertTrue(missing.err().contains("nope.yaml: no such file"), missing.err());

    Outcome policy = exec("run", "--scenario", "../examples/drf-paper.yaml", "--policy", "fair");
    assertEquals(2, policy.status());
    assertTrue(policy.err().contains("unknown policy 'fair' (known: drf, random"), policy.err());

    assertEquals(2, exec("run", "--scenario").status());
    assertEquals(2, exec("run", "--sceanrio", "x").status());
    assertEquals(2, exec("frobnicate").status());
    assertEquals(
        2, exec("run", "--scenario", "../examples/drf-paper.yaml", "--seed", "abc").status());
  }

  @Test
  void helpAndVersionExitZero() {
    Outcome help = exec("run", "--help");
    assertEquals(0, help.status());
    assertTrue(help.out().contains("--scenario=FILE"), help.out());
    Outcome version = exec("--version");
    assertEquals(0, version.status());
    assertTrue(version.out().startsWith("clustersim "), version.out());
    Outcome policies = exec("policies");
    assertEquals(0, policies.status());
    assertTrue(policies.out().startsWith("drf "), policies.out());
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
