package io.clustersim.allocators.sorter;

import io.clustersim.core.allocator.AllocatorOptions;
import io.clustersim.core.allocator.Sorter;
import io.clustersim.core.resources.Resources;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Mesos's DRF sorter, generalised over the measure of a share: clients ordered by share divided by
 * weight, then by the number of allocations they have ever received, then by name (Mesos's {@code
 * DRFSorter::compareDRF}). With {@link Share#DOMINANT} it is Mesos's DRF sorter: the share of a
 * client is the largest, over the scalar resources of the pool (less the fair-sharing-excluded
 * names), of what it holds offered or allocated divided by the pool total. Reserved and revocable
 * resources count; ranges do not.
 *
 * <p>Hierarchical (for roles): a client {@code a/b} is a leaf under the node {@code a}; a node's
 * allocation and allocation count are those of its whole subtree, siblings are ordered among
 * themselves, and {@link #sort()} returns the active leaves in pre-order, so a subtree with a lower
 * share comes before every leaf of one with a higher share. A client that also has sub-clients
 * ({@code d} beside {@code d/e}) is the virtual leaf {@code .} under {@code d}, as in Mesos. A
 * weight set for a path applies to that node, hence to its whole subtree. Flat (for frameworks):
 * every client is a leaf under the root, whatever its name.
 *
 * <p>Only active clients are in the ordered sets (and only inner nodes with an active leaf below
 * them), so that a role with nothing to be offered costs the allocator nothing per agent: the order
 * among active clients is the one Mesos's sorter gives, which keeps inactive clients in place and
 * skips them.
 *
 * <p>Cost: {@link #allocated} and {@link #unallocated} are O(depth × (R + log siblings)) for R
 * resource names; {@link #activate} and {@link #deactivate} O(depth × log siblings); {@link
 * #sort()} is O(A) for A active clients, or O(A log A) after the pool changed (every share
 * changes); each step of {@link #ordered()} O(depth × log siblings).
 */
public final class FairShareSorter implements Sorter {
  private static final Comparator<Node> ORDER =
      (a, b) -> {
        int c = Double.compare(a.share, b.share);
        if (c != 0) {
          return c;
        }
        c = Long.compare(a.allocations, b.allocations);
        return c != 0 ? c : a.name.compareTo(b.name);
      };

  private final List<String> excluded;
  private final Share measure;
  private final boolean hierarchical;
  private final Node root = new Node("", "", null);
  private final Map<String, Node> leaves = new HashMap<>(); // looked up, never iterated
  private final Map<String, Node> inner = new HashMap<>(); // looked up, never iterated
  private final Map<String, Double> weights = new HashMap<>();
  private final TreeMap<String, Long> pool = new TreeMap<>();
  private boolean stale;
  private long mutations; // changes to any ordered set, so a lazy pass knows to re-navigate
  private long passes;

  private static final class Node {
    final String name;
    final String path;
    final Node parent;
    final TreeSet<Node> children = new TreeSet<>(ORDER);
    double weight = 1.0;
    Resources allocation = Resources.EMPTY;
    long allocations;
    double share;
    boolean active = true; // leaves only
    boolean isInner;
    int members; // inner nodes: children, present in the ordered set or not
    long returnedIn = -1; // the ordered() pass that last returned this node

    Node(String name, String path, Node parent) {
      this.name = name;
      this.path = path;
      this.parent = parent;
    }
  }

  /**
   * A sorter that measures shares with {@code measure}, leaving the options' fair-sharing-excluded
   * resources out; {@code hierarchical} splits client names on {@code /}.
   */
  public FairShareSorter(AllocatorOptions options, Share measure, boolean hierarchical) {
    this.excluded = List.copyOf(options.fairSharingExcludedResourceNames());
    this.measure = measure;
    this.hierarchical = hierarchical;
  }

  /** A flat sorter (clients are not split into paths). */
  public FairShareSorter(AllocatorOptions options, Share measure) {
    this(options, measure, false);
  }

  private long changes;
  private List<String> sorted;
  private long sortedAt;
  private int activeLeaves;

  @Override
  public boolean hasActive() {
    return activeLeaves > 0;
  }

  @Override
  public void add(String client) {
    changes++;
    if (leaves.containsKey(client)) {
      throw new IllegalStateException("sorter already has client " + client);
    }
    Node parent = hierarchical ? innerNode(client) : root;
    String name = hierarchical ? "." : client;
    Node leaf = new Node(name, client, parent);
    leaves.put(client, leaf);
    parent.members++;
    activeLeaves++;
    attach(leaf);
  }

  /** Puts an absent node into its parent's set, and the parent into its own if it was absent. */
  private void attach(Node n) {
    mutations++;
    n.share = share(n); // shares of absent nodes are not kept up to date
    n.parent.children.add(n);
    Node p = n.parent;
    if (p != root && p.children.size() == 1) {
      attach(p);
    }
  }

  /** Takes a present node out of its parent's set, and the parent out of its own if now empty. */
  private void detach(Node n) {
    mutations++;
    n.parent.children.remove(n);
    Node p = n.parent;
    if (p != root && p.children.isEmpty()) {
      detach(p);
    }
  }

  /** The inner node for {@code path}, created with its ancestors as needed. */
  private Node innerNode(String path) {
    Node node = inner.get(path);
    if (node != null) {
      return node;
    }
    int slash = path.lastIndexOf('/');
    Node parent = slash < 0 ? root : innerNode(path.substring(0, slash));
    node = new Node(slash < 0 ? path : path.substring(slash + 1), path, parent);
    node.isInner = true;
    node.weight = weights.getOrDefault(path, 1.0);
    inner.put(path, node);
    parent.members++; // present once an active leaf is attached below it
    return node;
  }

  @Override
  public void remove(String client) {
    changes++;
    Node leaf = leaves.remove(client);
    if (leaf == null) {
      return;
    }
    if (!leaf.allocation.isEmpty()) {
      Resources held = leaf.allocation;
      update(leaf, n -> n.allocation = n.allocation.minus(held));
    }
    if (leaf.active) {
      activeLeaves--;
      detach(leaf);
    }
    // Drop inner nodes left without children (absent from their sets, being empty).
    Node n = leaf.parent;
    n.members--;
    while (n != root && n.members == 0) {
      inner.remove(n.path);
      n = n.parent;
      n.members--;
    }
  }

  @Override
  public void activate(String client) {
    Node leaf = leaf(client);
    if (!leaf.active) {
      changes++;
      leaf.active = true;
      activeLeaves++;
      attach(leaf);
    }
  }

  @Override
  public void deactivate(String client) {
    Node leaf = leaf(client);
    if (leaf.active) {
      changes++;
      leaf.active = false;
      activeLeaves--;
      detach(leaf);
    }
  }

  @Override
  public boolean contains(String client) {
    return leaves.containsKey(client);
  }

  @Override
  public void updateWeight(String client, double weight) {
    changes++;
    weights.put(client, weight);
    Node n = hierarchical ? inner.get(client) : leaves.get(client);
    if (n != null) {
      reposition(n, x -> x.weight = weight);
    }
  }

  @Override
  public void addTotal(Resources total) {
    changes++;
    for (String name : total.scalarNames()) {
      pool.merge(name, total.milli(name), Long::sum);
    }
    stale = true;
  }

  @Override
  public void removeTotal(Resources total) {
    changes++;
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
  public void allocated(String client, Resources resources) {
    changes++;
    // Quantities only: a reservation changes the form of an allocation, never its share.
    Resources q = resources.scalars().toUnreserved();
    update(
        leaf(client),
        n -> {
          n.allocation = n.allocation.plus(q);
          n.allocations++;
        });
  }

  @Override
  public void unallocated(String client, Resources resources) {
    changes++;
    Resources q = resources.scalars().toUnreserved();
    update(leaf(client), n -> n.allocation = n.allocation.minus(q));
  }

  @Override
  public Resources allocation(String client) {
    return leaf(client).allocation;
  }

  @Override
  public List<String> sort() {
    if (stale) {
      rebuild(root);
      stale = false;
    }
    // The allocator sorts roles once per agent; between changes the order is the same.
    if (sorted == null || sortedAt != changes) {
      List<String> order = new ArrayList<>();
      collect(root, order);
      sorted = Collections.unmodifiableList(order);
      sortedAt = changes;
    }
    return sorted;
  }

  /**
   * Lazily: each step finds the next client after the previous one's key at the time it was
   * returned, O(depth × log siblings), so a run that stops after one client per agent costs that
   * per agent instead of O(C). A client (or an inner node) that received an allocation meanwhile
   * has moved further on; it was already returned (or entered), so it is skipped. The order is the
   * one {@link #sort()} gave when the pass began, less the clients already returned: the subtree of
   * an inner node stays together, and the siblings after it keep their keys.
   */
  @Override
  public Iterable<String> ordered() {
    if (stale) {
      rebuild(root);
      stale = false;
    }
    long pass = ++passes;
    return () -> new Pass(pass);
  }

  /** One walk of {@link #ordered()}: a stack of levels, from the root to the current node's. */
  private final class Pass implements java.util.Iterator<String> {
    private final long pass;
    private final java.util.ArrayDeque<Level> levels = new java.util.ArrayDeque<>();
    private Node next;

    Pass(long pass) {
      this.pass = pass;
      levels.push(new Level(root));
    }

    /** A node's children being walked, and the key of the last one taken at the time taken. */
    private final class Level {
      final Node node;
      java.util.Iterator<Node> it;
      long seen = mutations;
      Node probe;

      Level(Node node) {
        this.node = node;
        this.it = node.children.iterator();
      }

      Node nextChild() {
        if (seen != mutations) {
          // Something moved: resume after the key the last child had when it was taken.
          it =
              probe == null
                  ? node.children.iterator()
                  : node.children.tailSet(probe, false).iterator();
          seen = mutations;
        }
        while (it.hasNext()) {
          Node n = it.next();
          if (n.returnedIn != pass) {
            probe = new Node(n.name, n.path, null);
            probe.share = n.share;
            probe.allocations = n.allocations;
            n.returnedIn = pass;
            return n;
          }
        }
        return null;
      }
    }

    private Node advance() {
      while (!levels.isEmpty()) {
        Node n = levels.peek().nextChild();
        if (n == null) {
          levels.pop();
        } else if (n.isInner) {
          levels.push(new Level(n));
        } else {
          return n;
        }
      }
      return null;
    }

    @Override
    public boolean hasNext() {
      if (next == null) {
        next = advance();
      }
      return next != null;
    }

    @Override
    public String next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      Node n = next;
      next = null;
      return n.path;
    }
  }

  private void collect(Node node, List<String> out) {
    for (Node child : node.children) {
      if (child.isInner) {
        collect(child, out);
      } else {
        out.add(child.path);
      }
    }
  }

  private void rebuild(Node node) {
    mutations++;
    List<Node> all = new ArrayList<>(node.children);
    node.children.clear();
    for (Node c : all) {
      c.share = share(c);
      if (c.isInner) {
        rebuild(c);
      }
    }
    node.children.addAll(all);
  }

  @Override
  public int count() {
    return leaves.size();
  }

  /** The client's current share divided by its weight, as used for ordering. */
  public double share(String client) {
    return share(leaf(client));
  }

  /**
   * Applies {@code change} to a leaf and each of its ancestors, keeping every sibling set sorted.
   */
  private void update(Node leaf, Consumer<Node> change) {
    for (Node n = leaf; n != root; n = n.parent) {
      reposition(n, change);
    }
  }

  /** A node's key in its parent's ordered set must not change while it is in the set. */
  private void reposition(Node n, Consumer<Node> change) {
    mutations++;
    boolean present = n.parent.children.remove(n);
    change.accept(n);
    n.share = share(n);
    if (present) {
      n.parent.children.add(n);
    }
  }

  private Node leaf(String client) {
    Node n = leaves.get(client);
    if (n == null) {
      throw new IllegalStateException("sorter has no client " + client);
    }
    return n;
  }

  private double share(Node n) {
    return measure.of(n.allocation, pool, excluded) / n.weight;
  }
}
