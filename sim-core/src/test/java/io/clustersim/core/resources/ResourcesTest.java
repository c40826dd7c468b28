package io.clustersim.core.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourcesTest {
  private static Resources r(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return Resources.fromMap(m);
  }

  private static Resources reserved(String role, Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return Resources.fromMap(m, role);
  }

  @Test
  void scalarsAddAndSubtractExactlyInThousandths() {
    // 0.1 + 0.2 is not 0.3 in binary floating point; in thousandths it is.
    Resources sum = r("cpus", 0.1).plus(r("cpus", 0.2));
    assertEquals(r("cpus", 0.3), sum);
    assertEquals(300, sum.milli("cpus"));
    assertEquals(
        r("cpus", 1, "mem", 1024), r("cpus", 3, "mem", 2048).minus(r("cpus", 2, "mem", 1024)));
  }

  @Test
  void subtractingMoreThanHeldNamesBothOperands() {
    ResourceException e =
        assertThrows(ResourceException.class, () -> r("cpus", 1, "mem", 512).minus(r("cpus", 2)));
    assertTrue(e.getMessage().contains("cpus:2"), e.getMessage());
    assertTrue(e.getMessage().contains("cpus:1;mem:512"), e.getMessage());
  }

  @Test
  void zeroEntriesVanishSoEqualValuesAreEqual() {
    assertEquals(r("mem", 10), r("cpus", 1, "mem", 10).minus(r("cpus", 1)));
    assertTrue(r("cpus", 1).minus(r("cpus", 1)).isEmpty());
  }

  @Test
  void containsComparesEveryEntryIncludingRangesAndRoles() {
    Resources agent = r("cpus", 4, "mem", 100, "ports", "31000-31010");
    assertTrue(agent.contains(r("cpus", 4, "ports", "31002-31005")));
    assertFalse(agent.contains(r("cpus", 4.001)));
    assertFalse(agent.contains(r("ports", "31009-31011")));
    assertFalse(agent.contains(r("disk", 1)));
    // A reservation is a different entry: unreserved cpus do not contain reserved ones.
    assertFalse(agent.contains(reserved("analytics", "cpus", 1)));
  }

  @Test
  void rangesMergeSplitAndFormat() {
    Ranges a = Ranges.parse("31000-31004").plus(Ranges.parse("31005-31009"));
    assertEquals("31000-31009", a.toString());
    Ranges hole = a.minus(Ranges.parse("31003-31004"));
    assertEquals("31000-31002,31005-31009", hole.toString());
    assertEquals(8, hole.count());
    assertEquals("31000-31002,31005-31006", hole.first(5).toString());
    assertEquals(
        "31002-31002,31005-31005", hole.intersect(Ranges.parse("[31002-31005]")).toString());
    assertThrows(IllegalArgumentException.class, () -> hole.minus(Ranges.parse("31003")));
  }

  @Test
  void allocatableToSeesUnreservedOwnAndAncestorReservationsOnly() {
    Resources agent =
        r("cpus", 8)
            .plus(reserved("eng", "cpus", 2))
            .plus(reserved("eng/web", "cpus", 1))
            .plus(reserved("ops", "cpus", 3));
    // eng/web sees unreserved, eng's (an ancestor) and its own; never ops'.
    assertEquals(11000, agent.allocatableTo("eng/web").milli("cpus"));
    assertEquals(10000, agent.allocatableTo("eng").milli("cpus"));
    assertEquals(8000, agent.allocatableTo("engineering").milli("cpus"));
    assertEquals("cpus:8;cpus(ops):3", agent.allocatableTo("ops").toString());
  }

  @Test
  void pickTakesReservedFirstThenUnreservedAndCountsPorts() {
    Resources offer =
        r("cpus", 4, "mem", 1024, "ports", "31000-31009").plus(reserved("eng", "cpus", 1));
    Resources picked = offer.pick(r("cpus", 2, "mem", 512, "ports", 3));
    assertEquals("cpus:1;cpus(eng):1;mem:512;ports:[31000-31002]", picked.toString());
    assertTrue(offer.contains(picked));
    assertNull(offer.pick(r("cpus", 5.5)));
    assertNull(offer.pick(r("gpus", 1)));
  }

  @Test
  void minusFlooredStopsAtZero() {
    assertEquals(r("mem", 10), r("cpus", 1, "mem", 10).minusFloored(r("cpus", 5, "disk", 3)));
  }

  @Test
  void formatsDecimalsWithoutTrailingZeros() {
    assertEquals("1", Resources.formatMilli(1000));
    assertEquals("1.5", Resources.formatMilli(1500));
    assertEquals("0.01", Resources.formatMilli(10));
    assertEquals("0.005", Resources.formatMilli(5));
    assertEquals("-0.25", Resources.formatMilli(-250));
    // Every value from -20 to 20 in thousandths and some large ones, against BigDecimal's own
    // plain form with the trailing zeros stripped.
    long[] large = {1_234_567_890L, 9_007_199_254_740_993L, Long.MAX_VALUE, -1_000_001L};
    java.util.stream.LongStream.concat(
            java.util.stream.LongStream.rangeClosed(-20_000, 20_000),
            java.util.Arrays.stream(large))
        .forEach(
            m ->
                assertEquals(
                    java.math.BigDecimal.valueOf(m, 3).stripTrailingZeros().toPlainString(),
                    Resources.formatMilli(m),
                    "milli " + m));
    assertEquals(
        "cpus:0.5;cpus(a){REV}:1",
        r("cpus", 0.5).plus(Resources.of(new Resource("cpus", "a", true, 1000, null))).toString());
  }

  @Test
  void rejectsNegativeAmounts() {
    assertThrows(IllegalArgumentException.class, () -> r("cpus", -1));
  }
}
