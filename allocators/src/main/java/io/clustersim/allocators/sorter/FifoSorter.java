package io.clustersim.allocators.sorter;

import io.clustersim.core.allocator.Sorter;
import io.clustersim.core.resources.Resources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * First come, first served: clients in the order they were added (for frameworks, registration
 * order), whatever they hold. Shares and weights play no part.
 *
 * <p>Cost: {@link #sort()} is O(C); the rest O(1) plus resource arithmetic.
 */
public final class FifoSorter implements Sorter {
  private final Map<String, Boolean> clients = new LinkedHashMap<>(); // client → active
  private final Map<String, Resources> allocations = new HashMap<>();

  @Override
  public void add(String client) {
    clients.put(client, true);
    allocations.put(client, Resources.EMPTY);
  }

  @Override
  public void remove(String client) {
    clients.remove(client);
    allocations.remove(client);
  }

  @Override
  public void activate(String client) {
    clients.replace(client, true);
  }

  @Override
  public void deactivate(String client) {
    clients.replace(client, false);
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
  public List<String> sort() {
    List<String> order = new ArrayList<>();
    clients.forEach(
        (client, active) -> {
          if (active) {
            order.add(client);
          }
        });
    return order;
  }

  @Override
  public int count() {
    return clients.size();
  }
}
