package io.clustersim.core.gpu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workload's task shapes and how often each comes, learnt as tasks arrive (a trace is streamed,
 * so the mix is what has been seen so far): the M of the fragmentation measure. As in the FGD
 * paper's simulator, only the typical shapes count: the most frequent ones that together make up at
 * least {@link #COVERAGE} of the tasks, their frequencies normalised to 1.
 */
public final class TaskMix {
  /** Share of the tasks the typical shapes must cover (the FGD simulator's default, 60%). */
  public static final double COVERAGE = 0.6;

  /** A shape with its probability. */
  public record Weighted(GpuRequest task, double p) {}

  // Insertion-ordered, so that equal counts keep first-seen order: iteration reaches the output.
  private final Map<GpuRequest, Long> counts = new LinkedHashMap<>();
  private long total;
  private Weighted[] typical = new Weighted[0];
  private long typicalAt;

  /** Counts one more task of shape {@code task}. */
  public void add(GpuRequest task) {
    counts.merge(task, 1L, Long::sum);
    total++;
  }

  /** Tasks counted. */
  public long total() {
    return total;
  }

  /**
   * The typical shapes with their probabilities. Recomputed once the count has grown by 1% since
   * the last time (O(shapes log shapes)), so that the measure stays cheap while it converges.
   */
  public Weighted[] typical() {
    if (total > 0 && (typicalAt == 0 || total * 100 >= typicalAt * 101)) {
      typicalAt = total;
      List<Map.Entry<GpuRequest, Long>> byCount = new ArrayList<>(counts.entrySet());
      // Stable: equal counts stay in first-seen order.
      byCount.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
      List<Map.Entry<GpuRequest, Long>> chosen = new ArrayList<>();
      long covered = 0;
      for (Map.Entry<GpuRequest, Long> e : byCount) {
        if (covered >= COVERAGE * total) {
          break;
        }
        chosen.add(e);
        covered += e.getValue();
      }
      Weighted[] w = new Weighted[chosen.size()];
      for (int i = 0; i < w.length; i++) {
        w[i] = new Weighted(chosen.get(i).getKey(), chosen.get(i).getValue() / (double) covered);
      }
      typical = w;
    }
    return typical;
  }
}
