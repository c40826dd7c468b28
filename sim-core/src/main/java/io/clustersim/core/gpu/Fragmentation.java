package io.clustersim.core.gpu;

/**
 * The GPU fragmentation measure of Weng et al., "Beware of Fragmentation: Scheduling GPU-Sharing
 * Workloads with Fragmentation Gradient Descent" (USENIX ATC '23), section 3: the free GPU capacity
 * of a node that a task cannot use. For one task m on node n, F_n(m) is all of the node's free
 * milli-GPU when m cannot run there (it asks for no GPU, or for another GPU model, or lacks CPU or
 * enough devices); when it can, it is the free milli-GPU of the devices with less room than m's
 * per-device share. Against a task mix M, F_n(M) = Σ_m p_m F_n(m), and the cluster's fragmentation
 * is Σ_n F_n(M). Memory is not part of it, as in the paper.
 *
 * <p>Cost: O(devices) for one task, O(devices × tasks in the mix) for a mix.
 */
public final class Fragmentation {
  private Fragmentation() {}

  /** F_n(m) in milli-GPU. */
  public static long of(GpuNode node, GpuRequest task) {
    long free = node.gpuFreeTotal();
    if (task.gpus() == 0
        || !task.accepts(node.model())
        || node.cpuMilli() < task.cpuMilli()
        || node.devicesWithRoom(task) < task.gpus()) {
      return free;
    }
    long fragment = 0;
    for (int f : node.gpuFree()) {
      if (f < task.milliPerGpu()) {
        fragment += f;
      }
    }
    return fragment;
  }

  /** F_n(M) in milli-GPU: the expected fragment for a task drawn from {@code mix}. */
  public static double of(GpuNode node, TaskMix.Weighted[] mix) {
    if (node.gpuFree().length == 0) {
      return 0;
    }
    double sum = 0;
    for (TaskMix.Weighted w : mix) {
      sum += w.p() * of(node, w.task());
    }
    return sum;
  }
}
