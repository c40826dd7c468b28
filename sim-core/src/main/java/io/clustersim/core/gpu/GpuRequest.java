package io.clustersim.core.gpu;

import io.clustersim.core.resources.Resources;
import java.util.Set;

/**
 * The shape of a task as GPU placement sees it: CPU in millicores, and either {@code gpus} whole
 * devices or a share of one ({@code gpus} 1, {@code milliPerGpu} below 1000), with the GPU models
 * it may run on (empty: any).
 *
 * @param cpuMilli millicores
 * @param gpus devices wanted (0 for a CPU-only task)
 * @param milliPerGpu milli-GPU wanted on each of those devices (1000 for whole ones)
 * @param models allowed GPU models, empty for any
 */
public record GpuRequest(long cpuMilli, int gpus, int milliPerGpu, Set<String> models) {
  /**
   * The shape of a request written with a {@code gpus} amount: below 1, a share of one device; 1 or
   * more, that many whole devices (a fraction above 1 is refused).
   */
  public static GpuRequest of(Resources request, Set<String> models) {
    long gpuMilli = request.milli("gpus");
    long cpu = request.milli("cpus");
    if (gpuMilli == 0) {
      return new GpuRequest(cpu, 0, 0, models);
    }
    if (gpuMilli < GpuDevices.MILLI) {
      return new GpuRequest(cpu, 1, (int) gpuMilli, models);
    }
    if (gpuMilli % GpuDevices.MILLI != 0) {
      throw new IllegalArgumentException(
          "a GPU request above 1 must be whole, not " + Resources.formatMilli(gpuMilli));
    }
    return new GpuRequest(cpu, (int) (gpuMilli / GpuDevices.MILLI), GpuDevices.MILLI, models);
  }

  /**
   * The GPU kind, for strategies that keep like with like: {@code 460m} for a share of 460
   * milli-GPU, {@code 2x} for two whole GPUs; null for a CPU-only task.
   */
  public String kind() {
    if (gpus == 0) {
      return null;
    }
    return milliPerGpu < GpuDevices.MILLI ? milliPerGpu + "m" : gpus + "x";
  }

  /** Total milli-GPU asked for. */
  public long totalMilli() {
    return (long) gpus * milliPerGpu;
  }

  /** Whether a node with GPUs of {@code model} (null: no GPUs) may run it. */
  public boolean accepts(String model) {
    if (gpus == 0 || models.isEmpty()) {
      return true;
    }
    return model != null && models.contains(model);
  }
}
