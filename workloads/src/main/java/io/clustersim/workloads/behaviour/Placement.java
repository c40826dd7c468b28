package io.clustersim.workloads.behaviour;

import io.clustersim.core.resources.Resources;
import java.util.List;
import java.util.function.Supplier;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Where a built-in framework puts each pending task among the offers it holds. Scores compare the
 * resources an offer would have left after the task, each divided by what the offer had, summed
 * over the task's resources. A new strategy is a new constant with its own {@link #pick}.
 */
public enum Placement {
  /** The first offer, in the order they arrived, that the task fits. */
  FIRST_FIT("first-fit") {
    @Override
    boolean takesFirst() {
      return true;
    }

    @Override
    int pick(List<Fit> fits, Supplier<RandomGenerator> random) {
      return 0;
    }
  },
  /** The offer the task leaves least room in (the first of equals). */
  BEST_FIT("best-fit") {
    @Override
    int pick(List<Fit> fits, Supplier<RandomGenerator> random) {
      return firstExtreme(fits, -1);
    }
  },
  /** The offer the task leaves most room in (the first of equals). */
  WORST_FIT("worst-fit") {
    @Override
    int pick(List<Fit> fits, Supplier<RandomGenerator> random) {
      return firstExtreme(fits, 1);
    }
  },
  /** A random offer among those it fits, from the framework's seeded stream. */
  RANDOM("random") {
    @Override
    int pick(List<Fit> fits, Supplier<RandomGenerator> random) {
      return random.get().nextInt(fits.size());
    }
  };

  /**
   * An offer the task fits: its index in the batch and the room it would keep ({@link #roomAfter}).
   */
  record Fit(int offer, double room) {}

  /** The first fit with the least ({@code sign} -1) or the most ({@code sign} 1) room. */
  private static int firstExtreme(List<Fit> fits, int sign) {
    int best = 0;
    for (int i = 1; i < fits.size(); i++) {
      if (sign * Double.compare(fits.get(i).room(), fits.get(best).room()) > 0) {
        best = i;
      }
    }
    return best;
  }

  /** Whether the first fitting offer settles it (no need to look at the others). */
  boolean takesFirst() {
    return false;
  }

  /**
   * The chosen fit, an index into {@code fits} (never empty, in offer order); {@code random} is the
   * framework's seeded stream, asked for only by strategies that draw.
   */
  abstract int pick(List<Fit> fits, Supplier<RandomGenerator> random);

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
