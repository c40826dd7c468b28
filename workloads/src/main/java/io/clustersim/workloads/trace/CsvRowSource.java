package io.clustersim.workloads.trace;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV rows through Jackson's streaming CSV parser (tokens, without data binding), with the column
 * count checked on every row. An optional header row (the GPU 2023 lists have one; some public
 * copies of other tables had one added) is recognised and is not a row.
 */
final class CsvRowSource implements RowSource {
  private static final CsvFactory CSV = new CsvFactory();

  private final String file;
  private final String[] names;
  private final int minColumns;
  private final InputStream in;
  private final CsvParser parser;
  private final HeaderRule header;
  private final List<String> overflow = new ArrayList<>();
  private long line;
  private long count;
  private boolean started;

  /** Whether a header row is expected. */
  enum HeaderRule {
    /** The format has a header row (GPU 2023). */
    REQUIRED,
    /** No header in the format, but public copies sometimes add one; numeric first columns only. */
    OPTIONAL,
    /** No header: the first row is data. */
    NONE
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
    this.parser = CSV.createParser(in);
    this.parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
  }

  @Override
  public Row next() throws IOException {
    while (true) {
      String[] fields;
      try {
        fields = readRow();
      } catch (IOException | RuntimeException e) {
        throw TraceException.row(
            "malformed CSV", file, line + 1, "malformed CSV: " + e.getMessage());
      }
      if (fields == null) {
        return null;
      }
      line++;
      if (line == 1 && header != HeaderRule.NONE) {
        boolean looksLikeHeader =
            fields.length > 0 && fields[0].trim().equalsIgnoreCase(names[0].trim());
        if (looksLikeHeader || (header == HeaderRule.OPTIONAL && isTextHeader(fields))) {
          continue;
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
      if (fields.length == 1 && fields[0].isEmpty()) {
        throw TraceException.row("column count", file, line, "empty line");
      }
      if (fields.length < minColumns || fields.length > names.length) {
        throw TraceException.row(
            "column count",
            file,
            line,
            "expected "
                + (minColumns == names.length
                    ? Integer.toString(names.length)
                    : minColumns + " to " + names.length)
                + " columns, found "
                + fields.length);
      }
      if (fields.length < names.length) {
        String[] padded = new String[names.length];
        System.arraycopy(fields, 0, padded, 0, fields.length);
        for (int i = fields.length; i < names.length; i++) {
          padded[i] = "";
        }
        fields = padded;
      }
      return new Row(file, line, names, fields, false);
    }
  }

  /** One row's fields, or null at the end; rows longer than the table are returned whole. */
  private String[] readRow() throws IOException {
    JsonToken t = parser.nextToken();
    if (!started) {
      // With WRAP_AS_ARRAY the whole file is an array of row arrays.
      started = true;
      t = parser.nextToken();
    }
    if (t == null || t == JsonToken.END_ARRAY) {
      return null;
    }
    if (t != JsonToken.START_ARRAY) {
      throw new IOException("unexpected " + t);
    }
    String[] fields = new String[names.length];
    int n = 0;
    overflow.clear();
    while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new IOException("unexpected end of file");
      }
      String v = parser.getText();
      if (n < fields.length) {
        fields[n] = v;
      } else {
        overflow.add(v);
      }
      n++;
    }
    if (n == fields.length) {
      return fields;
    }
    String[] exact = new String[n];
    System.arraycopy(fields, 0, exact, 0, Math.min(n, fields.length));
    for (int i = fields.length; i < n; i++) {
      exact[i] = overflow.get(i - fields.length);
    }
    return exact;
  }

  /**
   * For tables whose first column is a number (a time): a first row whose first field is a word is
   * a header someone added to a public copy.
   */
  private static boolean isTextHeader(String[] fields) {
    String f = fields[0].trim();
    return !f.isEmpty() && Character.isLetter(f.charAt(0));
  }

  @Override
  public long rows() {
    return count;
  }

  @Override
  public void close() throws IOException {
    parser.close();
    in.close();
  }
}
