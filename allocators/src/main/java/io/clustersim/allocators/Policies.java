package io.clustersim.allocators;

import io.clustersim.allocators.sorter.FairShareSorter;
import io.clustersim.allocators.sorter.FifoSorter;
import io.clustersim.allocators.sorter.RandomSorter;
import io.clustersim.allocators.sorter.Share;
import io.clustersim.core.allocator.Allocator;
import io.clustersim.core.allocator.SorterFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The registry of allocation policies: one line each. */
public final class Policies {
  // Role sorters are trees over role paths (a/b/c); framework sorters are flat.
  private static final SorterFactory DRF_ROLES =
      (random, options) -> new FairShareSorter(options, Share.DOMINANT, true);
  private static final SorterFactory DRF =
      (random, options) -> new FairShareSorter(options, Share.DOMINANT);
  private static final SorterFactory ASSET_ROLES =
      (random, options) -> new FairShareSorter(options, Share.ASSET, true);
  private static final SorterFactory ASSET =
      (random, options) -> new FairShareSorter(options, Share.ASSET);
  private static final SorterFactory SLOTS_ROLES =
      (random, options) -> new FairShareSorter(options, Share.slots(options.slot()), true);
  private static final SorterFactory SLOTS =
      (random, options) -> new FairShareSorter(options, Share.slots(options.slot()));
  private static final SorterFactory RANDOM = (random, options) -> new RandomSorter(random);
  private static final SorterFactory FIFO = (random, options) -> new FifoSorter();

  private static final List<Policy> BUILT_IN =
      List.of(
          new Policy(
              "drf",
              "Mesos's default: hierarchical DRF over roles, then frameworks (share/weight, then"
                  + " allocation count, then name)",
              () -> new HierarchicalAllocator(DRF_ROLES, DRF)),
          new Policy(
              "random",
              "Mesos's random sorter: roles and frameworks in a fresh seeded random order per agent",
              () -> new HierarchicalAllocator(RANDOM, RANDOM)),
          new Policy(
              "fifo",
              "first come, first served: roles and frameworks in registration order",
              () -> new HierarchicalAllocator(FIFO, FIFO)),
          new Policy(
              "asset-fair",
              "the DRF paper's asset fairness: equalise the sum of the shares of every resource",
              () -> new HierarchicalAllocator(ASSET_ROLES, ASSET)),
          new Policy(
              "slots",
              "slot-based fair sharing (the DRF paper's baseline): equalise slots held, a slot"
                  + " being allocator.slot (default 1 CPU, 2 GiB)",
              () -> new HierarchicalAllocator(SLOTS_ROLES, SLOTS)),
          new Policy(
              "packing",
              "DRF, but each agent goes first to the framework whose pending tasks fit it most"
                  + " tightly (Tetris alignment)",
              () ->
                  new HierarchicalAllocator(
                      DRF_ROLES, DRF, AgentOrder.RANDOM, FrameworkPreference.PACKING)),
          new Policy(
              "spread",
              "DRF, visiting the least loaded agents first instead of a random order",
              () ->
                  new HierarchicalAllocator(
                      DRF_ROLES, DRF, AgentOrder.LEAST_LOADED_FIRST, FrameworkPreference.NONE)));

  private static final List<Policy> ALL = withProvided(BUILT_IN);

  private Policies() {}

  /** The built-in policies, then those of every {@link PolicyProvider} on the classpath. */
  private static List<Policy> withProvided(List<Policy> builtIn) {
    List<Policy> all = new ArrayList<>(builtIn);
    for (PolicyProvider provider : ServiceLoader.load(PolicyProvider.class)) {
      for (Policy p : provider.policies()) {
        if (all.stream().anyMatch(q -> q.name().equals(p.name()))) {
          throw new IllegalStateException(
              provider.getClass().getName() + " registers policy '" + p.name() + "' again");
        }
        all.add(p);
      }
    }
    return List.copyOf(all);
  }

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
