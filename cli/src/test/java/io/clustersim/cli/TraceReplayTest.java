package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Simulated and as-recorded replays of a small hand-written Google 2011 trace, with every time
 * worked out from the rows: two machines of 0.5 normalised CPU (16 of the reference machine's 32
 * cores) and three tasks of one job asking for 0.25 (8 cores) each, all submitted at 100 s.
 *
 * <ul>
 *   <li>task 0 ran 110 s → 170 s in the trace and finished: 60 s of runtime;
 *   <li>task 1 was killed at 130 s while still pending: it never ran;
 *   <li>task 2 ran 105 s → 205 s and was evicted: 100 s of runtime.
 * </ul>
 */
class TraceReplayTest {
  @TempDir Path dir;

  @BeforeEach
  void writeTrace() throws IOException {
    Files.createDirectories(dir.resolve("machine_events"));
    Files.createDirectories(dir.resolve("job_events"));
    Files.createDirectories(dir.resolve("task_events"));
    Files.writeString(
        dir.resolve("machine_events/part-00000-of-00001.csv"),
        "0,1,0,p,0.5,0.5\n0,2,0,p,0.5,0.5\n");
    Files.writeString(
        dir.resolve("job_events/part-00000-of-00001.csv"), "100000000,,7,0,u,0,n,l\n");
    Files.writeString(
        dir.resolve("task_events/part-00000-of-00001.csv"),
        String.join(
                "\n",
                "100000000,,7,0,,0,u,0,9,0.25,0.0625,0,0",
                "100000000,,7,1,,0,u,0,9,0.25,0.0625,0,0",
                "100000000,,7,2,,0,u,0,9,0.25,0.0625,0,0",
                "105000000,,7,2,2,1,u,0,9,,,,",
                "110000000,,7,0,1,1,u,0,9,,,,",
                "130000000,,7,1,,5,u,0,9,,,,",
                "170000000,,7,0,1,4,u,0,9,,,,",
                "205000000,,7,2,2,2,u,0,9,,,,")
            + "\n");
  }

  private Runs replay(String extra) {
    return Runs.run(
        "seed: 3\nworkload:\n  trace: {format: google-2011, path: '" + dir + "'" + extra + "}\n");
  }

