package io.clustersim.core.cluster;

import io.clustersim.core.kernel.Simulation;
import io.clustersim.core.resources.Resources;

/** An outstanding offer at the master. */
record OfferEntry(
    String id,
    String frameworkId,
    String role,
    String agentId,
    Resources resources,
    Simulation.Event timeout) {}
