package io.clustersim.reports.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.clustersim.reports.RunSeries;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * Writes a comparison's outputs into one folder: the charts (PNG and SVG), {@code summary.csv} (a
 * row per policy and seed), {@code timeseries.csv} (tidy: policy, seed, seconds, metric, value),
 * {@code summary.json}, and {@code report.html}, which embeds the charts and opens in any browser
 * without a server.
 *
 * @param workload one line describing what was run
 * @param versions clustersim's and Java's versions
 */
public record ComparisonReport(String workload, String versions) {
  /** Chart file names (without extension), in the report's order; GPU replays add two more. */
  public static final List<String> CHARTS =
      List.of("utilisation", "memory", "jain", "dominant-shares", "wait-cdf", "headline");

  /** The charts a GPU-sharing replay adds. */
  public static final List<String> GPU_CHARTS = List.of("gpu-allocated", "gpu-fragmented");

  /** Writes everything for {@code runs} (in policy order, then seed order) into {@code dir}. */
  public void write(Path dir, List<RunOutcome> runs) throws IOException {
    Files.createDirectories(dir);
    Map<String, List<RunOutcome>> byPolicy = new LinkedHashMap<>();
    for (RunOutcome r : runs) {
      byPolicy.computeIfAbsent(r.policy(), p -> new ArrayList<>()).add(r);
    }
    Map<String, JFreeChart> charts = new ComparisonCharts(byPolicy).all();
    for (Map.Entry<String, JFreeChart> c : charts.entrySet()) {
      int height =
          c.getKey().equals("dominant-shares")
              ? Math.max(ChartFiles.HEIGHT, 220 * byPolicy.size())
              : ChartFiles.HEIGHT;
      ChartFiles.write(c.getValue(), dir, c.getKey(), height);
    }
    writeSummaryCsv(dir.resolve("summary.csv"), runs);
    writeTimeseriesCsv(dir.resolve("timeseries.csv"), runs);
    ObjectNode json = summaryJson(byPolicy);
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(dir.resolve("summary.json").toFile(), json);
    Files.writeString(
        dir.resolve("report.html"),
        html(dir, byPolicy, List.copyOf(charts.keySet())),
        StandardCharsets.UTF_8);
  }

