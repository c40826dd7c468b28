package io.clustersim.allocators;

import io.clustersim.core.resources.Resources;

/**
 * Mesos's {@code RefusedOfferFilter}: blocks offers of a subset of {@code refused} on one agent to
 * one framework until {@code expiresAt}, inclusive. Filters of one (framework, agent) pair form a
 * short chain, newest first; a filter counts only while {@code epoch} is the framework's current
 * one, so reviving or deactivating a framework drops all its filters at once.
 *
 * <p>The expiry instant itself is still covered: a real decline arrives a little after the
 * allocation run that made the offer, so its filter ends a little after the run at {@code decline
 * time + duration}; including that instant reproduces this in a simulation where the decline and
 * the run can share a timestamp.
 */
final class RefusalFilter {
  final Resources refused;
  final long expiresAt;
  final long epoch;
  final RefusalFilter next;

  RefusalFilter(Resources refused, long expiresAt, long epoch, RefusalFilter next) {
    this.refused = refused;
    this.expiresAt = expiresAt;
    this.epoch = epoch;
    this.next = next;
  }

  /** True if the filter still applies at {@code now} and blocks {@code candidate}. */
  boolean blocks(Resources candidate, long now) {
    return now <= expiresAt && (refused == candidate || refused.contains(candidate));
  }

  /** This chain without the filters expired before {@code now}; null if none is left. */
  RefusalFilter withoutExpired(long now) {
    RefusalFilter rest = next == null ? null : next.withoutExpired(now);
    if (expiresAt < now) {
      return rest;
    }
    return rest == next ? this : new RefusalFilter(refused, expiresAt, epoch, rest);
  }
}
