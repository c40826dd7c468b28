package io.clustersim.allocators.sorter;

import io.clustersim.core.allocator.Sorter;
import io.clustersim.core.resources.Resources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The common part of sorters whose order ignores what clients hold (first come, random): clients in
 * registration order with their active flag, and their allocations, which the allocator still
 * reads. Weights and the pool play no part.
 */
abstract class ShareBlindSorter implements Sorter {
  private final Map<String, Boolean> clients = new LinkedHashMap<>(); // client → active
  private final Map<String, Resources> allocations = new HashMap<>(); // looked up only
  private int active;

  /** Active clients in registration order. */
  protected final List<String> activeClients() {
    List<String> out = new ArrayList<>();
    clients.forEach(
        (client, active) -> {
          if (active) {
            out.add(client);
          }
        });
    return out;
  }

  @Override
  public void add(String client) {
    if (clients.put(client, true) != Boolean.TRUE) {
      active++;
    }
    allocations.put(client, Resources.EMPTY);
  }

  @Override
  public void remove(String client) {
    if (clients.remove(client) == Boolean.TRUE) {
      active--;
    }
    allocations.remove(client);
  }

  @Override
  public void activate(String client) {
    if (clients.replace(client, true) == Boolean.FALSE) {
      active++;
    }
  }

  @Override
  public void deactivate(String client) {
    if (clients.replace(client, false) == Boolean.TRUE) {
      active--;
    }
  }

  @Override
  public boolean hasActive() {
    return active > 0;
  }

  @Override
  public boolean contains(String client) {
    return clients.containsKey(client);
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
  public int count() {
    return clients.size();
  }
}
