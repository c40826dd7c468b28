package io.clustersim.workloads.trace;

import io.clustersim.core.resources.Resource;
import io.clustersim.core.resources.Resources;
import java.util.Arrays;

/**
 * What a normalised 1.0 means: traces publish capacities and requests as fractions of their largest
 * machine (Google) or of an undisclosed memory size (Alibaba), and a replay needs cores and MB.
 * Each format has a default (see the README's trace section); {@code --reference-machine
 * cpus=32,mem=131072} overrides it.
 *
 * @param cpus cores of a normalised 1.0
 * @param memMb MB of a normalised 1.0
 */
public record ReferenceMachine(double cpus, double memMb) {
  /** Checks both are positive. */
  public ReferenceMachine {
    if (!(cpus > 0) || !(memMb > 0) || Double.isInfinite(cpus) || Double.isInfinite(memMb)) {
      throw new IllegalArgumentException("a reference machine needs positive cpus and mem");
    }
  }

  /** Parses {@code cpus=32,mem=131072} (either may be left out to keep {@code base}'s). */
  public static ReferenceMachine parse(String text, ReferenceMachine base) {
    double cpus = base.cpus();
    double mem = base.memMb();
    for (String part : text.split(",")) {
      String[] kv = part.trim().split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException(
            "'" + part.trim() + "' is not NAME=VALUE (expected cpus=N,mem=MB)");
      }
      double v;
      try {
        v = Double.parseDouble(kv[1].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + kv[1].trim() + "' is not a number");
      }
      switch (kv[0].trim()) {
        case "cpus" -> cpus = v;
        case "mem" -> mem = v;
        default ->
            throw new IllegalArgumentException(
                "unknown resource '" + kv[0].trim() + "' (expected cpus and mem)");
      }
    }
    return new ReferenceMachine(cpus, mem);
  }

  /** Resources from normalised amounts (zero amounts left out). */
  public Resources scale(double normCpus, double normMem) {
    return resources(normCpus * cpus, normMem * memMb, 0);
  }

  /** Resources from absolute amounts (zero amounts left out). */
  static Resources resources(double cores, double memMb, double gpus) {
    // Built directly, in the key order Resources keeps (cpus, gpus, mem): once per trace row.
    Resource[] parts = new Resource[3];
    int n = 0;
    if (cores > 0) {
      parts[n++] = scalar("cpus", cores);
    }
    if (gpus > 0) {
      parts[n++] = scalar("gpus", gpus);
    }
    if (memMb > 0) {
      parts[n++] = scalar("mem", memMb);
    }
    return Resources.of(n == 3 ? parts : Arrays.copyOf(parts, n));
  }

  private static Resource scalar(String name, double amount) {
    return new Resource(name, Resource.UNRESERVED, false, Resources.toMilli(name, amount), null);
  }

  @Override
  public String toString() {
    return "cpus=" + cpus + ",mem=" + memMb;
  }
}
