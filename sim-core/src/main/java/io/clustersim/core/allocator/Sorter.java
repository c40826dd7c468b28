package io.clustersim.core.allocator;

import io.clustersim.core.resources.Resources;
import java.util.List;

/**
 * Orders clients (roles, or frameworks within a role) for the allocator, as Mesos's {@code Sorter}.
 * A new fairness idea is a new Sorter; the allocator that uses it stays the same.
 */
public interface Sorter {
  /** Adds a client, active. */
  void add(String client);

  /** Removes a client and its allocation. */
  void remove(String client);

  /** Includes the client in {@link #sort()} again. */
  void activate(String client);

  /** Leaves the client out of {@link #sort()}; its allocation still counts. */
  void deactivate(String client);

  /** True if the client was added and not removed. */
  boolean contains(String client);

  /** Sets a client's weight (default 1). */
  void updateWeight(String client, double weight);

  /** The pool grows by an agent's total. */
  void addTotal(Resources total);

  /** The pool shrinks by an agent's total. */
  void removeTotal(Resources total);

  /** Resources were offered or allocated to the client. */
  void allocated(String client, Resources resources);

  /** Resources came back from the client. */
  void unallocated(String client, Resources resources);

  /** What the client holds (offered or allocated). */
  Resources allocation(String client);

  /** Active clients, the one to serve first first. */
  List<String> sort();

  /**
   * The same order as {@link #sort()}, produced lazily so that a caller who stops after the first
   * few clients pays only for those. It stays valid while the caller records allocations for
   * clients it has already been given (their later position is skipped), and nothing else changes.
   */
  default Iterable<String> ordered() {
    return sort();
  }

  /** Number of clients, active or not. */
  int count();

  /** True if some client is active (so {@link #sort()} is not empty). */
  default boolean hasActive() {
    return !sort().isEmpty();
  }
}
