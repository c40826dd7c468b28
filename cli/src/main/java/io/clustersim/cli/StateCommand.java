package io.clustersim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clustersim state FILE}: a dump written by {@code run --dump-state}, as tables. */
@Command(
    name = "state",
    mixinStandardHelpOptions = true,
    description = {
      "Print a cluster state dump (written by 'clustersim run --dump-state') as tables: agents,"
          + " frameworks, the sorters' order, outstanding offers, tasks and refusal filters;"
          + " --html also writes them as a web page."
    })
final class StateCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "The state dump (JSON).")
  Path file;

  @Option(
      names = "--html",
      paramLabel = "PAGE",
      description =
          "Also write the state as one static HTML page, in the spirit of the Mesos master's web"
              + " UI (agents, frameworks, offers, tasks), that opens in any browser.")
  Path html;

  /** One table of the dump: its title, column names and the cells of each row. */
  private record Section(String title, List<String> columns, List<List<String>> rows) {}

  @Override
  public Integer call() {
    JsonNode s;
    try {
      s = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      System.err.println("clustersim: cannot read " + file + ": " + e.getMessage());
      return Main.BAD_INPUT;
    }
    if (s == null || !s.has("agents") || !s.has("last_seq")) {
      System.err.println("clustersim: " + file + ": not a state dump (no agents or last_seq)");
      return Main.BAD_INPUT;
    }
    String heading =
        "state at "
            + new BigDecimal(s.get("time_us").asLong())
                .movePointLeft(6)
                .stripTrailingZeros()
                .toPlainString()
            + " s, after event seq "
            + s.get("last_seq").asLong();
    List<String> order = new ArrayList<>();
    order.add("roles: " + join(s.get("sorters").get("roles")));
    s.get("sorters")
        .get("frameworks")
        .fields()
        .forEachRemaining(e -> order.add(e.getKey() + ": " + join(e.getValue())));
    List<Section> sections =
        List.of(
            section(
                "Agents",
                s.get("agents"),
                "id",
                "total",
                "reserved",
                "offered",
                "allocated",
                "available"),
            section(
                "Frameworks",
                s.get("frameworks"),
                "id",
                "role",
                "active",
                "suppressed",
                "dominant_share",
                "offers",
                "tasks"),
            section("Offers", s.get("offers"), "id", "framework", "agent", "role", "resources"),
            section("Tasks", s.get("tasks"), "id", "framework", "agent", "state", "resources"),
            section(
                "Refusal filters", s.get("filters"), "agent", "framework", "refused", "until_us"));
    printText(heading, order, sections);
    if (html != null) {
      try {
        Path parent = html.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(html, page(heading, order, sections), StandardCharsets.UTF_8);
      } catch (IOException e) {
        System.err.println("clustersim: --html: cannot write " + html + ": " + e.getMessage());
        return Main.BAD_INPUT;
      }
    }
    return 0;
  }

  private static Section section(String title, JsonNode rows, String... columns) {
    List<List<String>> cells = new ArrayList<>();
    for (JsonNode r : rows) {
      List<String> line = new ArrayList<>();
      for (String c : columns) {
        line.add(cell(r.get(c)));
      }
      cells.add(line);
    }
    return new Section(title, List.of(columns), cells);
  }

  private static void printText(String heading, List<String> order, List<Section> sections) {
    PrintStream out = System.out;
    out.println(heading);
    for (Section sec : sections) {
      table(out, sec);
      if (sec.title().equals("Frameworks")) {
        out.println();
        out.println(
            "Sorters (the next allocation run's order; roles and frameworks wanting offers)");
        order.forEach(line -> out.println("  " + line));
      }
    }
  }

  private static String page(String heading, List<String> order, List<Section> sections) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>clustersim: ")
        .append(esc(heading))
        .append("</title><style>")
        .append("body{font-family:sans-serif;margin:1.5em;color:#222}")
        .append("table{border-collapse:collapse;margin-bottom:1.5em}")
        .append("th,td{border:1px solid #ccc;padding:3px 8px;text-align:left;font-size:13px}")
        .append("th{background:#eef3f8}tr:nth-child(even) td{background:#fafafa}")
        .append("</style></head><body>\n<h1>")
        .append(esc(heading))
        .append("</h1>\n");
    for (Section sec : sections) {
      b.append("<h2>")
          .append(esc(sec.title()))
          .append(" (")
          .append(sec.rows().size())
          .append(")</h2>\n");
      if (!sec.rows().isEmpty()) {
        b.append("<table><tr>");
        sec.columns().forEach(c -> b.append("<th>").append(esc(c)).append("</th>"));
        b.append("</tr>\n");
        for (List<String> row : sec.rows()) {
          b.append("<tr>");
          row.forEach(c -> b.append("<td>").append(esc(c)).append("</td>"));
          b.append("</tr>\n");
        }
        b.append("</table>\n");
      }
      if (sec.title().equals("Frameworks")) {
        b.append(
            "<h2>Sorters</h2>\n<p>The next allocation run's order (roles and frameworks wanting offers):</p><ul>");
        order.forEach(line -> b.append("<li>").append(esc(line)).append("</li>"));
        b.append("</ul>\n");
      }
    }
    return b.append("</body></html>\n").toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static String join(JsonNode array) {
    List<String> parts = new ArrayList<>();
    array.forEach(n -> parts.add(n.asText()));
    return parts.isEmpty() ? "(none)" : String.join(" > ", parts);
  }

  /** A value as a table cell: resources as {@code cpus:4 mem:1024}, "-" for nothing. */
  private static String cell(JsonNode v) {
    if (v == null || v.isNull()) {
      return "-";
    }
    if (v.isObject()) {
      List<String> parts = new ArrayList<>();
      v.fields().forEachRemaining(e -> parts.add(e.getKey() + ":" + e.getValue().asText()));
      return parts.isEmpty() ? "-" : String.join(" ", parts);
    }
    return v.asText();
  }

  private static void table(PrintStream out, Section sec) {
    out.println();
    out.printf("%s (%d)%n", sec.title(), sec.rows().size());
    if (sec.rows().isEmpty()) {
      return;
    }
    int[] width = new int[sec.columns().size()];
    for (int c = 0; c < width.length; c++) {
      width[c] = sec.columns().get(c).length();
      for (List<String> row : sec.rows()) {
        width[c] = Math.max(width[c], row.get(c).length());
      }
    }
    out.println(row(sec.columns(), width));
    for (List<String> line : sec.rows()) {
      out.println(row(line, width));
    }
  }

  private static String row(List<String> values, int[] width) {
    StringBuilder b = new StringBuilder(" ");
    for (int c = 0; c < values.size(); c++) {
      b.append(' ').append(values.get(c));
      if (c < values.size() - 1) {
        b.append(" ".repeat(width[c] - values.get(c).length() + 1));
      }
    }
    return b.toString();
  }
}
