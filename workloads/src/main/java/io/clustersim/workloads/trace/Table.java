package io.clustersim.workloads.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One table of a trace format: how to read its rows, the time each row is keyed by, whether the
 * files are already in time order (else they are sorted with bounded memory, see {@link
 * SortedRows}), and how a row becomes events. Every event a row yields must be at or after the
 * row's key time; events later than that wait in the cursor until their time comes.
 */
interface Table {
  /** Its name, also what its files' names start with. */
  String name();

  /** Opens one file of it. */
  RowSource open(Path file) throws IOException;

  /**
   * True if each file is in time order (a row earlier than the previous one is bad input). An
   * ordered table's rows are parsed ({@link #key}, {@link #type}, {@link #events}) on reading
   * threads, the files of one table possibly at the same time: such a table must keep no state from
   * row to row. An unordered table's rows are parsed on the caller's thread, in key order.
   */
  boolean ordered();

  /** The row's time in microseconds from the trace start; {@link Long#MAX_VALUE}: after the end. */
  long key(Row row);

  /** The row's event type for the counts ({@code SUBMIT}, {@code add}, ...), or null. */
  default String type(Row row) {
    return null;
  }

  /** Turns a row into events. */
  void events(Row row, long key, Consumer<TraceEvent> out);
}
