package io.clustersim.core.cluster;

import io.clustersim.core.resources.Resources;

/** An outstanding offer at the master. */
record OfferEntry(
    String id,
    String frameworkId,
    String role,
    String agentId,
    Resources resources,
    long timeout) {}
