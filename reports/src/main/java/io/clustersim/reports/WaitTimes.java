package io.clustersim.reports;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.PSquarePercentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Task wait times (submit → launch) in seconds. Percentiles are exact (commons-math3's R-7
 * definition, the same as numpy's default) up to {@link #EXACT_LIMIT} samples; beyond that memory
 * stays bounded and the P² streaming estimate is reported instead.
 */
public final class WaitTimes {
  /** Samples kept for exact percentiles. */
  public static final int EXACT_LIMIT = 200_000;

  private static final double[] QUANTILES = {50, 90, 99};

  private double[] samples = new double[1024];
  private int count;
  private final PSquarePercentile[] streaming = new PSquarePercentile[QUANTILES.length];

  /** No samples yet. */
  public WaitTimes() {
    for (int i = 0; i < QUANTILES.length; i++) {
      streaming[i] = new PSquarePercentile(QUANTILES[i]);
    }
  }

  /** Adds one wait, in seconds. */
  public void add(double seconds) {
    if (count < EXACT_LIMIT) {
      if (count == samples.length) {
        samples = Arrays.copyOf(samples, Math.min(EXACT_LIMIT, count * 2));
      }
      samples[count] = seconds;
    }
    count++;
    for (PSquarePercentile p : streaming) {
      p.increment(seconds);
    }
  }

  /**
   * The exact samples sorted (the first {@link #EXACT_LIMIT} beyond that), thinned evenly to at
   * most {@code points}, for a CDF.
   */
  public double[] sortedSample(int points) {
    int n = Math.min(count, EXACT_LIMIT);
    double[] sorted = Arrays.copyOf(samples, n);
    Arrays.sort(sorted);
    if (n <= points) {
      return sorted;
    }
    double[] out = new double[points];
    for (int i = 0; i < points; i++) {
      out[i] = sorted[(int) ((long) i * (n - 1) / (points - 1))];
    }
    return out;
  }

  /** Number of waits. */
  public int count() {
    return count;
  }

  /** True if {@link #percentile} is exact. */
  public boolean exact() {
    return count <= EXACT_LIMIT;
  }

  /** The p-th percentile (p in 50, 90, 99), or NaN without samples. */
  public double percentile(double p) {
    if (count == 0) {
      return Double.NaN;
    }
    if (exact()) {
      Percentile r7 = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
      return r7.evaluate(samples, 0, count, p);
    }
    for (int i = 0; i < QUANTILES.length; i++) {
      if (QUANTILES[i] == p) {
        return streaming[i].getResult();
      }
    }
    throw new IllegalArgumentException("only p50, p90 and p99 are tracked beyond the exact limit");
  }
}
