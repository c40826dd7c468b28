package io.clustersim.workloads.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceSubsetTest {
  private static List<String> kept(TraceSubset s, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = Long.toString(6_000_000_000L + 7L * i);
      if (s.keepsJob(id)) {
        out.add(id);
      }
    }
    return out;
  }

  @Test
  void aSampleKeepsAboutTheFractionAndTheSameSeedKeepsTheSameIds() {
    TraceSubset a = new TraceSubset(0, -1, 1, 0.3, -1, 42);
    List<String> first = kept(a, 20_000);
    // Binomial(20000, 0.3): mean 6000, standard deviation about 65; six deviations either way.
    assertTrue(Math.abs(first.size() - 6000) < 390, "kept " + first.size());
    assertEquals(first, kept(new TraceSubset(0, -1, 1, 0.3, -1, 42), 20_000));
    assertNotEquals(first, kept(new TraceSubset(0, -1, 1, 0.3, -1, 43), 20_000));
  }

  @Test
  void machinesAndJobsAreSampledIndependently() {
    TraceSubset s = new TraceSubset(0, -1, 0.5, 0.5, -1, 1);
    int both = 0;
    int machines = 0;
    for (int i = 0; i < 10_000; i++) {
      String id = Integer.toString(i);
      if (s.keepsMachine(id)) {
        machines++;
        if (s.keepsJob(id)) {
          both++;
        }
      }
    }
    // Were they the same draw, every kept machine id would be a kept job id too.
    assertTrue(both < machines * 0.6 && both > machines * 0.4, both + " of " + machines);
  }

  @Test
  void aFractionOfOneKeepsEverything() {
    assertEquals(1000, kept(TraceSubset.all(5), 1000).size());
  }
}
