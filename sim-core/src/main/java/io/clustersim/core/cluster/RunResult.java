package io.clustersim.core.cluster;

/**
 * What a finished run reports.
 *
 * @param digest SHA-256 of the canonical event log, in hex
 * @param events number of log events
 * @param endMicros simulated time at which the run stopped
 * @param kernelEvents kernel events processed (messages, timers, inputs)
 * @param messages messages sent over the simulated network
 * @param messagesDropped messages the network dropped
 * @param messagesDuplicated messages the network delivered twice
 * @param drained true if the run stopped because the workload finished
 * @param allocationRuns allocation runs the allocator made (0 when no allocator ran)
 */
public record RunResult(
    String digest,
    long events,
    long endMicros,
    long kernelEvents,
    long messages,
    long messagesDropped,
    long messagesDuplicated,
    boolean drained,
    long allocationRuns) {}