  private static void writeSummaryCsv(Path file, List<RunOutcome> runs) throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder().addColumn("policy").addColumn("seed");
    schema.addColumn("digest").addColumn("simulated_seconds");
    for (Metric m : Metric.HEADLINE) {
      schema.addColumn(m.key());
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (RunOutcome r : runs) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("policy", r.policy());
      row.put("seed", r.seed());
      row.put("digest", r.digest());
      row.put("simulated_seconds", r.summary().get("simulated_seconds").asDouble());
      for (Metric m : Metric.HEADLINE) {
        Double v = m.of(r.summary());
        // Counts print as integers, the rest as measured.
        row.put(
            m.key(),
            v != null && v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) v.longValue() : v);
      }
      rows.add(row);
    }
    new CsvMapper()
        .writer(schema.build().withHeader())
        .writeValues(file.toFile())
        .writeAll(rows)
        .close();
  }

  private static void writeTimeseriesCsv(Path file, List<RunOutcome> runs) throws IOException {
    CsvSchema schema =
        CsvSchema.builder()
            .addColumn("policy")
            .addColumn("seed")
            .addColumn("seconds")
            .addColumn("metric")
            .addColumn("value")
            .build()
            .withHeader();
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        var out = new CsvMapper().writer(schema).writeValues(w)) {
      for (RunOutcome r : runs) {
        for (RunSeries.Sample s : r.series()) {
          for (Map.Entry<String, Double> v : s.values().entrySet()) {
            String key = v.getKey();
            String metric =
                key.equals("jain")
                    ? key
                    : key.startsWith("role:")
                        ? "role_dominant_share:" + key.substring(5)
                        : key.startsWith("framework:")
                            ? "framework_dominant_share:" + key.substring(10)
                            : "allocated_share:" + key;
            out.write(List.of(r.policy(), r.seed(), s.seconds(), metric, v.getValue()));
          }
        }
      }
    }
  }

  private ObjectNode summaryJson(Map<String, List<RunOutcome>> byPolicy) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("workload", workload);
    root.put("versions", versions);
    ObjectNode policies = root.putObject("policies");
    for (Map.Entry<String, List<RunOutcome>> e : byPolicy.entrySet()) {
      ObjectNode p = policies.putObject(e.getKey());
      ObjectNode metrics = p.putObject("metrics");
      for (Metric m : Metric.HEADLINE) {
        Estimate est = estimate(m, e.getValue());
        if (est == null) {
          metrics.putNull(m.key());
        } else {
          ObjectNode v = metrics.putObject(m.key());
          v.put("mean", est.mean());
          v.put("ci95_half_width", est.halfWidth());
          v.put("runs", est.n());
        }
      }
      ArrayNode runs = p.putArray("runs");
      for (RunOutcome r : e.getValue()) {
        runs.add(r.summary());
      }
    }
    return root;
  }

  private static Estimate estimate(Metric m, List<RunOutcome> runs) {
    List<Double> values = new ArrayList<>();
    for (RunOutcome r : runs) {
      values.add(m.of(r.summary()));
    }
    return Estimate.of(values);
  }

  private String html(Path dir, Map<String, List<RunOutcome>> byPolicy, List<String> chartNames)
      throws IOException {
    StringBuilder b = new StringBuilder(1 << 16);
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>clustersim policy comparison</title><style>")
        .append(
            "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1000px;color:#222}")
        .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;")
        .append("padding:4px 8px;text-align:right}th:first-child,td:first-child{text-align:left}")
        .append("img{max-width:100%;border:1px solid #eee;margin:.5em 0}code{font-size:90%}")
        .append("</style></head><body>\n<h1>Policy comparison</h1>\n<p>")
        .append(esc(workload))
        .append("</p>\n<p>Policies: ")
        .append(esc(String.join(", ", byPolicy.keySet())))
        .append(". Each cell is the mean over seeds, ± the 95% confidence half-width when there")
        .append(" are several seeds.</p>\n<table id=\"metrics\"><tr><th>metric</th>");
    for (String p : byPolicy.keySet()) {
      b.append("<th>").append(esc(p)).append("</th>");
    }
    b.append("</tr>\n");
    for (Metric m : Metric.HEADLINE) {
      if (byPolicy.values().stream().allMatch(runs -> estimate(m, runs) == null)) {
        continue; // a metric no run has (the GPU ones outside GPU replays)
      }
      b.append("<tr><td>").append(esc(m.label()));
      if (!m.unit().isEmpty()) {
        b.append(" (").append(esc(m.unit())).append(')');
      }
      b.append("</td>");
      for (List<RunOutcome> runs : byPolicy.values()) {
        Estimate e = estimate(m, runs);
        b.append("<td>").append(e == null ? "–" : format(e)).append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</table>\n");
    for (String name : chartNames) {
      byte[] png = Files.readAllBytes(dir.resolve(name + ".png"));
      b.append("<h2 id=\"")
          .append(name)
          .append("\">")
          .append(esc(title(name)))
          .append("</h2>\n<img alt=\"")
          .append(name)
          .append("\" src=\"data:image/png;base64,")
          .append(Base64.getEncoder().encodeToString(png))
          .append("\">\n<p><a href=\"")
          .append(name)
          .append(".svg\">SVG</a></p>\n");
    }
    b.append("<h2>Runs</h2>\n<table id=\"runs\"><tr><th>policy</th><th>seed</th><th>events</th>")
        .append("<th>simulated (s)</th><th>digest</th></tr>\n");
    for (List<RunOutcome> runs : byPolicy.values()) {
      for (RunOutcome r : runs) {
        b.append("<tr><td>")
            .append(esc(r.policy()))
            .append("</td><td>")
            .append(r.seed())
            .append("</td><td>")
            .append(r.summary().get("events").asLong())
            .append("</td><td>")
            .append(
                String.format(Locale.ROOT, "%.1f", r.summary().get("simulated_seconds").asDouble()))
            .append("</td><td><code>")
            .append(esc(r.digest()))
            .append("</code></td></tr>\n");
      }
    }
    b.append("</table>\n<p>")
        .append(esc(versions))
        .append(
            ". Files: summary.csv, timeseries.csv, summary.json, and each chart as PNG and SVG.</p>\n")
        .append("</body></html>\n");
    return b.toString();
  }

  private static String title(String chart) {
    return switch (chart) {
      case "utilisation" -> "CPU allocated over time";
      case "memory" -> "Memory allocated over time";
      case "jain" -> "Fairness over time (Jain's index)";
      case "dominant-shares" -> "Dominant share per role";
      case "wait-cdf" -> "Task wait CDF";
      case "gpu-allocated" -> "GPUs allocated as the workload arrives";
      case "gpu-fragmented" -> "GPUs fragmented as the workload arrives (FGD measure)";
      default -> "Headline metrics";
    };
  }

  private static String format(Estimate e) {
    String mean = number(e.mean());
    return e.n() > 1 ? mean + " ± " + number(e.halfWidth()) : mean;
  }

  private static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e12) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.1f" : "%.3f", v);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
