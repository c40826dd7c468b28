package io.clustersim.reports.compare;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clustersim.reports.RunSeries;
import java.util.List;

/**
 * One finished run of a comparison.
 *
 * @param policy the policy
 * @param seed the seed
 * @param summary its summary (as {@code clustersim run --summary} writes it)
 * @param series its metrics over time
 * @param waits its task waits (s), sorted, thinned for a CDF
 */
public record RunOutcome(
    String policy, long seed, ObjectNode summary, List<RunSeries.Sample> series, double[] waits) {
  /** The run's digest. */
  public String digest() {
    return summary.get("digest").asText();
  }
}
