package io.clustersim.workloads.trace;

/**
 * One row of a trace table with its place in the file, and typed access to its fields that fails
 * with a {@link TraceException} naming file, line, column, field and value. Columns are 1-based, as
 * in the traces' own schema files.
 */
final class Row {
  private final String file;
  private final long line;
  private final String[] names;
  private final String[] fields;
  private final boolean json;

  Row(String file, long line, String[] names, String[] fields, boolean json) {
    this.file = file;
    this.line = line;
    this.names = names;
    this.fields = fields;
    this.json = json;
  }

  String file() {
    return file;
  }

  long line() {
    return line;
  }

  String[] names() {
    return names;
  }

  boolean json() {
    return json;
  }

  String[] fields() {
    return fields;
  }

  /** The raw text of column {@code col} ("" when empty). */
  String text(int col) {
    return fields[col - 1];
  }

  boolean isEmpty(int col) {
    return fields[col - 1].isEmpty();
  }

  /** A mandatory field's text. */
  String required(int col) {
    String v = fields[col - 1];
    if (v.isEmpty()) {
      throw error("missing value", col, "a value is required here");
    }
    return v;
  }

  /**
   * An id made of decimal digits (as Google's job, task and machine ids), returned as written;
   * checking the characters costs less than parsing a number only to print it again.
   */
  String id(int col) {
    String v = required(col);
    int n = v.length();
    if (n > 19) {
      throw error("not a number", col, "not an integer id");
    }
    for (int i = 0; i < n; i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        if (i == 0 && c == '-' && n > 1) {
          continue;
        }
        throw error("not a number", col, "not an integer id");
      }
    }
    return v;
  }

  /** An integer; empty is an error. */
  long integer(int col) {
    return parseInteger(col, required(col));
  }

  /** An integer, or {@code ifEmpty} when the field is empty. */
  long integer(int col, long ifEmpty) {
    String v = fields[col - 1];
    return v.isEmpty() ? ifEmpty : parseInteger(col, v);
  }

  private long parseInteger(int col, String v) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      // Some exports write integral values as 12.0; accept those, nothing else.
      double d = parseNumber(col, v);
      if (d != Math.rint(d) || Math.abs(d) > 9.0e15) {
        throw error("not a number", col, "not an integer");
      }
      return (long) d;
    }
  }

  /** A finite number; empty is an error. */
  double number(int col) {
    return parseNumber(col, required(col));
  }

  /** A finite number, or {@code ifEmpty} when the field is empty. */
  double number(int col, double ifEmpty) {
    String v = fields[col - 1];
    return v.isEmpty() ? ifEmpty : parseNumber(col, v);
  }

  /** A finite non-negative number, or {@code ifEmpty} when the field is empty. */
  double amount(int col, double ifEmpty) {
    double d = number(col, ifEmpty);
    if (d < 0) {
      throw error("out of range", col, "a resource amount cannot be negative");
    }
    return d;
  }

  private double parseNumber(int col, String v) {
    double d;
    try {
      d = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw error("not a number", col, "not a number");
    }
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw error("not a number", col, "not a finite number");
    }
    return d;
  }

  /** An error about column {@code col}. */
  TraceException error(String kind, int col, String what) {
    if (json) {
      return new TraceException(
          kind,
          file
              + ":"
              + line
              + ": field "
              + names[col - 1]
              + ": value '"
              + fields[col - 1]
              + "': "
              + what);
    }
    return TraceException.field(kind, file, line, col, names[col - 1], fields[col - 1], what);
  }

  /** An error about the whole row. */
  TraceException error(String kind, String what) {
    return TraceException.row(kind, file, line, what);
  }
}
