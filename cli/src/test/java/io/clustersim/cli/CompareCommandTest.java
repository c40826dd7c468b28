package io.clustersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clustersim.core.scenario.Scenario;
import io.clustersim.reports.compare.ComparisonReport;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code clustersim compare}: its files, and runs identical to single runs. */
class CompareCommandTest {
  @TempDir Path dir;

  /** policy/seed → digest, from compare's summary.csv. */
  private static Map<String, String> digests(Path out) throws Exception {
    Map<String, String> d = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(out.resolve("summary.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      d.put(f[0] + "/" + f[1], f[2].replace("\"", ""));
    }
    return d;
  }

  @Test
  void everyOutputFileIsWrittenAndValid() throws Exception {
    Path out = dir.resolve("cmp");
    Cli.Outcome o =
        Cli.exec(
            "compare",
            "--scenario",
            "../examples/drf-paper.yaml",
            "--policies",
            "drf,fifo,random",
            "--seeds",
            "1-2",
            "--out",
            out.toString(),
            "--quiet");
    assertEquals(0, o.status(), o.err());
    String html = Files.readString(out.resolve("report.html"));
    DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
    // Parse only: the SVG's DOCTYPE names a DTD on www.w3.org, which must not be fetched.
    xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    for (String chart : ComparisonReport.CHARTS) {
      BufferedImage png = ImageIO.read(out.resolve(chart + ".png").toFile());
      assertEquals(960, png.getWidth(), chart);
      Document svg = xml.newDocumentBuilder().parse(out.resolve(chart + ".svg").toFile());
      assertEquals("svg", svg.getDocumentElement().getNodeName(), chart);
      assertTrue(html.contains("alt=\"" + chart + "\" src=\"data:image/png;base64,"), chart);
    }
    Map<String, String> d = digests(out);
    assertEquals(6, d.size(), d.toString());
    for (String digest : d.values()) {
      assertTrue(html.contains(digest), "the report lists each run's digest");
    }
    List<String> series = Files.readAllLines(out.resolve("timeseries.csv"));
    assertEquals("policy,seed,seconds,metric,value", series.get(0));
    JsonNode json = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertEquals(
        2,
        json.get("policies").get("fifo").get("metrics").get("tasks_launched").get("runs").asInt());
  }

  @Test
  void placementStrategiesAreComparedWithGpuCharts() throws Exception {
    Path trace = dir.resolve("gpu");
    Files.createDirectories(trace);
    Files.writeString(
        trace.resolve("openb_node_list_gpu_node.csv"),
        "sn,cpu_milli,memory_mib,gpu,model\nn-0,32000,65536,2,V100\nn-1,32000,65536,2,V100\n");
    StringBuilder pods =
        new StringBuilder(
            "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,"
                + "deletion_time,scheduled_time\n");
    int[] shares = {600, 500, 1000, 300, 500, 700, 200, 500};
    for (int i = 0; i < 120; i++) {
      pods.append("p-").append(i).append(",1000,1024,1,").append(shares[i % shares.length]);
      pods.append(",,LS,Running,").append(i).append(',').append(i + 1000).append(',').append(i);
      pods.append('\n');
    }
    Files.writeString(trace.resolve("openb_pod_list_default.csv"), pods.toString());
    Path out = dir.resolve("cmp");
    String spec = "alibaba-gpu-2023:" + trace;
    Cli.Outcome o =
        Cli.exec(
            "compare",
            "--trace",
            spec,
            "--group-by",
            "none",
            "--inflate",
            "--policies",
            "drf",
            "--placements",
            "fgd,first-fit",
            "--out",
            out.toString(),
            "--quiet");
    assertEquals(0, o.status(), o.err());
    String html = Files.readString(out.resolve("report.html"));
    for (String chart : ComparisonReport.GPU_CHARTS) {
      assertTrue(Files.exists(out.resolve(chart + ".png")), chart);
      assertTrue(html.contains("alt=\"" + chart + "\""), chart);
    }
    assertTrue(html.contains("<th>fgd</th><th>first-fit</th>"), "strategies name the columns");
    assertTrue(html.contains("GPUs fragmented at the end"));
    // Each column is the single run with that strategy.
    Map<String, String> d = digests(out);
    for (String placement : List.of("fgd", "first-fit")) {
      Cli.Outcome run =
          Cli.exec(
              "run", "--trace", spec, "--group-by", "none", "--inflate", "--placement", placement);
      assertTrue(run.out().contains(d.get(placement + "/1")), placement + ": " + run.out());
    }
    assertTrue(!d.get("fgd/1").equals(d.get("first-fit/1")), "the strategies place differently");
    // Outside trace replays there is nothing to place.
    assertEquals(
        2,
        Cli.exec(
                "compare",
                "--scenario",
                "../examples/drf-paper.yaml",
                "--policies",
                "drf",
                "--placements",
                "fgd",
                "--out",
                out.toString(),
                "--quiet")
            .status());
  }

  @Test
  void parallelRunsGiveTheDigestsOfSingleRuns() throws Exception {
    Path out = dir.resolve("cmp");
    Cli.Outcome o =
        Cli.exec(
            "compare",
            "--scenario",
            "../examples/mixed-cluster.yaml",
            "--policies",
            "drf,fifo,packing",
            "--seeds",
            "3,4",
            "--out",
            out.toString(),
            "--quiet");
    assertEquals(0, o.status(), o.err());
    Scenario base = ScenarioRun.load(Path.of("../examples/mixed-cluster.yaml"));
    for (Map.Entry<String, String> e : digests(out).entrySet()) {
      String[] ps = e.getKey().split("/");
      ScenarioRun alone = new ScenarioRun(base.withPolicy(ps[0]).withSeed(Long.parseLong(ps[1])));
      assertEquals(alone.run(null).digest(), e.getValue(), e.getKey());
    }
  }

  @Test
  void aTraceReadOnceForEveryRunGivesTheDigestsOfSingleReplays() throws Exception {
    Path trace = dir.resolve("trace");
    assertEquals(
        0,
        Cli.exec(
                "trace",
                "generate",
                "--format",
                "google-2011",
                "--machines",
                "10",
                "--duration",
                "1h",
                "--load",
                "2",
                "--out",
                trace.toString())
            .status());
    Path out = dir.resolve("cmp");
    Cli.Outcome o =
        Cli.exec(
            "compare",
            "--trace",
            "google-2011:" + trace,
            "--policies",
            "drf,fifo,random",
            "--out",
            out.toString(),
            "--quiet");
    assertEquals(0, o.status(), o.err());
    for (Map.Entry<String, String> e : digests(out).entrySet()) {
      String policy = e.getKey().split("/")[0];
      Cli.Outcome alone = Cli.exec("run", "--trace", "google-2011:" + trace, "--policy", policy);
      assertTrue(alone.out().startsWith("digest " + e.getValue()), policy + ": " + alone.out());
    }
  }

  @Test
  void everyCommandsHelpPrintsCleanly() {
    for (String[] cmd :
        List.of(
            new String[] {"compare", "--help"},
            new String[] {"run", "--help"},
            new String[] {"trace", "inspect", "--help"},
            new String[] {"trace", "generate", "--help"},
            new String[] {"trace", "formats", "--help"})) {
      Cli.Outcome o = Cli.exec(cmd);
      assertEquals(0, o.status(), String.join(" ", cmd));
      assertTrue(o.out().contains("Usage:"), String.join(" ", cmd));
      assertTrue(!o.err().contains("WARN") && !o.out().contains("WARN"), o.err() + o.out());
    }
  }

  @Test
  void badArgumentsExitTwo() {
    Map<List<String>, String> cases =
        Map.of(
            List.of(
                    "compare",
                    "--scenario",
                    "../examples/drf-paper.yaml",
                    "--policies",
                    "drf,fair",
                    "--out",
                    "x"),
                "unknown policy 'fair'",
            List.of("compare", "--policies", "drf", "--out", "x"), "exactly one of",
            List.of(
                    "compare",
                    "--scenario",
                    "../examples/drf-paper.yaml",
                    "--policies",
                    "drf",
                    "--seeds",
                    "5-1",
                    "--out",
                    "x"),
                "--seeds",
            List.of(
                    "compare",
                    "--scenario",
                    "../examples/drf-paper.yaml",
                    "--policies",
                    "drf,drf",
                    "--out",
                    "x"),
                "named twice");
    for (Map.Entry<List<String>, String> c : cases.entrySet()) {
      Cli.Outcome o = Cli.exec(c.getKey().toArray(new String[0]));
      assertEquals(2, o.status(), c.getKey() + ": " + o.err());
      assertTrue(o.err().contains(c.getValue()), c.getKey() + ": " + o.err());
    }
  }
}
