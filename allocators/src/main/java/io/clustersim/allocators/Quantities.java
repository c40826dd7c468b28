package io.clustersim.allocators;

import io.clustersim.core.resources.Resource;
import io.clustersim.core.resources.Resources;
import java.util.List;

/**
 * Mesos's {@code ResourceQuantities} and {@code ResourceLimits} arithmetic on unreserved,
 * non-revocable scalars (one entry per name), as the quota code of the allocator uses it.
 */
final class Quantities {
  private Quantities() {}

  /** The unreserved, non-revocable scalars of {@code r}, their reservations dropped. */
  static Resources of(Resources r) {
    return r.filter(e -> e.isScalar() && !e.isReserved() && !e.revocable());
  }

  /**
   * {@code shrink(x, quantities)}: each resource of {@code x} capped at the target's amount; names
   * the target lacks are dropped.
   */
  static Resources shrink(Resources x, Resources target) {
    Resources out = Resources.EMPTY;
    for (Resource e : x.entries()) {
      long cap = target.milli(e.name());
      if (cap > 0) {
        out =
            out.plus(
                Resources.of(
                    new Resource(
                        e.name(), e.role(), e.revocable(), Math.min(cap, e.milli()), null)));
      }
    }
    return out;
  }

  /**
   * {@code shrink(x, limits - consumed)}: each resource of {@code x} capped at what its limit
   * leaves above {@code consumed} (never below zero); names without a limit are kept whole, since
   * an absent limit means no limit.
   */
  static Resources shrinkToLimits(Resources x, Resources limits, Resources consumed) {
    if (limits.isEmpty()) {
      return x;
    }
    List<String> limited = limits.scalarNames();
    Resources out = Resources.EMPTY;
    for (Resource e : x.entries()) {
      long amount = e.milli();
      if (limited.contains(e.name())) {
        amount = Math.min(amount, Math.max(0, limits.milli(e.name()) - consumed.milli(e.name())));
      }
      if (amount > 0) {
        out = out.plus(Resources.of(new Resource(e.name(), e.role(), e.revocable(), amount, null)));
      }
    }
    return out;
  }
}
