package io.clustersim.workloads.trace;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.RecordType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * CSV rows through FastCSV's callback parser, which hands over each field as a range of its buffer:
 * the fields of a row are copied into one array of characters, with no String per field (see {@link
 * Row}). The column count is checked on every row. An optional header row (the GPU 2023 lists have
 * one; some public copies of other tables had one added) is recognised and is not a row.
 */
final class CsvRowSource implements RowSource {
  private final String file;
  private final String[] names;
  private final int minColumns;
  private final InputStream in;
  private final CsvReader<Fields> reader;
  private final CloseableIterator<Fields> records;
  private final HeaderRule header;
  private long line;
  private long count;
  private boolean first = true;

  /** Whether a header row is expected. */
  enum HeaderRule {
    /** The format has a header row (GPU 2023). */
    REQUIRED,
    /** No header in the format, but public copies sometimes add one; numeric first columns only. */
    OPTIONAL,
    /** No header: the first row is data. */
    NONE
  }

  /** One record as the parser gave it: its text, the end of each field, its first line. */
  private record Fields(char[] chars, int[] ends, long line, boolean empty) {
    String text(int i) {
      int s = i == 0 ? 0 : ends[i - 1];
      return new String(chars, s, ends[i] - s);
    }
  }

  /** Collects one record's fields back to back; the arrays are copied out per record. */
  private static final class Collector extends AbstractBaseCsvCallbackHandler<Fields> {
    private char[] chars = new char[256];
    private int[] ends = new int[16];
    private int length;

    @Override
    protected void handleBegin(long startingLine) {
      length = 0;
    }

    @Override
    protected void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
      if (length + len > chars.length) {
        chars = Arrays.copyOf(chars, Math.max(2 * chars.length, length + len));
      }
      System.arraycopy(buf, offset, chars, length, len);
      length += len;
      if (index >= ends.length) {
        ends = Arrays.copyOf(ends, 2 * ends.length);
      }
      ends[index] = length;
    }

    @Override
    protected Fields buildRecord() {
      int n = getFieldCount();
      return new Fields(
          Arrays.copyOf(chars, length),
          Arrays.copyOf(ends, n),
          getStartingLineNumber(),
          getRecordType() == RecordType.EMPTY);
    }
  }

  /**
   * Rows of {@code path}; each must have {@code names.length} columns, or at least {@code
   * minColumns} (the rest then read as empty).
   */
  CsvRowSource(Path path, String[] names, int minColumns, HeaderRule header) throws IOException {
    this.file = path.toString();
    this.names = names;
    this.minColumns = minColumns;
    this.header = header;
    this.in = TraceFiles.open(path);
    // Empty lines and ragged rows are reported here, as bad rows, not smoothed over.
    this.reader =
        CsvReader.builder()
            .skipEmptyLines(false)
            .allowExtraFields(true)
            .allowMissingFields(true)
            .build(new Collector(), in, StandardCharsets.UTF_8);
    this.records = reader.iterator();
  }

  @Override
  public Row next() throws IOException {
    while (true) {
      Fields fields;
      try {
        if (!records.hasNext()) {
          return null;
        }
        fields = records.next();
      } catch (RuntimeException e) {
        throw TraceException.row(
            "malformed CSV", file, line + 1, "malformed CSV: " + e.getMessage());
      }
      line = fields.line();
      if (first) {
        first = false;
        if (header != HeaderRule.NONE && !fields.empty()) {
          String f = fields.text(0).trim();
          if (f.equalsIgnoreCase(names[0].trim())
              || (header == HeaderRule.OPTIONAL && isTextHeader(f))) {
            continue;
          }
        }
        if (header == HeaderRule.REQUIRED) {
          throw TraceException.row(
              "missing header",
              file,
              line,
              "expected the header row '" + String.join(",", names) + "'");
        }
      }
      count++;
      if (fields.empty()) {
        throw TraceException.row("column count", file, line, "empty line");
      }
      int n = fields.ends().length;
      if (n < minColumns || n > names.length) {
        throw TraceException.row(
            "column count",
            file,
            line,
            "expected "
                + (minColumns == names.length
                    ? Integer.toString(names.length)
                    : minColumns + " to " + names.length)
                + " columns, found "
                + n);
      }
      int[] ends = fields.ends();
      if (n < names.length) {
        // Missing trailing columns read as empty: they end where the last present one does.
        ends = Arrays.copyOf(ends, names.length);
        Arrays.fill(ends, n, names.length, ends[n - 1]);
      }
      return new Row(file, line, names, fields.chars(), ends, false);
    }
  }

  /**
   * For tables whose first column is a number (a time): a first row whose first field is a word is
   * a header someone added to a public copy.
   */
  private static boolean isTextHeader(String first) {
    return !first.isEmpty() && Character.isLetter(first.charAt(0));
  }

  @Override
  public long rows() {
    return count;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    in.close();
  }
}
