package io.clustersim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Metrics on small cases computed by hand. */
class MetricsTest {
  @Test
  void jainsIndex() {
    assertEquals(1.0, Fairness.jain(List.of(0.3, 0.3, 0.3, 0.3)), 1e-12);
    // One of four holds everything: (1)^2 / (4 * 1) = 1/4.
    assertEquals(0.25, Fairness.jain(List.of(1.0, 0.0, 0.0, 0.0)), 1e-12);
    // (0.5 + 0.25)^2 / (2 * (0.25 + 0.0625)) = 0.5625 / 0.625 = 0.9.
    assertEquals(0.9, Fairness.jain(List.of(0.5, 0.25)), 1e-12);
    assertEquals(1.0, Fairness.jain(List.of()), 0);
    assertEquals(1.0, Fairness.jain(List.of(0.0, 0.0)), 0);
  }

  @Test
  void dominantShareIsTheLargestFractionOfAnyResource() {
    // DRF paper: A's task <1 CPU, 4 GB> of <9, 18>: max(1/9, 4/18) = 2/9.
    assertEquals(2.0 / 9, Fairness.dominantShare(new double[] {1, 4}, new double[] {9, 18}), 1e-12);
    // A resource with no capacity is skipped.
    assertEquals(0.5, Fairness.dominantShare(new double[] {1, 3}, new double[] {2, 0}), 1e-12);
  }

  @Test
  void timeWeightedMeanAndPeak() {
    // 0 on [0,10), 2 on [10,20), 1 on [20,40]: (0*10 + 2*10 + 1*20) / 40 = 1.
    TimeWeighted x = new TimeWeighted(0);
    x.set(10, 2);
    x.set(20, 1);
    assertEquals(1.0, x.mean(40), 1e-12);
    assertEquals(2.0, x.peak());
    assertEquals(1.0, x.value());
    // Over [0,20] only: (0 + 20) / 20.
    TimeWeighted y = new TimeWeighted(0);
    y.set(10, 2);
    assertEquals(1.0, y.mean(20), 1e-12);
  }

  @Test
  void waitPercentilesUseTheR7Definition() {
    // 1..10: R-7 puts p at h = (n-1)p + 1: p50 → h 5.5 → 5.5; p90 → 9.1; p99 → 9.91.
    WaitTimes w = new WaitTimes();
    for (int i = 10; i >= 1; i--) {
      w.add(i);
    }
    assertEquals(5.5, w.percentile(50), 1e-12);
    assertEquals(9.1, w.percentile(90), 1e-12);
    assertEquals(9.91, w.percentile(99), 1e-12);
    assertTrue(w.exact());
    assertTrue(Double.isNaN(new WaitTimes().percentile(50)));
  }
}
