package io.clustersim.reports.compare;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * A mean over seeds with its 95% confidence half-width from Student's t (commons-math3): mean ±
 * t(0.975, n−1) · s / √n. With one seed the half-width is 0 (nothing to estimate it from).
 *
 * @param mean the mean
 * @param halfWidth the 95% half-width
 * @param n how many values
 */
public record Estimate(double mean, double halfWidth, int n) {
  /** The estimate from {@code values} (nulls left out); null if none. */
  public static Estimate of(List<Double> values) {
    SummaryStatistics s = new SummaryStatistics();
    for (Double v : values) {
      if (v != null && !v.isNaN() && !v.isInfinite()) {
        s.addValue(v);
      }
    }
    if (s.getN() == 0) {
      return null;
    }
    if (s.getN() == 1) {
      return new Estimate(s.getMean(), 0, 1);
    }
    // No generator: the distribution is only inverted here, never sampled.
    double t = new TDistribution(null, s.getN() - 1).inverseCumulativeProbability(0.975);
    return new Estimate(
        s.getMean(), t * s.getStandardDeviation() / Math.sqrt(s.getN()), (int) s.getN());
  }
}
