package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clustersim replay} against a log recorded by {@code run --events}: identical when nothing
 * changed; otherwise the first differing event, by its sequence number, with the five before it.
 */
class ReplayCommandTest {
  @TempDir Path dir;
  private Path scenario;
  private Path log;
  private List<String> lines;
  private String digest;

  @BeforeEach
  void record() throws IOException {
    scenario = dir.resolve("s.yaml");
    Files.writeString(scenario, DeterminismTest.SCENARIO);
    log = dir.resolve("events.jsonl");
    Cli.Outcome run =
        Cli.exec("run", "--scenario", scenario.toString(), "--events", log.toString());
    assertEquals(0, run.status(), run.err());
    lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertTrue(lines.size() > 100, "a log long enough to edit in the middle");
    digest = run.out().lines().findFirst().orElseThrow().substring("digest ".length());
  }

  private Cli.Outcome replay(Path events, String... extra) {
    List<String> args = new ArrayList<>(List.of("replay", "--scenario", scenario.toString()));
    args.addAll(List.of("--events", events.toString()));
    args.addAll(List.of(extra));
    return Cli.exec(args.toArray(String[]::new));
  }

  private Path write(List<String> content) throws IOException {
    Path p = dir.resolve("edited.jsonl");
    Files.write(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void anUnchangedRunIsIdentical() {
    Cli.Outcome r = replay(log);
    assertEquals(0, r.status(), r.out() + r.err());
    assertEquals("identical: " + lines.size() + " events, digest " + digest, r.out().strip());
  }

  @Test
  void oneEditedEventIsFoundAtItsSequenceNumber() throws IOException {
    int k = lines.size() / 2;
    List<String> edited = new ArrayList<>(lines);
    edited.set(k, lines.get(k).replace("\"seq\":" + k, "\"seq\":" + k + ",\"edited\":true"));
    Cli.Outcome r = replay(write(edited));
    assertEquals(1, r.status());
    List<String> out = r.out().lines().toList();
    assertEquals("diverged at seq " + k, out.get(0));
    assertEquals("  expected: " + edited.get(k), out.get(1));
    assertEquals("  actual:   " + lines.get(k), out.get(2));
    assertEquals("the 5 events before it (identical in both):", out.get(3));
    for (int i = 0; i < 5; i++) {
      assertEquals("  " + lines.get(k - 5 + i), out.get(4 + i));
    }
    assertEquals(9, out.size());
  }

  @Test
  void aDivergenceAtTheFirstEventHasNothingBeforeIt() throws IOException {
    List<String> edited = new ArrayList<>(lines);
    edited.set(0, "{}");
    Cli.Outcome r = replay(write(edited));
    assertEquals(1, r.status());
    assertEquals(
        List.of("diverged at seq 0", "  expected: {}", "  actual:   " + lines.get(0)),
        r.out().lines().toList());
  }

  @Test
  void aShorterOrLongerLogDivergesWhereOneEnds() throws IOException {
    int n = lines.size();
    Cli.Outcome shorter = replay(write(lines.subList(0, n - 3)));
    assertEquals(1, shorter.status());
    assertTrue(
        shorter
            .out()
            .startsWith(
                "diverged at seq "
                    + (n - 3)
                    + "\n"
                    + "  expected: (the recorded log ends here)\n"
                    + "  actual:   "
                    + lines.get(n - 3)
                    + "\n"),
        shorter.out());

    List<String> longer = new ArrayList<>(lines);
    longer.add("{\"t\":1,\"seq\":" + n + ",\"type\":\"EXTRA\"}");
    Cli.Outcome extra = replay(write(longer));
    assertEquals(1, extra.status());
    assertTrue(
        extra
            .out()
            .startsWith(
                "diverged at seq "
                    + n
                    + "\n"
                    + "  expected: "
                    + longer.get(n)
                    + "\n"
                    + "  actual:   (the run ends here)\n"),
        extra.out());
  }

  @Test
  void anotherSeedIsCaught() {
    Cli.Outcome r = replay(log, "--seed", "8");
    assertEquals(1, r.status());
    assertTrue(r.out().startsWith("diverged at seq "), r.out());
  }

  @Test
  void anUnreadableLogIsBadInput() {
    Cli.Outcome r = replay(dir.resolve("missing.jsonl"));
    assertEquals(2, r.status());
    assertTrue(r.err().contains("--events: cannot read"), r.err());
    Cli.Outcome none = Cli.exec("replay", "--events", log.toString());
    assertEquals(2, none.status());
    assertTrue(
        none.err().contains("replay needs --scenario FILE or --trace FORMAT:PATH"), none.err());
  }
}
