package io.clustersim.workloads.trace;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Rows of a table that is not in time order (Alibaba's per-task tables, Google 2019's export),
 * delivered in key order with bounded memory: an external merge sort. Up to {@link #CHUNK} rows (or
 * {@link #CHUNK_BYTES} of them) are sorted in memory; a longer file is spilled in sorted chunks to
 * temporary files that are then merged. Equal keys keep file order, so the result does not depend
 * on the chunk size.
 */
final class SortedRows {
  /** Rows sorted in memory at a time, at most. */
  static final int CHUNK = 250_000;

  /**
   * Estimated bytes of rows held in memory at a time (two bytes a character plus object headers): a
   * wide table spills sooner than {@link #CHUNK} rows, so that sorting fits a small heap.
   */
  static final long CHUNK_BYTES = 32L << 20;

  record Keyed(long key, long line, String[] fields) {}

  private static final Comparator<Keyed> ORDER =
      Comparator.comparingLong(Keyed::key).thenComparingLong(Keyed::line);

  private String file;
  private String[] names;
  private boolean json;
  private final List<Path> spills = new ArrayList<>();
  private final List<DataInputStream> readers = new ArrayList<>();
  private final PriorityQueue<Object[]> merge =
      new PriorityQueue<>((a, b) -> ORDER.compare((Keyed) a[0], (Keyed) b[0]));
  private Keyed[] memory;
  private int memoryNext;
  private final long rows;

  /**
   * Reads {@code source} to the end now, keying rows with {@code table}; bad rows go to {@code
   * bad}.
   */
  SortedRows(RowSource source, Table table, BadRows bad) throws IOException {
    this(source, table, bad, CHUNK);
  }

  /** As above, sorting {@code chunk} rows at a time in memory (tests use tiny chunks). */
  SortedRows(RowSource source, Table table, BadRows bad, int chunk) throws IOException {
    List<Keyed> rowsInChunk = new ArrayList<>();
    long bytes = 0;
    try (source) {
      while (true) {
        Row row;
        long key;
        try {
          row = source.next();
          if (row == null) {
            break;
          }
          key = table.key(row);
        } catch (TraceException e) {
          bad.bad(e);
          continue;
        }
        if (file == null) {
          file = row.file();
          names = row.names();
          json = row.json();
        }
        rowsInChunk.add(new Keyed(key, row.line(), row.fields()));
        bytes += 64;
        for (String f : row.fields()) {
          bytes += 48 + 2L * f.length();
        }
        if (rowsInChunk.size() == chunk || bytes >= CHUNK_BYTES) {
          spill(rowsInChunk);
          rowsInChunk.clear();
          bytes = 0;
        }
      }
      rows = source.rows();
    }
    Keyed[] last = rowsInChunk.toArray(new Keyed[0]);
    Arrays.sort(last, ORDER);
    if (spills.isEmpty()) {
      memory = last;
    } else {
      if (last.length > 0) {
        spill(Arrays.asList(last));
      }
      for (Path p : spills) {
        DataInputStream in =
            new DataInputStream(
                new BufferedInputStream(new GZIPInputStream(Files.newInputStream(p), 1 << 16)));
        readers.add(in);
        Keyed k = read(in);
        if (k != null) {
          merge.add(new Object[] {k, in});
        }
      }
    }
  }

  private void spill(List<Keyed> rows) throws IOException {
    Keyed[] sorted = rows.toArray(new Keyed[0]);
    Arrays.sort(sorted, ORDER);
    Path p = Files.createTempFile("clustersim-sort-", ".bin.gz");
    p.toFile().deleteOnExit();
    spills.add(p);
    try (DataOutputStream out =
        new DataOutputStream(
            new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(p), 1 << 16)))) {
      for (Keyed k : sorted) {
        out.writeLong(k.key());
        out.writeLong(k.line());
        out.writeInt(k.fields().length);
        for (String f : k.fields()) {
          out.writeUTF(f);
        }
      }
    }
  }

  private static Keyed read(DataInputStream in) throws IOException {
    long key;
    try {
      key = in.readLong();
    } catch (EOFException e) {
      return null;
    }
    long line = in.readLong();
    String[] fields = new String[in.readInt()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = in.readUTF();
    }
    return new Keyed(key, line, fields);
  }

  /** Rows read from the file. */
  long rows() {
    return rows;
  }

  /** The next row in key order with its key, or null. */
  Keyed next() throws IOException {
    if (memory != null) {
      return memoryNext < memory.length ? memory[memoryNext++] : null;
    }
    Object[] top = merge.poll();
    if (top == null) {
      return null;
    }
    DataInputStream in = (DataInputStream) top[1];
    Keyed k = read(in);
    if (k != null) {
      merge.add(new Object[] {k, in});
    }
    return (Keyed) top[0];
  }

  /** The row of a keyed entry, for parsing. */
  Row row(Keyed k) {
    return Row.of(file, k.line(), names, k.fields(), json);
  }

  /** Closes and deletes the spill files. */
  void close() throws IOException {
    for (DataInputStream in : readers) {
      in.close();
    }
    for (Path p : spills) {
      Files.deleteIfExists(p);
    }
  }
}
