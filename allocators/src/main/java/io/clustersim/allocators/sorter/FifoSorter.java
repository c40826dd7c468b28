package io.clustersim.allocators.sorter;

import java.util.List;

/**
 * First come, first served: clients in the order they were added (for frameworks, registration
 * order), whatever they hold; a client deactivated and activated again keeps its place.
 *
 * <p>Cost: {@link #sort()} is O(C); the rest O(1) plus resource arithmetic.
 */
public final class FifoSorter extends ShareBlindSorter {
  @Override
  public List<String> sort() {
    return activeClients();
  }
}
