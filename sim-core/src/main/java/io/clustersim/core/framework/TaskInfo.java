package io.clustersim.core.framework;

import io.clustersim.core.resources.Resources;

/**
 * A task to launch on an offer.
 *
 * @param id the framework's task id, unique within the framework
 * @param resources what the task uses, taken from the offer
 * @param durationMicros how long it runs once RUNNING; negative runs until killed
 * @param executor a custom executor, or null for the command executor
 * @param submittedMicros when the task became pending at its framework, for wait-time metrics
 */
public record TaskInfo(
    String id,
    Resources resources,
    long durationMicros,
    ExecutorInfo executor,
    long submittedMicros) {}
