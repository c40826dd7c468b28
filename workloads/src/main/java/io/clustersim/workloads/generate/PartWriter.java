package io.clustersim.workloads.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes one table as gzipped CSV parts. With {@code rowsPerPart > 0} it writes Google's layout,
 * {@code DIR/TABLE/part-NNNNN-of-NNNNN.csv.gz}, renaming the parts at the end once their number is
 * known; otherwise a single {@code DIR/TABLE.csv.gz} (Alibaba's layout).
 */
final class PartWriter implements AutoCloseable {
  private final Path dir;
  private final String table;
  private final long rowsPerPart;
  private final List<Path> parts = new ArrayList<>();
  private Writer out;
  private long rowsInPart;
  private long rows;

  PartWriter(Path dir, String table, long rowsPerPart) throws IOException {
    this.dir = rowsPerPart > 0 ? dir.resolve(table) : dir;
    this.table = table;
    this.rowsPerPart = rowsPerPart;
    Files.createDirectories(this.dir);
    open();
  }

  private void open() throws IOException {
    Path p =
        rowsPerPart > 0
            ? dir.resolve(String.format("part-%05d.tmp.gz", parts.size()))
            : dir.resolve(table + ".csv.gz");
    parts.add(p);
    out =
        new BufferedWriter(
            new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(p), 1 << 16), StandardCharsets.UTF_8),
            1 << 16);
    rowsInPart = 0;
  }

  /** Writes one row (without its line end). */
  void row(CharSequence line) throws IOException {
    if (rowsPerPart > 0 && rowsInPart == rowsPerPart) {
      out.close();
      open();
    }
    out.append(line).append('\n');
    rowsInPart++;
    rows++;
  }

  long rows() {
    return rows;
  }

  @Override
  public void close() throws IOException {
    out.close();
    if (rowsPerPart > 0) {
      for (int i = 0; i < parts.size(); i++) {
        Files.move(
            parts.get(i),
            dir.resolve(String.format("part-%05d-of-%05d.csv.gz", i, parts.size())),
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /** A number as the traces write it: up to 6 significant digits, no trailing zeros. */
  static String number(double v) {
    if (v == 0) {
      return "0";
    }
    String s =
        new java.math.BigDecimal(v)
            .round(new java.math.MathContext(6))
            .stripTrailingZeros()
            .toPlainString();
    return s;
  }
}
