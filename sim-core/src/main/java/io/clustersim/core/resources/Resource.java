package io.clustersim.core.resources;

/**
 * One entry of a {@link Resources} value: a named quantity, reserved to a role or unreserved
 * ({@link #UNRESERVED}), regular or revocable. Scalars are kept in thousandths (Mesos keeps three
 * decimal digits), so that arithmetic is exact and identical on every machine.
 *
 * @param name resource name, such as {@code cpus}, {@code mem} or {@code ports}
 * @param role the role it is reserved to, or {@code "*"}
 * @param revocable true for oversubscribed resources that may be taken back
 * @param milli the scalar amount in thousandths; 0 for range resources
 * @param ranges the ranges of a range resource, or null for a scalar
 */
public record Resource(String name, String role, boolean revocable, long milli, Ranges ranges) {
  /** The role of unreserved resources, as in Mesos. */
  public static final String UNRESERVED = "*";

  /** True for a scalar resource. */
  public boolean isScalar() {
    return ranges == null;
  }

  /** True if reserved to some role. */
  public boolean isReserved() {
    return !UNRESERVED.equals(role);
  }

  /** True if the entry holds nothing. */
  boolean isEmpty() {
    return ranges == null ? milli == 0 : ranges.isEmpty();
  }

  /** Orders entries by name, then role, then regular before revocable. */
  static int compareKeys(Resource a, Resource b) {
    int c = a.name.compareTo(b.name);
    if (c != 0) {
      return c;
    }
    c = a.role.compareTo(b.role);
    if (c != 0) {
      return c;
    }
    return Boolean.compare(a.revocable, b.revocable);
  }

  /** The entry's key as shown in logs: {@code cpus}, {@code cpus(analytics)}, {@code cpus{REV}}. */
  public String label() {
    String label = isReserved() ? name + "(" + role + ")" : name;
    return revocable ? label + "{REV}" : label;
  }

  /** This entry's amount as an unreserved, regular value. */
  public Resources quantity() {
    return Resources.of(new Resource(name, UNRESERVED, false, milli, ranges));
  }

  /** The amount as text: a decimal without trailing zeros, or the ranges. */
  public String valueText() {
    return ranges == null ? Resources.formatMilli(milli) : ranges.toString();
  }
}
