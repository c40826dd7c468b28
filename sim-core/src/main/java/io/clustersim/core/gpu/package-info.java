/**
 * GPUs shared by fractions: each device of an agent is its own scalar resource ({@code gpu.0},
 * {@code gpu.1}, ... one unit per device, so that its thousandths are milli-GPUs), the shape of a
 * task's GPU request, and the GPU fragmentation measure of Weng et al. (USENIX ATC '23).
 */
package io.clustersim.core.gpu;
