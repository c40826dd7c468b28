package io.clustersim.workloads.trace;

/**
 * Bad trace input, located exactly: {@code file:line: column N (field): value 'v': problem}. The
 * command line prints the message and exits with status 2.
 */
public final class TraceException extends RuntimeException {
  private final String kind;

  /** A problem of {@code kind} (a short category used to count skipped rows) at a place. */
  public TraceException(String kind, String message) {
    super(message);
    this.kind = kind;
  }

  /** The category, such as {@code not a number}; skipped rows are counted by it. */
  public String kind() {
    return kind;
  }

  /** A problem with one field of a row. */
  static TraceException field(
      String kind, String file, long line, int column, String field, String value, String what) {
    return new TraceException(
        kind,
        file
            + ":"
            + line
            + ": column "
            + column
            + " ("
            + field
            + "): value '"
            + value
            + "': "
            + what);
  }

  /** A problem with a whole row. */
  static TraceException row(String kind, String file, long line, String what) {
    return new TraceException(kind, file + ":" + line + ": " + what);
  }
}
