package io.clustersim.workloads.placement;

import io.clustersim.core.gpu.GpuNode;
import io.clustersim.core.gpu.GpuRequest;
import java.util.ArrayList;
import java.util.List;

/** Which devices of a node a task takes. */
final class Devices {
  private Devices() {}

  /** The lowest-numbered devices with room. */
  static int[] lowest(GpuNode node, GpuRequest task) {
    int[] chosen = new int[task.gpus()];
    int n = 0;
    int[] free = node.gpuFree();
    for (int i = 0; i < free.length && n < chosen.length; i++) {
      if (free[i] >= task.milliPerGpu()) {
        chosen[n++] = i;
      }
    }
    return n == chosen.length ? chosen : null;
  }

  /**
   * The devices with room and the least free (the tightest fit), lowest number first among equals:
   * shares go onto devices already in use, whole GPUs onto idle ones.
   */
  static int[] tightest(GpuNode node, GpuRequest task) {
    int[] free = node.gpuFree();
    int[] chosen = new int[task.gpus()];
    boolean[] used = new boolean[free.length];
    for (int k = 0; k < chosen.length; k++) {
      int best = -1;
      for (int i = 0; i < free.length; i++) {
        if (!used[i] && free[i] >= task.milliPerGpu() && (best < 0 || free[i] < free[best])) {
          best = i;
        }
      }
      if (best < 0) {
        return null;
      }
      used[best] = true;
      chosen[k] = best;
    }
    java.util.Arrays.sort(chosen);
    return chosen;
  }

  /**
   * The distinct ways to place a share of one device: one device per distinct free amount (the
   * lowest-numbered), since devices with the same free amount are interchangeable. A whole-GPU or
   * CPU-only task has one way, {@link #tightest}.
   */
  static List<int[]> options(GpuNode node, GpuRequest task) {
    List<int[]> ways = new ArrayList<>();
    if (task.gpus() != 1 || task.milliPerGpu() >= 1000) {
      int[] t = tightest(node, task);
      if (t != null) {
        ways.add(t);
      }
      return ways;
    }
    int[] free = node.gpuFree();
    for (int i = 0; i < free.length; i++) {
      if (free[i] < task.milliPerGpu()) {
        continue;
      }
      boolean seen = false;
      for (int j = 0; j < i && !seen; j++) {
        seen = free[j] == free[i];
      }
      if (!seen) {
        ways.add(new int[] {i});
      }
    }
    return ways;
  }
}
