package io.clustersim.allocators.sorter;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Mesos's random sorter: every {@link #sort()} returns the active clients in a fresh random order
 * drawn from the allocator's seeded stream. Unlike Mesos's weighted shuffle, weights play no part
 * (a documented difference): every client is equally likely to come first.
 *
 * <p>Cost: {@link #sort()} is O(C) for C clients.
 */
public final class RandomSorter extends ShareBlindSorter {
  private final RandomGenerator random;

  /** A sorter that shuffles with {@code random}. */
  public RandomSorter(RandomGenerator random) {
    this.random = random;
  }

  @Override
  public List<String> sort() {
    List<String> order = activeClients();
    for (int i = order.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String t = order.get(i);
      order.set(i, order.get(j));
      order.set(j, t);
    }
    return order;
  }
}
