package io.clustersim.allocators.sorter;

import io.clustersim.core.allocator.AllocatorOptions;
import io.clustersim.core.allocator.Sorter;
import io.clustersim.core.resources.Resources;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Mesos's DRF sorter, generalised over the measure of a share: clients ordered by share divided by
 * weight, then by the number of allocations they have ever received, then by name (Mesos's {@code
 * DRFSorter::compareDRF}). With {@link Share#DOMINANT} it is Mesos's DRF sorter: the share of a
 * client is the largest, over the scalar resources of the pool (less the fair-sharing-excluded
 * names), of what it holds offered or allocated divided by the pool total. Reserved and revocable
 * resources count; ranges do not.
 *
 * <p>Cost: {@link #allocated} and {@link #unallocated} are O(R + log C) for R resource names and C
 * clients; {@link #sort()} is O(C), or O(C log C) after the pool changed (every share changes).
 */
public final class FairShareSorter implements Sorter {
  private static final Comparator<Client> ORDER =
      Comparator.comparingDouble((Client c) -> c.share)
          .thenComparingLong(c -> c.allocations)
          .thenComparing(c -> c.name);

  private final List<String> excluded;
  private final Share measure;
  private final Map<String, Client> clients = new HashMap<>(); // looked up, never iterated
  private final TreeSet<Client> active = new TreeSet<>(ORDER);
  private final TreeMap<String, Long> pool = new TreeMap<>();
  private boolean stale;

  private static final class Client {
    final String name;
    double weight = 1.0;
    Resources allocation = Resources.EMPTY;
    long allocations;
    double share;
    boolean isActive = true;

    Client(String name) {
      this.name = name;
    }
  }

  /**
   * A sorter that measures shares with {@code measure}, leaving the options' fair-sharing-excluded
   * resources out.
   */
  public FairShareSorter(AllocatorOptions options, Share measure) {
    this.excluded = List.copyOf(options.fairSharingExcludedResourceNames());
    this.measure = measure;
  }

  @Override
  public void add(String name) {
    if (clients.containsKey(name)) {
      throw new IllegalStateException("sorter already has client " + name);
    }
    Client c = new Client(name);
    clients.put(name, c);
    c.share = share(c);
    active.add(c);
  }

  @Override
  public void remove(String name) {
    Client c = clients.remove(name);
    if (c != null && c.isActive) {
      active.remove(c);
    }
  }

  @Override
  public void activate(String name) {
    Client c = client(name);
    if (!c.isActive) {
      c.isActive = true;
      c.share = share(c);
      active.add(c);
    }
  }

  @Override
  public void deactivate(String name) {
    Client c = client(name);
    if (c.isActive) {
      active.remove(c);
      c.isActive = false;
    }
  }

  @Override
  public boolean contains(String name) {
    return clients.containsKey(name);
  }

  @Override
  public void updateWeight(String name, double weight) {
    update(client(name), c -> c.weight = weight);
  }

  @Override
  public void addTotal(Resources total) {
    for (String name : total.scalarNames()) {
      pool.merge(name, total.milli(name), Long::sum);
    }
    stale = true;
  }

  @Override
  public void removeTotal(Resources total) {
    for (String name : total.scalarNames()) {
      long left = pool.getOrDefault(name, 0L) - total.milli(name);
      if (left < 0) {
        throw new IllegalStateException("sorter pool of " + name + " would go negative");
      }
      pool.put(name, left);
    }
    stale = true;
  }

  @Override
  public void allocated(String name, Resources resources) {
    update(
        client(name),
        c -> {
          c.allocation = c.allocation.plus(resources.scalars());
          c.allocations++;
        });
  }

  @Override
  public void unallocated(String name, Resources resources) {
    update(client(name), c -> c.allocation = c.allocation.minus(resources.scalars()));
  }

  @Override
  public Resources allocation(String name) {
    return client(name).allocation;
  }

  @Override
  public List<String> sort() {
    if (stale) {
      List<Client> all = new ArrayList<>(active);
      active.clear();
      for (Client c : all) {
        c.share = share(c);
      }
      active.addAll(all);
      stale = false;
    }
    List<String> order = new ArrayList<>(active.size());
    for (Client c : active) {
      order.add(c.name);
    }
    return order;
  }

  @Override
  public int count() {
    return clients.size();
  }

  /** The client's current share divided by its weight, as used for ordering. */
  public double share(String name) {
    return share(client(name));
  }

  private void update(Client c, java.util.function.Consumer<Client> change) {
    // A client's key in the ordered set must not change while it is in the set. After the pool
    // changed, other clients' keys are old but still fixed until sort() rebuilds the set.
    boolean inSet = c.isActive;
    if (inSet) {
      active.remove(c);
    }
    change.accept(c);
    if (inSet) {
      c.share = share(c);
      active.add(c);
    }
  }

  private Client client(String name) {
    Client c = clients.get(name);
    if (c == null) {
      throw new IllegalStateException("sorter has no client " + name);
    }
    return c;
  }

  private double share(Client c) {
    return measure.of(c.allocation, pool, excluded) / c.weight;
  }
}
