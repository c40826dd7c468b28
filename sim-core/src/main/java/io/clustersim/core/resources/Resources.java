package io.clustersim.core.resources;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * An immutable bag of resources in Mesos's sense: scalars (cpus, mem, disk, gpus, any custom name)
 * and ranges (ports), each possibly reserved to a role or revocable.
 *
 * <p>Entries are kept sorted by (name, role, revocable) with empty entries dropped, so two equal
 * values have equal entries and iteration order never depends on hashing. Binary operations merge
 * the two sorted arrays: O(entries).
 */
public final class Resources {
  /** The empty value. */
  public static final Resources EMPTY = new Resources(new Resource[0]);

  private final Resource[] entries;

  private Resources(Resource[] entries) {
    this.entries = entries;
  }

  /** An unreserved scalar, such as {@code scalar("cpus", 1.5)}. */
  public static Resources scalar(String name, double amount) {
    return of(new Resource(name, Resource.UNRESERVED, false, toMilli(name, amount), null));
  }

  /** A value made of the given entries (merged where their keys repeat). */
  public static Resources of(Resource... parts) {
    // The common case, distinct non-empty entries already in key order, needs no merging.
    boolean ordered = true;
    for (int i = 0; i < parts.length && ordered; i++) {
      ordered = !parts[i].isEmpty() && (i == 0 || Resource.compareKeys(parts[i - 1], parts[i]) < 0);
    }
    if (ordered) {
      return parts.length == 0 ? EMPTY : new Resources(parts.clone());
    }
    Resources result = EMPTY;
    for (Resource r : parts) {
      result = result.plus(new Resources(r.isEmpty() ? new Resource[0] : new Resource[] {r}));
    }
    return result;
  }

  /**
   * Unreserved resources from a map of name to amount: a number for a scalar, a string of ranges
   * for {@code ports} or any value written like {@code "31000-32000"}.
   */
  public static Resources fromMap(Map<String, ?> amounts) {
    return fromMap(amounts, Resource.UNRESERVED);
  }

  /** Resources reserved to {@code role} (or unreserved for {@code "*"}) from a map of amounts. */
  public static Resources fromMap(Map<String, ?> amounts, String role) {
    List<Resource> parts = new ArrayList<>();
    for (Map.Entry<String, ?> e : amounts.entrySet()) {
      Object v = e.getValue();
      if (v instanceof Number n) {
        parts.add(
            new Resource(e.getKey(), role, false, toMilli(e.getKey(), n.doubleValue()), null));
      } else if (v instanceof String s) {
        parts.add(new Resource(e.getKey(), role, false, 0, Ranges.parse(s)));
      } else {
        throw new IllegalArgumentException(
            "resource '" + e.getKey() + "' must be a number or a range string, not " + v);
      }
    }
    return of(parts.toArray(new Resource[0]));
  }

  /** Converts an amount to thousandths, rounding as Mesos does to three decimal digits. */
  public static long toMilli(String name, double amount) {
    if (!(amount >= 0) || Double.isInfinite(amount)) {
      throw new IllegalArgumentException(
          "resource '" + name + "' must be a non-negative number, not " + amount);
    }
    return Math.round(amount * 1000.0);
  }

  /** Formats thousandths as a plain decimal without trailing zeros: 1500 → "1.5". */
  public static String formatMilli(long milli) {
    long whole = milli / 1000;
    long frac = Math.abs(milli % 1000);
    if (frac == 0) {
      return Long.toString(whole);
    }
    // Three digits with the trailing zeros dropped; every offer's log line comes through here.
    String digits =
        frac % 100 == 0 ? "" + frac / 100 : frac % 10 == 0 ? pad(frac / 10, 2) : pad(frac, 3);
    return (milli < 0 && whole == 0 ? "-0." : whole + ".") + digits;
  }

  private static String pad(long value, int width) {
    String v = Long.toString(value);
    return v.length() >= width ? v : "0".repeat(width - v.length()) + v;
  }

