package io.clustersim.allocators;

import io.clustersim.core.resources.Resources;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reorders the frameworks of a role for one agent, after the sorter has ordered them. The allocator
 * passes the frameworks' declared demand ({@code requestResources}).
 */
@FunctionalInterface
public interface FrameworkPreference {
  /**
   * The frameworks in the order to offer them {@code available} on an agent of {@code total}.
   *
   * @param sorted frameworks in sorter order
   * @param demands each framework's pending task shapes; absent when it declared none
   */
  List<String> reorder(
      List<String> sorted,
      Resources available,
      Resources total,
      Map<String, List<Resources>> demands);

  /** Keep the sorter's order. */
  FrameworkPreference NONE = (sorted, available, total, demands) -> sorted;

  /**
   * Tetris-style packing (Grandl et al., SIGCOMM 2014): frameworks whose pending tasks fit the
   * agent come first, by the best alignment of a task with what the agent has free — the dot
   * product of the task's demand and the free resources, each divided by the agent's total — so the
   * agent goes to the work that fills it most tightly. Ties, and frameworks with nothing that fits,
   * keep the sorter's order.
   */
  FrameworkPreference PACKING =
      (sorted, available, total, demands) -> {
        List<String> out = new ArrayList<>(sorted);
        Map<String, Double> score = new HashMap<>();
        for (String fw : sorted) {
          double best = -1;
          for (Resources task : demands.getOrDefault(fw, List.of())) {
            if (available.containsQuantities(task)) {
              best = Math.max(best, alignment(task, available, total));
            }
          }
          score.put(fw, best);
        }
        out.sort(Comparator.comparingDouble((String fw) -> -score.get(fw)));
        return out;
      };

  /** Σ over resources of (task / total) × (free / total). */
  static double alignment(Resources task, Resources free, Resources total) {
    double dot = 0;
    for (String name : task.scalarNames()) {
      double t = total.milli(name);
      if (t > 0) {
        dot += (task.milli(name) / t) * (free.milli(name) / t);
      }
    }
    return dot;
  }
}
