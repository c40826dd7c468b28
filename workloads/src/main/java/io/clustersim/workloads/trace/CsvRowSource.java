package io.clustersim.workloads.trace;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;

/**
 * CSV rows through Jackson's streaming CSV parser, with the column count checked on every row. An
 * optional header row (the GPU 2023 lists have one; some public copies of other tables had one
 * added) is recognised by its first field matching the first column's name and is not a row.
 */
final class CsvRowSource implements RowSource {
  private static final ObjectReader READER =
      new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).readerFor(String[].class);

  private final String file;
  private final String[] names;
  private final int minColumns;
  private final Reader in;
  private final MappingIterator<String[]> rows;
  private final HeaderRule header;
  private long line;
  private long count;

  /** Whether a header row is expected. */
  enum HeaderRule {
    /** The format has a header row (GPU 2023). */
    REQUIRED,
    /**
     * No header in the format, but public copies sometimes add one; only for numeric first columns.
     */
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
    this.in = TraceFiles.reader(path);
    this.rows = READER.readValues(in);
  }

  @Override
  public Row next() throws IOException {
    while (true) {
      String[] fields;
      try {
        if (!rows.hasNextValue()) {
          return null;
        }
        fields = rows.nextValue();
      } catch (RuntimeException e) {
        throw TraceException.row("malformed CSV", file, line + 1, "malformed CSV: " + e);
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
    rows.close();
    in.close();
  }
}
