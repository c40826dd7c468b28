package io.clustersim.workloads.placement;

import io.clustersim.core.gpu.GpuNode;
import io.clustersim.core.gpu.GpuRequest;
import java.util.List;

/**
 * A strategy that scores each (candidate, devices) pair and takes the highest, the earliest
 * candidate winning ties.
 */
abstract class ScoredPlacement implements TaskPlacement {
  /** The score of placing {@code task} on {@code c} taking {@code devices}; higher is better. */
  abstract double score(GpuRequest task, Candidate c, int[] devices, PlacementContext context);

  /** A term of the score that depends on the candidate only, computed once per candidate. */
  double base(Candidate c, PlacementContext context) {
    return 0;
  }

  /** The device sets worth scoring on a node; by default the tightest fit only. */
  List<int[]> options(GpuNode node, GpuRequest task) {
    int[] t = Devices.tightest(node, task);
    return t == null ? List.of() : List.of(t);
  }

  @Override
  public final Choice choose(
      GpuRequest task, List<Candidate> candidates, PlacementContext context) {
    Choice best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      List<int[]> ways = options(c.node(), task);
      double base = ways.isEmpty() ? 0 : base(c, context);
      for (int[] devices : ways) {
        double s = base + score(task, c, devices, context);
        if (s > bestScore) {
          bestScore = s;
          best = new Choice(i, devices);
        }
      }
    }
    return best;
  }
}
