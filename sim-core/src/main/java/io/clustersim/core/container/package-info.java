/**
 * What happens inside an agent: containerizers (start-up latency, docker image pulls cached per
 * agent), isolation (memory limit kills, CPU throttling) driven by each task's usage profile, and
 * the resource monitor with the oversubscription policies (resource estimator, QoS controller).
 */
package io.clustersim.core.container;
