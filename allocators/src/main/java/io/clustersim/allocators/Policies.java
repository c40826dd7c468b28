package io.clustersim.allocators;

import io.clustersim.allocators.sorter.DrfSorter;
import io.clustersim.allocators.sorter.RandomSorter;
import io.clustersim.core.allocator.Allocator;
import java.util.ArrayList;
import java.util.List;

/** The registry of allocation policies: one line each. */
public final class Policies {
  private static final List<Policy> ALL =
      List.of(
          new Policy(
              "drf",
              "Mesos's default: hierarchical DRF over roles, then frameworks (share/weight, then"
                  + " allocation count, then name)",
              () ->
                  new HierarchicalAllocator(
                      (random, options) -> new DrfSorter(options),
                      (random, options) -> new DrfSorter(options))),
          new Policy(
              "random",
              "Mesos's random sorter: roles and frameworks in a fresh seeded random order per agent",
              () ->
                  new HierarchicalAllocator(
                      (random, options) -> new RandomSorter(random),
                      (random, options) -> new RandomSorter(random))));

  private Policies() {}

  /** Every policy, in the order {@code clustersim policies} lists them. */
  public static List<Policy> all() {
    return ALL;
  }

  /** Policy names, in registry order. */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    for (Policy p : ALL) {
      names.add(p.name());
    }
    return names;
  }

  /** A fresh allocator for {@code name}; an unknown name lists the known ones. */
  public static Allocator create(String name) {
    for (Policy p : ALL) {
      if (p.name().equals(name)) {
        return p.factory().get();
      }
    }
    throw new IllegalArgumentException(
        "unknown policy '" + name + "' (known: " + String.join(", ", names()) + ")");
  }
}
