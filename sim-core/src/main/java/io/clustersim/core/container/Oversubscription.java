package io.clustersim.core.container;

/**
 * Oversubscription settings (the scenario's {@code oversubscription:} section), as Mesos's agent
 * flags: the estimator and QoS controller modules and how often each runs.
 *
 * @param estimator the resource estimator
 * @param qosController the QoS controller
 * @param estimateIntervalMicros how often the agent asks the estimator (Mesos's {@code
 *     oversubscribed_resources_interval}, 15 s)
 * @param qosIntervalMicros how often the QoS controller sees a usage sample
 * @param safetyCpusMilli CPU slack the {@code fixed-slack} estimator keeps back
 * @param fixedCpusMilli revocable CPU the {@code fixed} estimator offers
 */
public record Oversubscription(
    ResourceEstimator estimator,
    QosController qosController,
    long estimateIntervalMicros,
    long qosIntervalMicros,
    long safetyCpusMilli,
    long fixedCpusMilli) {}
