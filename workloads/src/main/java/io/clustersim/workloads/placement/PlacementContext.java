package io.clustersim.workloads.placement;

import io.clustersim.core.gpu.TaskMix;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * What a strategy may know besides the candidates: the framework's random stream, the workload's
 * task mix so far, the largest node seen (for normalising), and the kinds of GPU tasks the
 * framework runs on each agent (for clustering).
 */
public interface PlacementContext {
  /** The framework's seeded stream. */
  RandomGenerator random();

  /** The task shapes seen so far, with their frequencies. */
  TaskMix mix();

  /** Most millicores any offered node has had free (the largest node, once it was idle). */
  long maxCpuMilli();

  /** Most milli-GPU any offered node has had free. */
  long maxGpuMilli();

  /**
   * GPU task kinds ({@link io.clustersim.core.gpu.GpuRequest#kind}) running on {@code agentId},
   * with counts.
   */
  Map<String, Integer> kindsOn(String agentId);
}
