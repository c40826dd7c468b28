package io.clustersim.workloads.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.PriorityQueue;

/**
 * The events of one file of one table, in time order. Rows are read once, in order (or from the
 * bounded-memory sort for unordered tables); the events a row yields for later (a task's end in a
 * per-task table) wait here, so memory grows with the tasks in flight, not with the file.
 */
final class TableCursor {
  private record Pending(long time, long seq, TraceEvent event, long line) {}

  private final Table table;
  private final String file;
  private final BadRows bad;
  private final TraceStats stats;
  private final RowSource source;
  private final SortedRows sorted;
  private final PriorityQueue<Pending> buffer =
      new PriorityQueue<>(
          (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
  private Row nextRow;
  private long nextKey;
  private long lastKey = Long.MIN_VALUE;
  private long seq;
  private long line;
  private boolean done;

  TableCursor(Table table, Path path, BadRows bad, TraceStats stats) {
    this.table = table;
    this.file = path.toString();
    this.bad = bad;
    this.stats = stats;
    stats.file(file, 0); // listed in opening order; the count is added when the file is read
    try {
      RowSource rows = table.open(path);
      if (table.ordered()) {
        this.source = rows;
        this.sorted = null;
      } else {
        this.source = null;
        this.sorted = new SortedRows(rows, table, bad);
      }
    } catch (IOException e) {
      throw new TraceException("unreadable", file + ": cannot read: " + e.getMessage());
    }
    advanceRow();
  }

  String table() {
    return table.name();
  }

  /** Line of the row that yielded the last event returned. */
  long line() {
    return line;
  }

  String file() {
    return file;
  }

  /** Time of the next event, or {@link Long#MAX_VALUE} when there is none. */
  long peekTime() {
    fill();
    return buffer.isEmpty() ? Long.MAX_VALUE : buffer.peek().time;
  }

  /** The next event (call {@link #peekTime} first). */
  TraceEvent next() {
    fill();
    Pending p = buffer.poll();
    line = p.line;
    return p.event;
  }

  private void fill() {
    // An event may leave once no unread row can yield an earlier one: rows come in key order and
    // every event of a row is at or after its key.
    while (nextRow != null && (buffer.isEmpty() || buffer.peek().time > nextKey)) {
      Row row = nextRow;
      long key = nextKey;
      advanceRow();
      consume(row, key);
    }
  }

  private void consume(Row row, long key) {
    if (key == Long.MAX_VALUE) {
      bad.orphan(table.name() + ": rows dated after the trace window");
      return;
    }
    try {
      String type = table.type(row);
      table.events(
          row,
          key,
          e -> {
            if (e.time() < key) {
              throw new IllegalStateException(
                  table.name() + " yielded an event before its row's time at " + row.line());
            }
            buffer.add(new Pending(e.time(), seq++, e, row.line()));
          });
      if (type != null) {
        stats.rowType(table.name(), type);
      }
    } catch (TraceException e) {
      bad.bad(e);
    }
  }

  private void advanceRow() {
    nextRow = null;
    if (done) {
      return;
    }
    try {
      while (true) {
        if (sorted != null) {
          SortedRows.Keyed k = sorted.next();
          if (k == null) {
            break;
          }
          nextRow = sorted.row(k);
          nextKey = k.key();
          return;
        }
        Row row;
        long key;
        try {
          row = source.next();
          if (row == null) {
            break;
          }
          key = table.key(row);
          if (key < lastKey) {
            throw row.error(
                "time goes backwards",
                1,
                "time goes backwards inside this file (previous row's time was "
                    + lastKey
                    + " µs after the trace start)");
          }
        } catch (TraceException e) {
          bad.bad(e);
          continue;
        }
        lastKey = key;
        nextRow = row;
        nextKey = key;
        return;
      }
      done = true;
      stats.file(file, sorted != null ? sorted.rows() : source.rows());
      close();
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  void close() {
    try {
      if (sorted != null) {
        sorted.close();
      } else {
        source.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
