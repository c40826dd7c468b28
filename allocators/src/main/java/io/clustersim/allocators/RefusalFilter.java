package io.clustersim.allocators;

import io.clustersim.core.resources.Resources;

/**
 * Mesos's {@code RefusedOfferFilter}: blocks offers of a subset of {@code refused} on one agent to
 * one framework until {@code expiresAt}, inclusive.
 *
 * <p>The expiry instant itself is still covered: a real decline arrives a little after the
 * allocation run that made the offer, so its filter ends a little after the run at {@code decline
 * time + duration}; including that instant reproduces this in a simulation where the decline and
 * the run can share a timestamp.
 *
 * @param refused the resources that were refused
 * @param expiresAt last instant the filter applies, in microseconds
 */
record RefusalFilter(Resources refused, long expiresAt) {
  /** True if the filter still applies at {@code now} and blocks {@code candidate}. */
  boolean blocks(Resources candidate, long now) {
    return now <= expiresAt && refused.contains(candidate);
  }
}
