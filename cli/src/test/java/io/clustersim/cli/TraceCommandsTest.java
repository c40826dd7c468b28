package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trace generate}, {@code trace inspect} and {@code run --trace} from the command line. */
class TraceCommandsTest {
  @TempDir Path dir;

  private Path generate(String name, String format, String seed) {
    Path out = dir.resolve(name);
    Cli.Outcome o =
        Cli.exec(
            "trace",
            "generate",
            "--format",
            format,
            "--machines",
            "20",
            "--duration",
            "1h",
            "--seed",
            seed,
            "--out",
            out.toString());
    assertEquals(0, o.status(), o.err());
    return out;
  }

  private static Map<String, String> digests(Path root) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
        out.put(root.relativize(f).toString(), HexFormat.of().formatHex(d));
      }
    }
    return out;
  }

  /** awk over a gzipped table of the generated trace. */
  private static String awk(String program, Path file) throws Exception {
    Process p =
        new ProcessBuilder("sh", "-c", "zcat '" + file + "' | LC_ALL=C awk -F, '" + program + "'")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  @Test
  void theSameSeedGeneratesTheSameBytesAndAnotherSeedOthers() throws Exception {
    for (String format : List.of("google-2011", "alibaba-2018")) {
      Map<String, String> a = digests(generate(format + "-a", format, "7"));
      Map<String, String> b = digests(generate(format + "-b", format, "7"));
      Map<String, String> c = digests(generate(format + "-c", format, "8"));
      assertEquals(a, b);
      assertNotEquals(a, c);
      assertFalse(a.isEmpty());
    }
  }

  @Test
  void inspectOfAGeneratedTraceCountsWhatAwkCounts() throws Exception {
    Path trace = generate("g", "google-2011", "3");
    Path tasks = trace.resolve("task_events/part-00000-of-00001.csv.gz");
    Path json = dir.resolve("inspect.json");
    Cli.Outcome o = Cli.exec("trace", "inspect", "google-2011:" + trace, "--json", json.toString());
    assertEquals(0, o.status(), o.err());
    JsonNode counts = new ObjectMapper().readTree(json.toFile());
    assertEquals(
        Long.parseLong(awk("END{print NR}", tasks)),
        counts.get("rows_by_file").get(tasks.toString()).asLong());
    assertEquals(
        Long.parseLong(awk("$6==0{n++} END{print n}", tasks)),
        counts.get("rows_by_type").get("task_events/SUBMIT").asLong());
    assertEquals(
        Long.parseLong(awk("{k[$3\" \"$4]=1} END{print length(k)}", tasks)),
        counts.get("tasks").asLong());
    // Each request is kept to thousandths of a core, as Mesos keeps it: at most 0.0005 off each.
    long submits = counts.get("task_submissions").asLong();
    assertEquals(
        Double.parseDouble(awk("$6==0{c+=$10} END{printf \"%.4f\", c*32}", tasks)),
        counts.get("requested").get("cpus").asDouble(),
        0.0005 * submits);
    assertEquals(20, counts.get("machines").asLong());
  }

  @Test
  void anAsRecordedReplayAgreesWithTheTracesOwnRecords() throws Exception {
    Path trace = generate("r", "google-2011", "5");
    Path summary = dir.resolve("summary.json");
    Cli.Outcome o =
        Cli.exec(
            "run",
            "--trace",
            "google-2011:" + trace,
            "--mode",
            "as-recorded",
            "--summary",
            summary.toString());
    assertEquals(0, o.status(), o.err());
    JsonNode s = new ObjectMapper().readTree(summary.toFile());
    double end = s.get("simulated_seconds").asDouble() * 1e6;
    // Allocation from the task events alone: +request at SCHEDULE, −request at the end of a
    // scheduled task, integrated over time (core·µs at 32 cores per 1.0), then carried to the end.
    Path tasks = trace.resolve("task_events/part-00000-of-00001.csv.gz");
    String[] a =
        awk(
                "{area+=cur*($1-prev); prev=$1; k=$3\" \"$4;"
                    + " if($6==1){cur+=r[k]; on[k]=1}"
                    + " else if($6==0){r[k]=$10}"
                    + " else if($6>=2 && $6<=6 && (k in on)){cur-=r[k]; delete on[k]}}"
                    + " END{printf \"%.6f %.9f %.0f\", area, cur, prev}",
                tasks)
            .split(" ");
    double area =
        Double.parseDouble(a[0]) + Double.parseDouble(a[1]) * (end - Double.parseDouble(a[2]));
    double expectedMean = area * 32 / end;
    assertEquals(
        expectedMean,
        s.get("resources").get("cpus").get("allocated_mean").asDouble(),
        expectedMean * 1e-3);
    // Used CPU from the usage windows: rate × 32 cores × window length.
    Path usage = trace.resolve("task_usage/part-00000-of-00001.csv.gz");
    double used = Double.parseDouble(awk("{u+=$6*32*($2-$1)/1e6} END{printf \"%.6f\", u}", usage));
    assertEquals(used, s.get("trace").get("used_core_seconds").asDouble(), used * 1e-6);
  }

  @Test
  void aSimulatedReplayOfAGeneratedAlibabaTraceRunsEveryInstance() throws Exception {
    Path trace = generate("a", "alibaba-2018", "2");
    Path summary = dir.resolve("summary.json");
    Cli.Outcome o =
        Cli.exec("run", "--trace", "alibaba-2018:" + trace, "--summary", summary.toString());
    assertEquals(0, o.status(), o.err());
    JsonNode s = new ObjectMapper().readTree(summary.toFile());
    long instances = Long.parseLong(awk("END{print NR}", trace.resolve("batch_instance.csv.gz")));
    long containers = Long.parseLong(awk("END{print NR}", trace.resolve("container_meta.csv.gz")));
    long terminated =
        Long.parseLong(
            awk("$5==\"Terminated\"{n++} END{print n}", trace.resolve("batch_instance.csv.gz")));
    // Every instance and container is submitted. The replay ends with the trace (its last
    // event), so of the instances the trace saw finish, those our policy started later may still
    // run then; every task is finished, running or waiting at the end.
    assertEquals(instances + containers, s.get("trace").get("tasks_submitted").asLong());
    JsonNode states = s.get("tasks").get("by_final_state");
    long finished = states.get("TASK_FINISHED").asLong();
    long running = states.get("TASK_RUNNING").asLong();
    JsonNode waiting =
        s.get("trace").get("replay").get("tasks still waiting for resources when the trace ends");
    assertTrue(
        finished <= terminated && finished > terminated * 0.9, finished + " of " + terminated);
    assertEquals(
        instances + containers, finished + running + (waiting == null ? 0 : waiting.asLong()));
    assertTrue(s.get("drained").asBoolean());
  }

  @Test
  void badTraceInputExitsTwoWithTheRowAndNoStackTrace() throws Exception {
    Path t = dir.resolve("bad");
    Files.createDirectories(t.resolve("machine_events"));
    Files.writeString(t.resolve("machine_events/part-00000-of-00001.csv"), "0,1,0,p,0.5,x\n");
    Cli.Outcome o = Cli.exec("run", "--trace", "google-2011:" + t);
    assertEquals(2, o.status());
    assertTrue(
        o.err().contains("part-00000-of-00001.csv:1: column 6 (Memory): value 'x': not a number"),
        o.err());
    assertFalse(o.err().contains("\tat "), o.err());

    Cli.Outcome skipped = Cli.exec("run", "--trace", "google-2011:" + t, "--skip-bad-rows");
    assertEquals(0, skipped.status(), skipped.err());
    assertTrue(skipped.err().contains("skipped 1 bad rows {not a number=1}"), skipped.err());

    Cli.Outcome inspect = Cli.exec("trace", "inspect", "google-2011:" + t);
    assertEquals(2, inspect.status());
  }

  @Test
  void badFlagsExitTwoWithWhatIsWrong() throws IOException {
    Map<List<String>, String> cases =
        Map.of(
            List.of("run", "--trace", "borg-2031:x"), "unknown trace format 'borg-2031'",
            List.of("run", "--trace", "google-2011:" + dir.resolve("none")),
                "no such file or directory",
            List.of("run", "--trace", "alibaba-gpu-2023:x", "--mode", "as-recorded"),
                "does not record it",
            List.of("run", "--trace", "google-2011:x", "--window", "2h,1h"),
                "the end must be after the start",
            List.of("run", "--trace", "google-2011:x", "--reference-machine", "cpus=many"),
                "--reference-machine: 'many' is not a number",
            List.of("run", "--trace", "google-2011:x", "--group-by", "team"),
                "unknown grouping 'team'",
            List.of("run"), "run needs --scenario FILE or --trace FORMAT:PATH",
            List.of(
                    "trace",
                    "generate",
                    "--format",
                    "google-2019",
                    "--machines",
                    "2",
                    "--duration",
                    "1h",
                    "--out",
                    dir.toString()),
                "cannot generate 'google-2019'");
    for (Map.Entry<List<String>, String> c : cases.entrySet()) {
      Cli.Outcome o = Cli.exec(c.getKey().toArray(new String[0]));
      assertEquals(2, o.status(), c.getKey() + ": " + o.err());
      assertTrue(o.err().contains(c.getValue()), c.getKey() + ": " + o.err());
    }
  }

  @Test
  void formatsListsEveryRegisteredFormat() {
    Cli.Outcome o = Cli.exec("trace", "formats");
    assertEquals(0, o.status());
    for (String f :
        List.of("google-2011", "google-2019", "alibaba-2017", "alibaba-2018", "alibaba-gpu-2023")) {
      assertTrue(o.out().contains(f), o.out());
    }
  }

  @Test
  void placementsListsEveryStrategyWithItsDescription() {
    Cli.Outcome o = Cli.exec("trace", "placements");
    assertEquals(0, o.status());
    List<String> lines = o.out().lines().toList();
    assertEquals(7, lines.size(), o.out());
    assertTrue(lines.get(0).startsWith("first-fit "), o.out());
    assertTrue(o.out().contains("fgd             least growth of GPU fragmentation"), o.out());
  }
}
