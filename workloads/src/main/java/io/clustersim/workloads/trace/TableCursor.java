package io.clustersim.workloads.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The events of one file of one table, in time order. Rows are read once, in order: an ordered
 * table's on a background thread that also parses them ({@link Prefetch}), an unordered one's
 * through the bounded-memory sort. The events a row yields for later (a task's end in a per-task
 * table) wait here, so memory grows with the tasks in flight, not with the file.
 */
final class TableCursor {
  private record Pending(long time, long seq, TraceEvent event, long line) {}

  /** A row with its key, type and events (type null and no events: dated after the trace). */
  private record Parsed(long line, long key, String type, List<TraceEvent> events) {}

  private final Table table;
  private final String file;
  private final BadRows bad;
  private final TraceStats stats;
  private final Prefetch prefetch;
  private final SortedRows sorted;
  // Events at their row's own time (most of them) queue in order; only later ones need a heap.
  private final ArrayDeque<Pending> atKey = new ArrayDeque<>();
  private final PriorityQueue<Pending> later =
      new PriorityQueue<>(
          (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
  private Parsed nextRow;
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
        // Parsing goes ahead with reading: with FastCSV's tokenizer the reading thread had time to
        // spare while this one, which merges and checks, was the bottleneck.
        this.prefetch = new Prefetch(rows, this::parse);
        this.sorted = null;
      } else {
        this.prefetch = null;
        this.sorted = new SortedRows(rows, table, bad);
      }
    } catch (IOException e) {
      throw new TraceException("unreadable", file + ": cannot read: " + e.getMessage());
    }
    advanceRow();
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
    Pending p = head();
    return p == null ? Long.MAX_VALUE : p.time;
  }

  /** The next event (call {@link #peekTime} first). */
  TraceEvent next() {
    fill();
    Pending p = head();
    if (p == atKey.peekFirst()) {
      atKey.pollFirst();
    } else {
      later.poll();
    }
    line = p.line;
    return p.event;
  }

  /** The earliest buffered event, by (time, seq), or null. */
  private Pending head() {
    Pending a = atKey.peekFirst();
    Pending b = later.peek();
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return a.time < b.time || (a.time == b.time && a.seq < b.seq) ? a : b;
  }

  private void fill() {
    // An event may leave once no unread row can yield an earlier one: rows come in key order and
    // every event of a row is at or after its key.
    while (nextRow != null) {
      Pending h = head();
      if (h != null && h.time <= nextRow.key) {
        break;
      }
      Parsed row = nextRow;
      advanceRow();
      consume(row);
    }
  }

  /**
   * Parses one row of an ordered table, checking that time does not go backwards; runs on the
   * reading thread, one row after the other ({@link Prefetch}).
   */
  private Object parse(Row row) {
    try {
      long key = table.key(row);
      if (key < lastKey) {
        throw row.error(
            "time goes backwards",
            1,
            "time goes backwards inside this file (previous row's time was "
                + lastKey
                + " µs after the trace start)");
      }
      lastKey = key;
      return parsed(row, key);
    } catch (TraceException e) {
      return e;
    }
  }

  private Parsed parsed(Row row, long key) {
    if (key == Long.MAX_VALUE) {
      return new Parsed(row.line(), key, null, List.of());
    }
    String type = table.type(row);
    List<TraceEvent> events = new ArrayList<>(2);
    table.events(
        row,
        key,
        e -> {
          if (e.time() < key) {
            throw new IllegalStateException(
                table.name() + " yielded an event before its row's time at " + row.line());
          }
          events.add(e);
        });
    return new Parsed(row.line(), key, type, events);
  }

  private void consume(Parsed row) {
    if (row.key == Long.MAX_VALUE) {
      bad.orphan(table.name() + ": rows dated after the trace window");
      return;
    }
    for (TraceEvent e : row.events) {
      Pending p = new Pending(e.time(), seq++, e, row.line);
      if (e.time() == row.key) {
        atKey.addLast(p);
      } else {
        later.add(p);
      }
    }
    if (row.type != null) {
      stats.rowType(table.name(), row.type);
    }
  }

  private void advanceRow() {
    nextRow = null;
    if (done) {
      return;
    }
    try {
      while (true) {
        Object item;
        try {
          if (sorted != null) {
            SortedRows.Keyed k = sorted.next();
            item = k == null ? null : parsedOrError(sorted.row(k), k.key());
          } else {
            item = prefetch.next();
          }
        } catch (TraceException e) {
          bad.bad(e); // a row the source could not read
          continue;
        }
        if (item == null) {
          break;
        }
        if (item instanceof TraceException e) {
          bad.bad(e);
          continue;
        }
        nextRow = (Parsed) item;
        return;
      }
      done = true;
      stats.file(file, sorted != null ? sorted.rows() : prefetch.rows());
      close();
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  private Object parsedOrError(Row row, long key) {
    try {
      return parsed(row, key);
    } catch (TraceException e) {
      return e;
    }
  }

  void close() {
    try {
      if (sorted != null) {
        sorted.close();
      } else {
        prefetch.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
