package io.clustersim.workloads.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fields parsed from a row's characters must read exactly as the JDK reads their text, and the CSV
 * source must split rows as RFC 4180 says (quotes, doubled quotes, separators inside quotes).
 */
class RowTest {
  private static final String[] NAMES = {"a", "b", "c"};

  private static Row row(String... fields) {
    return Row.of("t.csv", 7, NAMES, fields, false);
  }

  @Provide
  Arbitrary<String> decimals() {
    Arbitrary<String> whole = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(20);
    Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(25);
    return Combinators.combine(
            Arbitraries.of("", "-"),
            whole,
            Arbitraries.of("", "."),
            fraction,
            Arbitraries.of("", "e3", "E-2"))
        .as((sign, w, dot, f, exp) -> sign + w + dot + (dot.isEmpty() ? "" : f) + exp)
        .filter(s -> !s.isEmpty());
  }

  /** Same double, to the bit, as Double.parseDouble; the same refusal when that refuses. */
  @Property(tries = 3000)
  void numbersReadAsTheJdkReadsThem(@ForAll("decimals") String text) {
    Double expected;
    try {
      expected = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      expected = null;
    }
    Row r = row(text, "", "");
    if (expected == null) {
      TraceException e = assertThrows(TraceException.class, () -> r.number(1));
      assertEquals("not a number", e.kind());
    } else {
      assertEquals(
          Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(r.number(1)), text);
    }
  }

  @Test
  void numbersAtTheEdgesOfTheFastPath() {
    String[] cases = {
      "0",
      "-0",
      "5.",
      ".5",
      "0.000123",
      "123456789012345",
      "1234567890123456",
      "9007199254740993",
      "0.1",
      "0.30000000000000004",
      "1.0000000000000000000001",
      "1e22",
      "12.0625",
      " 3",
      "3 "
    };
    for (String c : cases) {
      assertEquals(
          Double.doubleToRawLongBits(Double.parseDouble(c)),
          Double.doubleToRawLongBits(row(c, "", "").number(1)),
          c);
    }
    for (String bad : new String[] {"-", ".", "-.", "1.2.3", "abc", "NaN", "Infinity"}) {
      assertThrows(TraceException.class, () -> row(bad, "", "").number(1), bad);
    }
  }

  @Property(tries = 1000)
  void integersReadAsTheJdkReadsThem(@ForAll long value) {
    assertEquals(value, row(Long.toString(value), "", "").integer(1));
  }

  @Test
  void integersAcceptOnlyWholeValues() {
    assertEquals(12, row("12.0", "", "").integer(1));
    assertEquals(-7, row("-7", "", "").integer(1));
    assertEquals(-1, row("", "", "").integer(1, -1));
    TraceException e = assertThrows(TraceException.class, () -> row("1.5", "", "").integer(1));
    assertEquals("not a number", e.kind());
    assertTrue(e.getMessage().contains("t.csv:7: column 1 (a): value '1.5'"), e.getMessage());
    assertThrows(TraceException.class, () -> row("-", "", "").integer(1));
    assertThrows(TraceException.class, () -> row("99999999999999999999", "", "").integer(1));
    assertThrows(TraceException.class, () -> row("", "", "").integer(1));
  }

  @Test
  void idsAreDigitsReturnedAsWritten() {
    Row r = row("007", "-5", "12a");
    assertEquals("007", r.id(1));
    assertEquals("-5", r.id(2));
    TraceException e = assertThrows(TraceException.class, () -> r.id(3));
    assertTrue(e.getMessage().contains("column 3 (c): value '12a'"), e.getMessage());
  }

  @Test
  void emptyFieldsAndTexts() {
    Row r = row("", "x y", "");
    assertTrue(r.isEmpty(1));
    assertTrue(r.isEmpty(3));
    assertEquals("x y", r.text(2));
    assertArrayEquals(new String[] {"", "x y", ""}, r.fields());
    assertEquals(2.5, r.number(1, 2.5));
  }

  private List<Row> read(Path dir, String content, int minColumns) throws IOException {
    Path f = dir.resolve("t.csv");
    Files.writeString(f, content, StandardCharsets.UTF_8);
    List<Row> rows = new ArrayList<>();
    try (CsvRowSource s = new CsvRowSource(f, NAMES, minColumns, CsvRowSource.HeaderRule.NONE)) {
      for (Row r = s.next(); r != null; r = s.next()) {
        rows.add(r);
      }
      assertNull(s.next());
    }
    return rows;
  }

  @Test
  void quotedFieldsKeepSeparatorsAndQuotes(@TempDir Path dir) throws IOException {
    List<Row> rows = read(dir, "1,\"a,b\",\"say \"\"hi\"\"\"\n2,,\n", 3);
    assertEquals(2, rows.size());
    assertArrayEquals(new String[] {"1", "a,b", "say \"hi\""}, rows.get(0).fields());
    assertArrayEquals(new String[] {"2", "", ""}, rows.get(1).fields());
    assertEquals(2, rows.get(1).line());
  }

  @Test
  void shortRowsArePaddedDownToTheMinimum(@TempDir Path dir) throws IOException {
    List<Row> rows = read(dir, "1,2\n", 2);
    assertArrayEquals(new String[] {"1", "2", ""}, rows.get(0).fields());
    assertTrue(rows.get(0).isEmpty(3));
  }

  @Test
  void anEmptyLineIsABadRowOnItsOwnLine(@TempDir Path dir) {
    TraceException e = assertThrows(TraceException.class, () -> read(dir, "1,2,3\n\n4,5,6\n", 3));
    assertEquals("column count", e.kind());
    assertTrue(e.getMessage().contains("t.csv:2:"), e.getMessage());
    assertTrue(e.getMessage().contains("empty line"), e.getMessage());
  }

  @Test
  void tooManyColumnsNamesTheCount(@TempDir Path dir) {
    TraceException e = assertThrows(TraceException.class, () -> read(dir, "1,2,3,4\n", 3));
    assertTrue(e.getMessage().contains("t.csv:1: expected 3 columns, found 4"), e.getMessage());
  }
}
