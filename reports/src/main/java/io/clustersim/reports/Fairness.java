package io.clustersim.reports;

import java.util.Collection;

/** Fairness measures over a set of shares. */
public final class Fairness {
  private Fairness() {}

  /**
   * Jain's fairness index (Σx)² / (n · Σx²): 1 when all shares are equal, 1/n when one holds
   * everything. An empty set, or one where every share is 0, counts as perfectly fair (1).
   */
  public static double jain(Collection<Double> shares) {
    double sum = 0;
    double squares = 0;
    for (double x : shares) {
      sum += x;
      squares += x * x;
    }
    if (shares.isEmpty() || squares == 0) {
      return 1.0;
    }
    return sum * sum / (shares.size() * squares);
  }

  /**
   * A dominant share: the largest, over resources, of held / total. Resources with a zero total are
   * skipped.
   */
  public static double dominantShare(double[] held, double[] total) {
    double share = 0;
    for (int i = 0; i < held.length; i++) {
      if (total[i] > 0) {
        share = Math.max(share, held[i] / total[i]);
      }
    }
    return share;
  }
}
