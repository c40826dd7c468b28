package io.clustersim.workloads.trace;

import java.io.Closeable;
import java.io.IOException;

/** Rows of one file, read once, in file order. */
interface RowSource extends Closeable {
  /** The next row, or null at the end. A malformed row throws a {@link TraceException}. */
  Row next() throws IOException;

  /** Rows read so far (including bad ones). */
  long rows();
}
