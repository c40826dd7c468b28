package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --save-scenario}: the one file it writes, run on its own, gives the same digest as the
 * trace replay it was saved from (so the same event log, byte for byte).
 */
class SaveScenarioTest {
  private static final String SAMPLE = "google-2011:../traces/google-2011-sample";

  @TempDir Path dir;

  private static String digest(Cli.Outcome r) {
    assertEquals(0, r.status(), r.err());
    return r.out().lines().findFirst().orElseThrow();
  }

  @Test
  void aSavedReplayRunsAlikeAndNeedsNoTraceFiles() throws IOException {
    Path saved = dir.resolve("saved.yaml");
    String original =
        digest(
            Cli.exec(
                "run",
                "--trace",
                SAMPLE,
                "--sample-jobs",
                "0.5",
                "--seed",
                "3",
                "--duration",
                "2h",
                "--group-by",
                "priority",
                "--save-scenario",
                saved.toString()));
    String text = Files.readString(saved);
    assertTrue(text.contains("format: \"clustersim-events\""), text.substring(0, 400));
    assertTrue(!text.contains("google-2011-sample/"), "no reference to the trace's files");
    assertEquals(original, digest(Cli.exec("run", "--scenario", saved.toString())));
  }

  @Test
  void aScenarioFileKeepsItsOwnKeys() throws IOException {
    Path saved = dir.resolve("saved.yaml");
    String original =
        digest(
            Cli.exec(
                "run",
                "--scenario",
                "../examples/trace-replay.yaml",
                "--save-scenario",
                saved.toString()));
    assertEquals(original, digest(Cli.exec("run", "--scenario", saved.toString())));
    assertTrue(Files.readString(saved).contains("seed: 7"));
  }

  @Test
  void inlineEventsAreCheckedLikeAnyTrace() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        """
        duration: 1m
        workload:
          trace:
            format: google-2011
            events: "{}"
        """);
    Cli.Outcome wrongFormat = Cli.exec("run", "--scenario", bad.toString());
    assertEquals(2, wrongFormat.status());
    assertTrue(
        wrongFormat.err().contains("inline events need format: clustersim-events"),
        wrongFormat.err());
    Files.writeString(
        bad,
        """
        duration: 1m
        workload:
          trace:
            format: clustersim-events
            events: |
              {"t":0,"type":"machine_added","machine":"m","cpus":4,"mem":1024}
              {"t":5,"type":"teleport","machine":"m"}
        """);
    Cli.Outcome badEvent = Cli.exec("run", "--scenario", bad.toString());
    assertEquals(2, badEvent.status());
    assertTrue(
        badEvent.err().contains(":2: field type: value 'teleport': unknown event type"),
        badEvent.err());
    assertEquals(
        2,
        Cli.exec(
                "run",
                "--scenario",
                "../examples/drf-paper.yaml",
                "--save-scenario",
                dir.resolve("x.yaml").toString())
            .status());
  }
}