  /** The entries, sorted by (name, role, revocable). */
  public List<Resource> entries() {
    return List.of(entries);
  }

  /** True if nothing is held. */
  public boolean isEmpty() {
    return entries.length == 0;
  }

  /** Sum of a scalar over all roles, regular and revocable, in thousandths. */
  public long milli(String name) {
    long sum = 0;
    for (Resource r : entries) {
      if (r.isScalar() && r.name().equals(name)) {
        sum += r.milli();
      }
    }
    return sum;
  }

  /** Sum of a scalar over all roles, as a number of units. */
  public double amount(String name) {
    return milli(name) / 1000.0;
  }

  /** Names of the scalar resources held, sorted. */
  public List<String> scalarNames() {
    TreeSet<String> names = new TreeSet<>();
    for (Resource r : entries) {
      if (r.isScalar()) {
        names.add(r.name());
      }
    }
    return List.copyOf(names);
  }

  /** The ranges held under {@code name} across roles. */
  public Ranges ranges(String name) {
    Ranges result = Ranges.EMPTY;
    for (Resource r : entries) {
      if (!r.isScalar() && r.name().equals(name)) {
        result = result.plus(r.ranges());
      }
    }
    return result;
  }

  /** The entries for which {@code keep} holds. */
  public Resources filter(Predicate<Resource> keep) {
    int first = 0; // the first entry dropped; the common case drops none and copies nothing
    while (first < entries.length && keep.test(entries[first])) {
      first++;
    }
    if (first == entries.length) {
      return this;
    }
    Resource[] out = Arrays.copyOf(entries, entries.length);
    int n = first;
    for (int i = first + 1; i < entries.length; i++) {
      if (keep.test(entries[i])) {
        out[n++] = entries[i];
      }
    }
    return n == 0 ? EMPTY : new Resources(Arrays.copyOf(out, n));
  }

  /**
   * Scalar entries only. Use this whenever resources of different agents are summed: ranges such as
   * ports are per agent, and their union across agents means nothing.
   */
  public Resources scalars() {
    return filter(Resource::isScalar);
  }

  /** Unreserved entries only. */
  public Resources unreserved() {
    return filter(r -> !r.isReserved());
  }

  /** Entries reserved to exactly {@code role}. */
  public Resources reservedTo(String role) {
    return filter(r -> r.role().equals(role));
  }

  /** Entries reserved to any role. */
  public Resources reserved() {
    return filter(Resource::isReserved);
  }

  /** Revocable entries only. */
  public Resources revocable() {
    return filter(Resource::revocable);
  }

  /** Regular (non-revocable) entries only. */
  public Resources nonRevocable() {
    return filter(r -> !r.revocable());
  }

  /**
   * What a framework in {@code role} may be offered: unreserved entries plus those reserved to
   * {@code role} or to one of its ancestors ({@code a} is an ancestor of {@code a/b}), as Mesos's
   * {@code isAllocatableTo}.
   */
  public Resources allocatableTo(String role) {
    return filter(r -> !r.isReserved() || isSelfOrAncestor(r.role(), role));
  }

  /** True if {@code ancestor} equals {@code role} or is a path prefix of it. */
  public static boolean isSelfOrAncestor(String ancestor, String role) {
    return role.equals(ancestor)
        || (role.length() > ancestor.length()
            && role.startsWith(ancestor)
            && role.charAt(ancestor.length()) == '/');
  }

  /** The same quantities, every entry reserved to {@code role}. */
  public Resources toReserved(String role) {
    Resources result = EMPTY;
    for (Resource r : entries) {
      result = result.plus(of(new Resource(r.name(), role, r.revocable(), r.milli(), r.ranges())));
    }
    return result;
  }

  /** The same quantities with every reservation removed (all entries become unreserved). */
  public Resources toUnreserved() {
    boolean reserved = false;
    for (Resource r : entries) {
      reserved |= r.isReserved();
    }
    if (!reserved) {
      return this;
    }
    Resources result = EMPTY;
    for (Resource r : entries) {
      result =
          result.plus(
              of(
                  new Resource(
                      r.name(), Resource.UNRESERVED, r.revocable(), r.milli(), r.ranges())));
    }
    return result;
  }

