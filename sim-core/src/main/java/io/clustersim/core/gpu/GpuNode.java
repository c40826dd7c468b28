package io.clustersim.core.gpu;

/**
 * What GPU placement and the fragmentation measure see of an agent: free millicores and free
 * milli-GPU per device (a copy: changing it changes nothing else), and its GPU model.
 *
 * @param cpuMilli free millicores
 * @param gpuFree free milli-GPU of each device
 * @param model GPU model, or null for a node without GPUs
 */
public record GpuNode(long cpuMilli, int[] gpuFree, String model) {
  /** Free milli-GPU over all devices. */
  public long gpuFreeTotal() {
    long sum = 0;
    for (int f : gpuFree) {
      sum += f;
    }
    return sum;
  }

  /** Devices with nothing allocated. */
  public int idleDevices() {
    int n = 0;
    for (int f : gpuFree) {
      if (f == GpuDevices.MILLI) {
        n++;
      }
    }
    return n;
  }

  /** Whether {@code task} fits on CPU and on enough devices (memory is the caller's check). */
  public boolean fits(GpuRequest task) {
    return cpuMilli >= task.cpuMilli()
        && task.accepts(model)
        && devicesWithRoom(task) >= task.gpus();
  }

  /** Devices with at least the task's per-device share free. */
  public int devicesWithRoom(GpuRequest task) {
    if (task.gpus() == 0) {
      return 0;
    }
    int n = 0;
    for (int f : gpuFree) {
      if (f >= task.milliPerGpu()) {
        n++;
      }
    }
    return n;
  }

  /** This node after {@code task} takes its share of {@code devices}. */
  public GpuNode after(GpuRequest task, int[] devices) {
    int[] free = gpuFree.clone();
    for (int d : devices) {
      free[d] -= task.milliPerGpu();
    }
    return new GpuNode(cpuMilli - task.cpuMilli(), free, model);
  }
}
