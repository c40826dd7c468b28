package io.clustersim.allocators.sorter;

import io.clustersim.core.resources.Resources;
import java.util.List;
import java.util.SortedMap;

/** How much of the pool a client holds: the measure a {@link FairShareSorter} equalises. */
@FunctionalInterface
public interface Share {
  /**
   * The client's share of the pool.
   *
   * @param held what the client holds (scalars)
   * @param pool total of each scalar resource, in thousandths
   * @param excluded resource names that do not count
   */
  double of(Resources held, SortedMap<String, Long> pool, List<String> excluded);

  /** DRF: the largest fraction of any one resource (Ghodsi et al., NSDI 2011). */
  Share DOMINANT =
      (held, pool, excluded) -> {
        double share = 0;
        for (var e : pool.entrySet()) {
          if (e.getValue() > 0 && !excluded.contains(e.getKey())) {
            share = Math.max(share, held.milli(e.getKey()) / (double) e.getValue());
          }
        }
        return share;
      };

  /**
   * Asset fairness, the DRF paper's alternative (§2.3): the sum of the fractions of every resource,
   * so that each client's aggregate share is equalised.
   */
  Share ASSET =
      (held, pool, excluded) -> {
        double share = 0;
        for (var e : pool.entrySet()) {
          if (e.getValue() > 0 && !excluded.contains(e.getKey())) {
            share += held.milli(e.getKey()) / (double) e.getValue();
          }
        }
        return share;
      };

  /**
   * Slot-based fair sharing, the DRF paper's baseline (Hadoop's fair scheduler): resources come in
   * fixed slots; a client holding r occupies max over resources of ceil(r / slot) slots, and its
   * share is that count over the number of slots in the pool (the scarcest resource's count).
   */
  static Share slots(Resources slot) {
    return (held, pool, excluded) -> {
      long used = 0;
      long total = Long.MAX_VALUE;
      for (String name : slot.scalarNames()) {
        long size = slot.milli(name);
        if (size <= 0 || excluded.contains(name)) {
          continue;
        }
        used = Math.max(used, (held.milli(name) + size - 1) / size);
        total = Math.min(total, pool.getOrDefault(name, 0L) / size);
      }
      return total == Long.MAX_VALUE || total == 0 ? 0 : used / (double) total;
    };
  }
}