  /**
   * Picks from this value (an offer) resources that satisfy {@code request}, a set of unreserved
   * quantities: each scalar is taken from reserved entries first, then unreserved ones; a scalar
   * request for a range resource (such as {@code ports: 2}) takes that many of the lowest values.
   * Returns null if this value cannot satisfy the request.
   */
  public Resources pick(Resources request) {
    Resources taken = EMPTY;
    for (Resource want : request.entries) {
      if (!want.isScalar()) {
        Resources need = of(want);
        Resources from = filter(r -> r.name().equals(want.name()) && !r.isScalar());
        Resources found = null;
        for (Resource r : from.entries) {
          if (r.ranges().contains(want.ranges())) {
            found = of(new Resource(r.name(), r.role(), r.revocable(), 0, want.ranges()));
            break;
          }
        }
        if (found == null && !need.isEmpty()) {
          return null;
        }
        taken = taken.plus(found == null ? EMPTY : found);
        continue;
      }
      long left = want.milli();
      for (int pass = 0; pass < 2 && left > 0; pass++) {
        for (Resource r : entries) {
          if (left <= 0) {
            break;
          }
          boolean reservedPass = pass == 0;
          if (!r.name().equals(want.name()) || r.isReserved() != reservedPass || r.revocable()) {
            continue;
          }
          if (r.isScalar()) {
            long part = Math.min(left, r.milli());
            taken = taken.plus(of(new Resource(r.name(), r.role(), false, part, null)));
            left -= part;
          } else {
            long count = Math.min(left / 1000, r.ranges().count());
            Ranges part = r.ranges().first(count);
            taken = taken.plus(of(new Resource(r.name(), r.role(), false, 0, part)));
            left -= count * 1000;
          }
        }
      }
      if (left > 0) {
        return null;
      }
    }
    return taken;
  }

  /**
   * As {@link #pick}, but the CPU comes from this value's unreserved revocable CPU: what a task
   * launched on oversubscribed resources takes (only CPU is oversubscribed; the rest is regular).
   * Null if either part is missing.
   */
  public Resources pickRevocableCpus(Resources request) {
    Resources taken = pick(request.filter(r -> !r.name().equals("cpus")));
    long want = request.milli("cpus");
    if (taken == null) {
      return null;
    }
    if (want == 0) {
      return taken;
    }
    long have = filter(r -> r.revocable() && !r.isReserved()).milli("cpus");
    if (have < want) {
      return null;
    }
    return taken.plus(of(new Resource("cpus", Resource.UNRESERVED, true, want, null)));
  }

  /** The sum of both values. */
  public Resources plus(Resources other) {
    if (other.entries.length == 0) {
      return this;
    }
    if (entries.length == 0) {
      return other;
    }
    Resource[] out = new Resource[entries.length + other.entries.length];
    int a = 0;
    int b = 0;
    int n = 0;
    while (a < entries.length || b < other.entries.length) {
      int c =
          a == entries.length
              ? 1
              : b == other.entries.length ? -1 : Resource.compareKeys(entries[a], other.entries[b]);
      if (c < 0) {
        out[n++] = entries[a++];
      } else if (c > 0) {
        out[n++] = other.entries[b++];
      } else {
        Resource x = entries[a++];
        Resource y = other.entries[b++];
        out[n++] = combine(x, y, true);
      }
    }
    return new Resources(n == out.length ? out : Arrays.copyOf(out, n));
  }

  /**
   * This value less {@code other}, which must be contained in it; otherwise a {@link
   * ResourceException} names both operands, because going negative is always a bookkeeping bug.
   */
  public Resources minus(Resources other) {
    if (other == this) {
      return EMPTY; // what one framework holds on an agent is often exactly the offer it declines
    }
    if (!contains(other)) {
      throw new ResourceException("cannot subtract " + other + " from " + this);
    }
    return subtractContained(other);
  }

