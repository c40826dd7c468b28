package io.clustersim.workloads.trace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A format made of tables of rows (every format so far): finds each table's files, opens one cursor
 * per file, and merges them into a {@link TraceReader}.
 */
abstract class TableFormat implements TraceFormat {
  private final String name;
  private final String description;
  private final ReferenceMachine reference;
  private final GroupBy groupBy;
  private final boolean placements;
  private final List<String> tableNames;
  private final String jobTable;

  /**
   * A format called {@code name}. {@code tableNames} are in merge order at equal times, the machine
   * table first (task events are checked against it when present); {@code jobTable} (may be null)
   * is the table task events are checked against for their job.
   */
  TableFormat(
      String name,
      String description,
      ReferenceMachine reference,
      GroupBy groupBy,
      boolean placements,
      List<String> tableNames,
      String jobTable) {
    this.name = name;
    this.description = description;
    this.reference = reference;
    this.groupBy = groupBy;
    this.placements = placements;
    this.tableNames = tableNames;
    this.jobTable = jobTable;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public ReferenceMachine defaultReference() {
    return reference;
  }

  @Override
  public GroupBy defaultGroupBy() {
    return groupBy;
  }

  @Override
  public boolean recordsPlacement() {
    return placements;
  }

  /** The tables to read, given which have files and the reference machine. */
  abstract List<Table> tables(Set<String> present, ReferenceMachine reference);

  /** Which files to read of those found for each table (all, by default). */
  Map<String, List<Path>> choose(Map<String, List<Path>> found) {
    return found;
  }

  @Override
  public TraceReader open(String path, ReferenceMachine ref, BadRows bad, TraceStats stats) {
    Map<String, List<Path>> files = choose(TraceFiles.resolve(path, tableNames));
    if (files.isEmpty()) {
      throw new TraceException(
          "missing file",
          path
              + ": no "
              + name()
              + " table found here (file or directory names must start with one of: "
              + String.join(", ", tableNames)
              + ")");
    }
    List<TableCursor> cursors = new ArrayList<>();
    try {
      for (Table table : tables(files.keySet(), ref)) {
        for (Path p : files.getOrDefault(table.name(), List.of())) {
          cursors.add(new TableCursor(table, p, bad, stats));
        }
      }
    } catch (RuntimeException e) {
      cursors.forEach(TableCursor::close);
      throw e;
    }
    return new TraceReader(
        cursors,
        bad,
        stats,
        files.containsKey(tableNames.get(0)),
        jobTable != null && files.containsKey(jobTable));
  }

  /** Microseconds with Google's sentinels: 2^63−1 means after the trace. */
  static long micros(Row row, int col) {
    long t = row.integer(col);
    if (t < 0) {
      throw row.error("out of range", col, "a time cannot be negative");
    }
    return t;
  }

  /** Seconds (possibly fractional) as microseconds; Alibaba's few negative times become 0. */
  static long seconds(Row row, int col, long ifEmpty) {
    if (row.isEmpty(col)) {
      return ifEmpty;
    }
    double s = row.number(col);
    if (s > 9.0e12) {
      throw row.error("out of range", col, "a time in seconds beyond 285,000 years");
    }
    return s <= 0 ? 0 : Math.round(s * 1e6);
  }

  /** An event code in {@code [0, names.length)}; anything else is an unknown code. */
  static int code(Row row, int col, String[] names) {
    String v = row.required(col);
    if (v.length() == 1) {
      int c = v.charAt(0) - '0';
      if (c >= 0 && c < names.length && names[c] != null) {
        return c; // the usual case: one digit
      }
    }
    for (int i = 0; i < names.length; i++) {
      if (names[i] != null && names[i].equals(v)) {
        return i; // exports that write enums by name
      }
    }
    long c;
    try {
      c = Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw row.error("unknown event code", col, "not an event code");
    }
    if (c < 0 || c >= names.length || names[(int) c] == null) {
      throw row.error(
          "unknown event code", col, "unknown event code " + c + " (known: " + known(names) + ")");
    }
    return (int) c;
  }

  private static String known(String[] names) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < names.length; i++) {
      if (names[i] != null) {
        b.append(b.length() == 0 ? "" : ", ").append(i).append('=').append(names[i]);
      }
    }
    return b.toString();
  }
}
