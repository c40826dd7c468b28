package io.clustersim.core.gpu;

import io.clustersim.core.resources.Resources;

/**
 * How an agent's GPUs appear when they may be shared: device {@code i} is the scalar resource
 * {@code gpu.i}, one unit per device, so a task asking for 0.46 of a GPU takes 0.46 (460 milli) of
 * one device and a task asking for two whole GPUs takes 1 of each of two devices. The master and
 * the allocator need nothing more: their books never let a device go above 1000 milli.
 */
public final class GpuDevices {
  /** One GPU, in milli-GPU. */
  public static final int MILLI = 1000;

  /** Most devices one agent can have. */
  public static final int MAX = 64;

  private static final String[] NAMES = new String[MAX];

  static {
    for (int i = 0; i < MAX; i++) {
      NAMES[i] = "gpu." + i;
    }
  }

  private GpuDevices() {}

  /** The resource name of device {@code i}. */
  public static String name(int i) {
    return NAMES[i];
  }

  /** Whether {@code name} is a device resource. */
  public static boolean isDevice(String name) {
    return name.startsWith("gpu.") && name.length() > 4 && Character.isDigit(name.charAt(4));
  }

  /** {@code count} whole devices, as an agent's resources. */
  public static Resources whole(int count) {
    if (count < 0 || count > MAX) {
      throw new IllegalArgumentException("an agent has 0 to " + MAX + " GPUs, not " + count);
    }
    Resources r = Resources.EMPTY;
    for (int i = 0; i < count; i++) {
      r = r.plus(Resources.scalar(NAMES[i], 1));
    }
    return r;
  }

  /**
   * Free milli-GPU per device in {@code resources} (an offer), by device index; devices absent from
   * it have 0. The array is as long as the highest device present plus one.
   */
  public static int[] free(Resources resources) {
    int count = 0;
    for (String name : resources.scalarNames()) {
      if (isDevice(name)) {
        count = Math.max(count, Integer.parseInt(name.substring(4)) + 1);
      }
    }
    int[] free = new int[count];
    for (int i = 0; i < count; i++) {
      free[i] = (int) resources.milli(NAMES[i]);
    }
    return free;
  }

  /** Devices {@code devices}, each with {@code milli} of it, as a task's resources. */
  public static Resources share(int[] devices, int milli) {
    Resources r = Resources.EMPTY;
    for (int d : devices) {
      r = r.plus(Resources.scalar(NAMES[d], milli / 1000.0));
    }
    return r;
  }
}
