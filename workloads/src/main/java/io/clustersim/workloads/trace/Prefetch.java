package io.clustersim.workloads.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Reads a {@link RowSource} ahead on a background thread, in batches, and applies a mapping to each
 * row there too, so that decompressing, tokenizing and parsing the next rows overlap with merging
 * and checking the current ones. The items, their order and the bad rows among them are exactly
 * those of a sequential read: one batch at a time is in flight per source, and each batch is read
 * by one task, in file order (so a mapping may keep state from row to row). Batches start small (a
 * cursor that is only peeked at, like most of a sharded table's 500 parts, holds a few rows) and
 * double up to {@link #MAX_BATCH}.
 */
final class Prefetch {
  static final int MAX_BATCH = 4096;

  private static final ExecutorService READERS =
      Executors.newFixedThreadPool(
          Math.max(1, Runtime.getRuntime().availableProcessors() - 1),
          r -> {
            Thread t = new Thread(r, "clustersim-trace-reader");
            t.setDaemon(true);
            return t;
          });

  /** A row the source itself could not read. */
  private record SourceError(TraceException error) {}

  /** Items read, with a bad row's error in its place; {@code end} once the source is done. */
  private record Batch(List<Object> items, boolean end, long rows) {}

  private final RowSource source;
  private final Function<Row, Object> mapping;
  private Future<Batch> pending;
  private Batch current;
  private int next;
  private int size = 16;
  private long rows;

  /** Reads {@code source} ahead, each row turned into {@code mapping}'s result (not null). */
  Prefetch(RowSource source, Function<Row, Object> mapping) {
    this.source = source;
    this.mapping = mapping;
    this.pending = READERS.submit(() -> read(size));
  }

  private Batch read(int n) {
    List<Object> items = new ArrayList<>(n);
    boolean end = false;
    try {
      while (items.size() < n) {
        Row r;
        try {
          r = source.next();
        } catch (TraceException e) {
          items.add(new SourceError(e));
          continue;
        }
        if (r == null) {
          end = true;
          break;
        }
        items.add(mapping.apply(r));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Batch(items, end, source.rows());
  }

  /** The next row's mapping, or null at the end; a row the source could not read throws here. */
  Object next() throws IOException {
    while (current == null || next == current.items().size()) {
      if (current != null && current.end()) {
        return null;
      }
      current = await();
      next = 0;
      rows = current.rows();
      if (!current.end()) {
        size = Math.min(MAX_BATCH, size * 2);
        int n = size;
        pending = READERS.submit(() -> read(n));
      }
    }
    Object item = current.items().get(next++);
    if (item instanceof SourceError e) {
      throw e.error();
    }
    return item;
  }

  private Batch await() throws IOException {
    Batch b = ReadAhead.await(pending);
    pending = null;
    return b;
  }

  /** Rows the source has read so far. */
  long rows() {
    return rows;
  }

  void close() throws IOException {
    if (pending != null) {
      try {
        await(); // the source must not be closed under the reading thread
      } catch (IOException | RuntimeException e) {
        // closing anyway; the error would have been reported had the rows been read
      }
    }
    source.close();
  }
}
