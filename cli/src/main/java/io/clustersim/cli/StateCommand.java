package io.clustersim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code clustersim state FILE}: a dump written by {@code run --dump-state}, as tables. */
@Command(
    name = "state",
    mixinStandardHelpOptions = true,
    description = {
      "Print a cluster state dump (written by 'clustersim run --dump-state') as tables: agents,"
          + " frameworks, the sorters' order, outstanding offers, tasks and refusal filters."
    })
final class StateCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "The state dump (JSON).")
  Path file;

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
    PrintStream out = System.out;
    out.printf(
        Locale.ROOT,
        "state at %s s, after event seq %d%n",
        new java.math.BigDecimal(s.get("time_us").asLong())
            .movePointLeft(6)
            .stripTrailingZeros()
            .toPlainString(),
        s.get("last_seq").asLong());
    table(
        out,
        "Agents",
        s.get("agents"),
        List.of("id", "total", "reserved", "offered", "allocated", "available"),
        StateCommand::cell);
    table(
        out,
        "Frameworks",
        s.get("frameworks"),
        List.of("id", "role", "active", "suppressed", "dominant_share", "offers", "tasks"),
        StateCommand::cell);
    out.println();
    out.println("Sorters (the next allocation run's order; roles and frameworks wanting offers)");
    JsonNode sorters = s.get("sorters");
    out.println("  roles: " + join(sorters.get("roles")));
    sorters
        .get("frameworks")
        .fields()
        .forEachRemaining(e -> out.println("  " + e.getKey() + ": " + join(e.getValue())));
    table(
        out,
        "Offers",
        s.get("offers"),
        List.of("id", "framework", "agent", "role", "resources"),
        StateCommand::cell);
    table(
        out,
        "Tasks",
        s.get("tasks"),
        List.of("id", "framework", "agent", "state", "resources"),
        StateCommand::cell);
    table(
        out,
        "Refusal filters",
        s.get("filters"),
        List.of("agent", "framework", "refused", "until_us"),
        StateCommand::cell);
    return 0;
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

  private static void table(
      PrintStream out,
      String title,
      JsonNode rows,
      List<String> columns,
      Function<JsonNode, String> format) {
    out.println();
    out.printf("%s (%d)%n", title, rows.size());
    if (rows.isEmpty()) {
      return;
    }
    List<String[]> cells = new ArrayList<>();
    int[] width = new int[columns.size()];
    for (int c = 0; c < width.length; c++) {
      width[c] = columns.get(c).length();
    }
    for (JsonNode r : rows) {
      String[] line = new String[columns.size()];
      for (int c = 0; c < line.length; c++) {
        line[c] = format.apply(r.get(columns.get(c)));
        width[c] = Math.max(width[c], line[c].length());
      }
      cells.add(line);
    }
    out.println(row(columns.toArray(String[]::new), width));
    for (String[] line : cells) {
      out.println(row(line, width));
    }
  }

  private static String row(String[] values, int[] width) {
    StringBuilder b = new StringBuilder(" ");
    for (int c = 0; c < values.length; c++) {
      b.append(' ').append(values[c]);
      if (c < values.length - 1) {
        b.append(" ".repeat(width[c] - values[c].length() + 1));
      }
    }
    return b.toString();
  }
}
