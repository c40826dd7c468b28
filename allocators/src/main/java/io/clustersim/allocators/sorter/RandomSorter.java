package io.clustersim.allocators.sorter;

import io.clustersim.core.allocator.Sorter;
import io.clustersim.core.resources.Resources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Mesos's random sorter: every {@link #sort()} returns the active clients in a fresh random order
 * drawn from the allocator's seeded stream. Weights are kept but, unlike Mesos's weighted shuffle,
 * only break nothing: every client is equally likely to come first (a documented difference).
 *
 * <p>Cost: {@link #sort()} is O(C) for C clients.
 */
public final class RandomSorter implements Sorter {
  private final RandomGenerator random;
  private final Set<String> active = new LinkedHashSet<>();
  private final Map<String, Resources> allocations = new HashMap<>();

  /** A sorter that shuffles with {@code random}. */
  public RandomSorter(RandomGenerator random) {
    this.random = random;
  }

  @Override
  public void add(String client) {
    allocations.put(client, Resources.EMPTY);
    active.add(client);
  }

  @Override
  public void remove(String client) {
    allocations.remove(client);
    active.remove(client);
  }

  @Override
  public void activate(String client) {
    active.add(client);
  }

  @Override
  public void deactivate(String client) {
    active.remove(client);
  }

  @Override
  public boolean contains(String client) {
    return allocations.containsKey(client);
  }

  @Override
  public void updateWeight(String client, double weight) {}

  @Override
  public void addTotal(Resources total) {}

  @Override
  public void removeTotal(Resources total) {}

  @Override
  public void allocated(String client, Resources resources) {
    allocations.merge(client, resources.scalars().toUnreserved(), Resources::plus);
  }

  @Override
  public void unallocated(String client, Resources resources) {
    allocations.put(client, allocations.get(client).minus(resources.scalars().toUnreserved()));
  }

  @Override
  public Resources allocation(String client) {
    return allocations.getOrDefault(client, Resources.EMPTY);
  }

  @Override
  public List<String> sort() {
    List<String> order = new ArrayList<>(active);
    for (int i = order.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String t = order.get(i);
      order.set(i, order.get(j));
      order.set(j, t);
    }
    return order;
  }

  @Override
  public int count() {
    return allocations.size();
  }
}