  /** Terminal state and time (seconds) of each task, by trace task (job/index). */
  private static Map<String, String> ends(Runs r) {
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode e : r.ofType("TASK_STATUS")) {
      String state = e.get("state").asText();
      if (!state.equals("TASK_RUNNING") && !state.equals("TASK_STARTING")) {
        String task = e.get("task").asText();
        out.put(
            task.substring(0, task.indexOf('#')), state + "@" + e.get("t").asLong() / 1_000_000);
      }
    }
    return out;
  }

  @Test
  void simulatedTasksArriveAtTheirSubmitTimeAndRunTheirRecordedRuntime() {
    Runs r = replay("");
    // The framework registers when its first task arrives at 100 s and gets offers at once, so
    // all three launch at 100 s (two on one machine): 0 ends at 100 + 60, 2 at 100 + 100
    // (evicted → killed by default), and 1, which never ran in the trace, runs until the trace
    // killed it at 130 s.
    for (JsonNode l : r.ofType("TASK_LAUNCHED")) {
      assertEquals(100_000_000L, l.get("t").asLong(), l.toString());
    }
    assertEquals(3, r.ofType("TASK_LAUNCHED").size());
    assertEquals(
        Map.of("7/0", "TASK_FINISHED@160", "7/1", "TASK_KILLED@130", "7/2", "TASK_KILLED@200"),
        ends(r));
    assertEquals("user-u", r.ofType("FRAMEWORK_ADDED").get(0).get("framework").asText());
    assertTrue(r.result.drained());
  }

  @Test
  void endsReadAfterLaunchComeAtLaunchPlusRuntimeOrWhenRead() {
    // Read 5 s ahead only: at launch (100 s) no end is known yet. Task 2's end (205 s) is read
    // at 200 s, just in time for 100 + 100; task 0's (170 s) is read at 165 s, when 100 + 60 has
    // passed, so it ends then; task 1's kill (130 s) is read at 125 s and applied at 130 s.
    Runs r = replay(", lookahead: 5s");
    assertEquals(
        Map.of("7/0", "TASK_FINISHED@165", "7/1", "TASK_KILLED@130", "7/2", "TASK_KILLED@200"),
        ends(r));
  }

  /**
   * The trace plus task 0's usage at 120-150 s: 0.125 of a machine's CPU (4 cores), {@code mem}.
   */
  private Runs replayWithUsage(String mem, String extra) throws IOException {
    Files.createDirectories(dir.resolve("task_usage"));
    Files.writeString(
        dir.resolve("task_usage/part-00000-of-00001.csv"),
        "120000000,150000000,7,0,1,0.125," + mem + ",0,0,0,0,0,0,0,0,0,0,0,0,0\n");
    return Runs.run(
        "seed: 3\nmonitor: {interval: 5s}\nworkload:\n  trace: {format: google-2011, path: '"
            + dir
            + "'"
            + extra
            + "}\n");
  }

  /** CPU the monitors report at {@code seconds}, summed over agents. */
  private static double usedCpusAt(Runs r, long seconds) {
    return r.ofType("AGENT_USAGE").stream()
        .filter(e -> e.get("t").asLong() == seconds * 1_000_000)
        .mapToDouble(e -> e.get("used").get("cpus").asDouble())
        .sum();
  }

  @Test
  void usageRecordsReachTheAgentsMonitors() throws IOException {
    // At 125 s all three tasks run (task 1 until its kill at 130 s), each holding 8 cores. Task 0's
    // record says it uses 4: the monitors report 4 + 8 + 8; ignoring records, 24.
    assertEquals(20.0, usedCpusAt(replayWithUsage("0.03125", ""), 125), 1e-9);
    assertEquals(24.0, usedCpusAt(replayWithUsage("0.03125", ", usage: ignore"), 125), 1e-9);
  }

  @Test
  void enforcedUsageKillsATaskWhoseMemoryPassesItsRequest() throws IOException {
    // Task 0 asks for 0.0625 of a machine's memory; its record at 120 s says 0.125.
    assertEquals("TASK_FAILED@120", ends(replayWithUsage("0.125", ", usage: enforce")).get("7/0"));
    Runs r = replayWithUsage("0.125", ", usage: enforce");
    assertEquals(
        "REASON_CONTAINER_LIMITATION_MEMORY",
        r.where(Runs.field("state", "TASK_FAILED")).get(0).get("reason").asText());
    // Measured only, it runs its recorded 60 s.
    assertEquals("TASK_FINISHED@160", ends(replayWithUsage("0.125", "")).get("7/0"));
  }

  @Test
  void theEndMapDecidesWhatAnEvictionMeans() {
    Runs r = replay(", end_map: {EVICT: finished}");
    assertEquals("TASK_FINISHED@200", ends(r).get("7/2"));
  }

  @Test
  void asRecordedTasksRunWhereAndWhenTheTraceSays() {
    Runs r = replay(", mode: as-recorded");
    Map<String, String> placed = new LinkedHashMap<>();
    for (JsonNode l : r.ofType("TASK_LAUNCHED")) {
      String task = l.get("task").asText();
      placed.put(
          task.substring(0, task.indexOf('#')),
          l.get("agent").asText() + "@" + l.get("t").asLong() / 1_000_000);
    }
    assertEquals(Map.of("7/2", "2@105", "7/0", "1@110"), placed);
    assertEquals(Map.of("7/0", "TASK_FINISHED@170", "7/2", "TASK_KILLED@205"), ends(r));
    // Allocated CPU: 8 cores over [105, 205) and 8 over [110, 170): 800 + 480 = 1280
    // core-seconds over the 205 s the replay lasts.
    double mean =
        r.run
            .summary(new com.fasterxml.jackson.databind.ObjectMapper())
            .get("resources")
            .get("cpus")
            .get("allocated_mean")
            .asDouble();
    assertEquals(1280.0 / 205, mean, 1e-9);
  }

  @Test
  void aWindowShiftsTimeAndLeavesOutTasksSubmittedBeforeIt() {
    // Window [50 s, 300 s): time 0 of the replay is trace time 50 s, so the tasks submitted at
    // 100 s launch at 50 s and end 50 s earlier than in the whole-trace replay; the run lasts the
    // window's 250 s.
    Runs shifted = replay(", window: [50s, 300s]");
    assertEquals(
        Map.of("7/0", "TASK_FINISHED@110", "7/1", "TASK_KILLED@80", "7/2", "TASK_KILLED@150"),
        ends(shifted));
    assertEquals(250_000_000L, shifted.result.endMicros());
    // Window [150 s, 300 s): all three were submitted before it.
    Runs late = replay(", window: [150s, 300s]");
    assertEquals(0, late.ofType("TASK_LAUNCHED").size());
  }

  @Test
  void maxTasksKeepsTheFirstSubmissions() {
    Runs r = replay(", max_tasks: 2");
    assertEquals(Map.of("7/0", "TASK_FINISHED@160", "7/1", "TASK_KILLED@130"), ends(r));
  }

  @Test
  void theSameTraceAndSeedGiveTheSameDigest() {
    assertEquals(replay("").result.digest(), replay("").result.digest());
  }

  @Test
  void anAsRecordedReplayStopsAtTheDuration() throws IOException {
    Path full = dir.resolve("full.jsonl");
    Path hour = dir.resolve("hour.jsonl");
    String sample = "google-2011:../traces/google-2011-sample";
    assertEquals(
        0,
        Cli.exec("run", "--trace", sample, "--mode", "as-recorded", "--events", full.toString())
            .status());
    Cli.Outcome r =
        Cli.exec(
            "run",
            "--trace",
            sample,
            "--mode",
            "as-recorded",
            "--duration",
            "1h",
            "--events",
            hour.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("simulated 3600s,"), r.out());
    java.util.List<String> all = Files.readAllLines(full);
    java.util.List<String> part = Files.readAllLines(hour);
    assertTrue(part.size() < all.size());
    assertEquals(all.subList(0, part.size()), part);
    assertTrue(all.get(part.size()).matches("\\{\"t\":(\\d+),.*"));
    long next = Long.parseLong(all.get(part.size()).replaceAll("^\\{\"t\":(\\d+),.*", "$1"));
    assertTrue(next > 3_600_000_000L, "the first event left out is after the hour: " + next);
  }
}
