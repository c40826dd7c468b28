package io.clustersim.allocators.sorter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clustersim.core.allocator.AllocatorOptions;
import io.clustersim.core.resources.Resources;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The hierarchical DRF sorter, which keeps only active clients in its ordered sets and walks them
 * lazily, against a model that computes the order from scratch as Mesos's sorter defines it: every
 * node of the role tree ordered among its siblings by (subtree share / weight, subtree allocation
 * count, name), leaves in pre-order, inactive leaves skipped.
 */
class SorterOrderTest {
  private static final String[] CLIENTS = {"a", "a/x", "a/y", "a/x/p", "b", "b/z", "c", "d/e"};

  /** The model: per client, whether active, what it holds and how many allocations it had. */
  private static final class Model {
    final Map<String, Boolean> active = new TreeMap<>();
    final Map<String, Resources> held = new TreeMap<>();
    final Map<String, Long> count = new TreeMap<>();
    final TreeMap<String, Long> pool = new TreeMap<>();

    List<String> order() {
      List<String> out = new ArrayList<>();
      walk("", out);
      return out;
    }

    /**
     * Appends the active leaves under the inner node {@code path} ("" is the root), in order. Its
     * children are the next path segment of every client below it, and, when a client is named
     * {@code path} itself, the virtual leaf "." beside them.
     */
    private void walk(String path, List<String> out) {
      String prefix = path.isEmpty() ? "" : path + "/";
      TreeSet<String> names = new TreeSet<>();
      for (String c : active.keySet()) {
        if (c.startsWith(prefix)) {
          String rest = c.substring(prefix.length());
          int slash = rest.indexOf('/');
          names.add(slash < 0 ? rest : rest.substring(0, slash));
        }
      }
      record Child(String name, String path, boolean leaf, double share, long count) {}
      List<Child> children = new ArrayList<>();
      if (!path.isEmpty() && active.containsKey(path)) {
        children.add(new Child(".", path, true, share(path, false), count(path, false)));
      }
      for (String name : names) {
        String p = prefix + name;
        boolean inner = active.keySet().stream().anyMatch(c -> c.startsWith(p + "/"));
        children.add(
            inner
                ? new Child(name, p, false, share(p, true), count(p, true))
                : new Child(name, p, true, share(p, false), count(p, false)));
      }
      children.sort(
          Comparator.comparingDouble(Child::share)
              .thenComparingLong(Child::count)
              .thenComparing(Child::name));
      for (Child c : children) {
        if (!c.leaf) {
          walk(c.path, out);
        } else if (active.get(c.path)) {
          out.add(c.path);
        }
      }
    }

    private double share(String p, boolean subtree) {
      Resources sum = Resources.EMPTY;
      for (String c : held.keySet()) {
        if (c.equals(p) || (subtree && c.startsWith(p + "/"))) {
          sum = sum.plus(held.get(c));
        }
      }
      return Share.DOMINANT.of(sum, pool, List.of());
    }

    private long count(String p, boolean subtree) {
      long n = 0;
      for (String c : count.keySet()) {
        if (c.equals(p) || (subtree && c.startsWith(p + "/"))) {
          n += count.get(c);
        }
      }
      return n;
    }
  }

  /**
   * Each code is one operation: add, remove, activate, deactivate, allocate, unallocate, or grow
   * the pool, on one of a few clients that form a small role tree with virtual leaves.
   */
  @Property(tries = 300)
  void sortAndLazyWalkMatchTheModel(
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 99_999) Integer> codes) {
    FairShareSorter s = new FairShareSorter(AllocatorOptions.defaults(), Share.DOMINANT, true);
    Model m = new Model();
    Resources total = Resources.scalar("cpus", 64).plus(Resources.scalar("mem", 256));
    s.addTotal(total);
    m.pool.put("cpus", 64_000L);
    m.pool.put("mem", 256_000L);
    for (int code : codes) {
      String c = CLIENTS[code % CLIENTS.length];
      int op = (code / CLIENTS.length) % 7;
      int amount = 1 + (code / (7 * CLIENTS.length)) % 8;
      boolean known = m.active.containsKey(c);
      switch (op) {
        case 0 -> {
          if (!known) {
            s.add(c);
            m.active.put(c, true);
            m.held.put(c, Resources.EMPTY);
            m.count.put(c, 0L);
          }
        }
        case 1 -> {
          // A removed client's allocation count stays counted in its ancestors (Mesos's
          // Allocation::subtract leaves the count alone); the model forgets removed clients, so
          // it removes only clients that were never allocated anything.
          if (known && m.count.get(c) == 0) {
            s.remove(c);
            m.active.remove(c);
            m.held.remove(c);
            m.count.remove(c);
          }
        }
        case 2, 3 -> {
          if (known) {
            boolean on = op == 2;
            if (on) {
              s.activate(c);
            } else {
              s.deactivate(c);
            }
            m.active.put(c, on);
          }
        }
        case 4 -> {
          if (known) {
            Resources r =
                Resources.scalar("cpus", amount).plus(Resources.scalar("mem", 9 - amount));
            s.allocated(c, r);
            m.held.put(c, m.held.get(c).plus(r));
            m.count.merge(c, 1L, Long::sum);
          }
        }
        case 5 -> {
          if (known && !m.held.get(c).isEmpty()) {
            Resources r = m.held.get(c);
            s.unallocated(c, r);
            m.held.put(c, Resources.EMPTY);
          }
        }
        default -> {
          Resources more = Resources.scalar("cpus", amount);
          s.addTotal(more);
          m.pool.merge("cpus", amount * 1000L, Long::sum);
        }
      }
      List<String> expected = m.order();
      assertEquals(expected, s.sort(), "sort() after code " + code);
      List<String> walked = new ArrayList<>();
      s.ordered().forEach(walked::add);
      assertEquals(expected, walked, "ordered() after code " + code);
    }
    // A pass that allocates to each client it is given, as the allocator does, still yields the
    // order of its start, each client once.
    List<String> before = s.sort();
    List<String> walked = new ArrayList<>();
    for (String c : s.ordered()) {
      walked.add(c);
      s.allocated(c, Resources.scalar("cpus", 1));
    }
    assertEquals(before, walked);
  }
}
