package io.clustersim.workloads.trace;

/**
 * One row of a trace table with its place in the file, and typed access to its fields that fails
 * with a {@link TraceException} naming file, line, column, field and value. Columns are 1-based, as
 * in the traces' own schema files.
 *
 * <p>The fields are kept as one array of characters with the end of each, not as a String each:
 * numbers are parsed straight from the characters, and only the fields used as text (ids, names)
 * become Strings. On the Google task_events benchmark this halved what reading a row allocates.
 */
final class Row {
  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = p; // exact: 10^22 is the largest power of ten a double holds exactly
      p *= 10;
    }
  }

  private final String file;
  private final long line;
  private final String[] names;
  private final char[] chars;
  private final int[] ends;
  private final boolean json;

  /**
   * A row whose field {@code i} (0-based) is {@code chars[ends[i-1] .. ends[i])}, with {@code
   * ends[-1]} taken as 0; {@code ends} has one entry per column of the table.
   */
  Row(String file, long line, String[] names, char[] chars, int[] ends, boolean json) {
    this.file = file;
    this.line = line;
    this.names = names;
    this.chars = chars;
    this.ends = ends;
    this.json = json;
  }

  /** A row from its fields' texts. */
  static Row of(String file, long line, String[] names, String[] fields, boolean json) {
    int[] ends = new int[fields.length];
    int n = 0;
    for (int i = 0; i < fields.length; i++) {
      n += fields[i].length();
      ends[i] = n;
    }
    char[] chars = new char[n];
    for (int i = 0; i < fields.length; i++) {
      fields[i].getChars(0, fields[i].length(), chars, start(ends, i + 1));
    }
    return new Row(file, line, names, chars, ends, json);
  }

  private static int start(int[] ends, int col) {
    return col == 1 ? 0 : ends[col - 2];
  }

  private int start(int col) {
    return start(ends, col);
  }

  private int end(int col) {
    return ends[col - 1];
  }

  String file() {
    return file;
  }

  long line() {
    return line;
  }

  String[] names() {
    return names;
  }

  boolean json() {
    return json;
  }

  /** Every field's text. */
  String[] fields() {
    String[] out = new String[ends.length];
    for (int i = 1; i <= ends.length; i++) {
      out[i - 1] = text(i);
    }
    return out;
  }

  /** The raw text of column {@code col} ("" when empty). */
  String text(int col) {
    int s = start(col);
    int e = end(col);
    return s == e ? "" : new String(chars, s, e - s);
  }

  boolean isEmpty(int col) {
    return start(col) == end(col);
  }

  /** A mandatory field's text. */
  String required(int col) {
    requirePresent(col);
    return text(col);
  }

  private void requirePresent(int col) {
    if (isEmpty(col)) {
      throw error("missing value", col, "a value is required here");
    }
  }

  /**
   * An id made of decimal digits (as Google's job, task and machine ids), returned as written;
   * checking the characters costs less than parsing a number only to print it again.
   */
  String id(int col) {
    requirePresent(col);
    int s = start(col);
    int n = end(col) - s;
    if (n > 19) {
      throw error("not a number", col, "not an integer id");
    }
    for (int i = 0; i < n; i++) {
      char c = chars[s + i];
      if (c < '0' || c > '9') {
        if (i == 0 && c == '-' && n > 1) {
          continue;
        }
        throw error("not a number", col, "not an integer id");
      }
    }
    return new String(chars, s, n);
  }

  /** An integer; empty is an error. */
  long integer(int col) {
    requirePresent(col);
    return parseInteger(col);
  }

  /** An integer, or {@code ifEmpty} when the field is empty. */
  long integer(int col, long ifEmpty) {
    return isEmpty(col) ? ifEmpty : parseInteger(col);
  }

  private long parseInteger(int col) {
    // Up to 18 digits cannot overflow; anything else takes the general path.
    int s = start(col);
    int e = end(col);
    boolean negative = chars[s] == '-';
    int i = negative ? s + 1 : s;
    if (i < e && e - i <= 18) {
      long v = 0;
      for (; i < e; i++) {
        int d = chars[i] - '0';
        if (d < 0 || d > 9) {
          break;
        }
        v = v * 10 + d;
      }
      if (i == e) {
        return negative ? -v : v;
      }
    }
    return parseInteger(col, text(col));
  }

  private long parseInteger(int col, String v) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      // Some exports write integral values as 12.0; accept those, nothing else.
      double d = parseNumber(col, v);
      if (d != Math.rint(d) || Math.abs(d) > 9.0e15) {
        throw error("not a number", col, "not an integer");
      }
      return (long) d;
    }
  }

  /** A finite number; empty is an error. */
  double number(int col) {
    requirePresent(col);
    return parseNumber(col);
  }

  /** A finite number, or {@code ifEmpty} when the field is empty. */
  double number(int col, double ifEmpty) {
    return isEmpty(col) ? ifEmpty : parseNumber(col);
  }

  /**
   * Plain decimals ({@code -12.0625}) with at most 15 significant digits are exact as a whole
   * number m of at most 2^53 over a power of ten up to 10^22, both exact doubles, so the one
   * correctly rounded division gives the same double as {@link Double#parseDouble} (Clinger's fast
   * path). Everything else (exponents, longer mantissas, spaces) goes to the JDK.
   */
  private double parseNumber(int col) {
    int s = start(col);
    int e = end(col);
    boolean negative = chars[s] == '-';
    int i = negative ? s + 1 : s;
    long m = 0;
    int digits = 0;
    int fraction = -1;
    for (; i < e; i++) {
      char c = chars[i];
      if (c >= '0' && c <= '9') {
        m = m * 10 + (c - '0');
        if (m != 0 && ++digits > 15) {
          break; // too long for the fast path (and m would overflow later)
        }
        if (fraction >= 0) {
          fraction++;
        }
      } else if (c == '.' && fraction < 0) {
        fraction = 0;
      } else {
        break;
      }
    }
    boolean plain = i == e && digits <= 15 && fraction <= 22 && i > (negative ? s + 1 : s);
    if (plain && !(fraction == 0 && e - s == (negative ? 2 : 1))) {
      double v = fraction <= 0 ? m : m / POWERS_OF_TEN[fraction];
      return negative ? -v : v;
    }
    return parseNumber(col, text(col));
  }

  /** A finite non-negative number, or {@code ifEmpty} when the field is empty. */
  double amount(int col, double ifEmpty) {
    double d = number(col, ifEmpty);
    if (d < 0) {
      throw error("out of range", col, "a resource amount cannot be negative");
    }
    return d;
  }

  private double parseNumber(int col, String v) {
    double d;
    try {
      d = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw error("not a number", col, "not a number");
    }
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw error("not a number", col, "not a finite number");
    }
    return d;
  }

  /** An error about column {@code col}. */
  TraceException error(String kind, int col, String what) {
    if (json) {
      return new TraceException(
          kind,
          file + ":" + line + ": field " + names[col - 1] + ": value '" + text(col) + "': " + what);
    }
    return TraceException.field(kind, file, line, col, names[col - 1], text(col), what);
  }

  /** An error about the whole row. */
  TraceException error(String kind, String what) {
    return TraceException.row(kind, file, line, what);
  }
}
