package io.clustersim.workloads.behaviour;

import io.clustersim.core.resources.Resources;
import java.util.List;

/**
 * Where a built-in framework puts each pending task among the offers it holds. Scores compare the
 * resources an offer would have left after the task, each divided by what the offer had, summed
 * over the task's resources.
 */
public enum Placement {
  /** The first offer, in the order they arrived, that the task fits. */
  FIRST_FIT("first-fit"),
  /** The offer the task leaves least room in. */
  BEST_FIT("best-fit"),
  /** The offer the task leaves most room in. */
  WORST_FIT("worst-fit"),
  /** A random offer among those it fits, from the framework's seeded stream. */
  RANDOM("random");

  private final String label;

  Placement(String label) {
    this.label = label;
  }

  /** The name scenario files use. */
  public String label() {
    return label;
  }

  /** Every name scenario files may use. */
  public static List<String> labels() {
    return java.util.Arrays.stream(values()).map(Placement::label).toList();
  }

  /** The placement named {@code label}. */
  public static Placement of(String label) {
    for (Placement p : values()) {
      if (p.label.equals(label)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown placement '" + label + "' (known: " + String.join(", ", labels()) + ")");
  }

  /** Room an offer keeps after taking {@code task}: Σ over the task's resources of left / had. */
  static double roomAfter(Resources left, Resources task, Resources offered) {
    double room = 0;
    for (String name : task.scalarNames()) {
      long had = offered.milli(name);
      if (had > 0) {
        room += (left.milli(name) - task.milli(name)) / (double) had;
      }
    }
    return room;
  }
}