  /**
   * This value less {@code other}, each scalar floored at zero and each range set cut to what is
   * held, as Mesos's quantity subtraction; used where a shortfall is a normal outcome.
   */
  public Resources minusFloored(Resources other) {
    Resources held = EMPTY;
    int a = 0;
    for (Resource y : other.entries) {
      while (a < entries.length && Resource.compareKeys(entries[a], y) < 0) {
        a++;
      }
      if (a < entries.length && Resource.compareKeys(entries[a], y) == 0) {
        Resource x = entries[a];
        held =
            held.plus(
                of(
                    x.isScalar()
                        ? new Resource(
                            x.name(), x.role(), x.revocable(), Math.min(x.milli(), y.milli()), null)
                        : new Resource(
                            x.name(),
                            x.role(),
                            x.revocable(),
                            0,
                            x.ranges().intersect(y.ranges()))));
      }
    }
    return subtractContained(held);
  }

  private Resources subtractContained(Resources other) {
    if (other.entries.length == 0) {
      return this;
    }
    Resource[] out = new Resource[entries.length];
    int b = 0;
    int n = 0;
    for (Resource x : entries) {
      if (b < other.entries.length && Resource.compareKeys(x, other.entries[b]) == 0) {
        Resource r = combine(x, other.entries[b++], false);
        if (!r.isEmpty()) {
          out[n++] = r;
        }
      } else {
        out[n++] = x;
      }
    }
    // The shared empty value: memoised values keyed on identity then see "nothing" as unchanged.
    return n == 0 ? EMPTY : new Resources(Arrays.copyOf(out, n));
  }

  private static Resource combine(Resource x, Resource y, boolean add) {
    if (x.isScalar() != y.isScalar()) {
      throw new ResourceException(
          "resource '" + x.name() + "' is a scalar in one value and ranges in the other");
    }
    if (x.isScalar()) {
      long milli = add ? x.milli() + y.milli() : x.milli() - y.milli();
      return new Resource(x.name(), x.role(), x.revocable(), milli, null);
    }
    Ranges ranges = add ? x.ranges().plus(y.ranges()) : x.ranges().minus(y.ranges());
    return new Resource(x.name(), x.role(), x.revocable(), 0, ranges);
  }

  /** True if every entry of {@code other} is held here in at least that amount. */
  public boolean contains(Resources other) {
    int a = 0;
    for (Resource y : other.entries) {
      while (a < entries.length && Resource.compareKeys(entries[a], y) < 0) {
        a++;
      }
      if (a == entries.length || Resource.compareKeys(entries[a], y) != 0) {
        return false;
      }
      Resource x = entries[a];
      if (x.isScalar() != y.isScalar()) {
        return false;
      }
      if (x.isScalar() ? x.milli() < y.milli() : !x.ranges().contains(y.ranges())) {
        return false;
      }
    }
    return true;
  }

  /**
   * True if every scalar quantity of {@code other}, summed over roles, is at most the same sum
   * here: a comparison of quantities that ignores reservations, as {@code ResourceQuantities} does.
   */
  public boolean containsQuantities(Resources other) {
    for (String name : other.scalarNames()) {
      if (milli(name) < other.milli(name)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Resources r && Arrays.equals(entries, r.entries);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(entries);
  }

  /** Mesos's text form: {@code cpus:1;mem:1024;cpus(analytics):2;ports:[31000-32000]}. */
  @Override
  public String toString() {
    if (entries.length == 0) {
      return "{}";
    }
    StringBuilder sb = new StringBuilder();
    for (Resource r : entries) {
      if (sb.length() > 0) {
        sb.append(';');
      }
      sb.append(r.label()).append(':');
      sb.append(r.isScalar() ? r.valueText() : "[" + r.valueText() + "]");
    }
    return sb.toString();
  }
}
