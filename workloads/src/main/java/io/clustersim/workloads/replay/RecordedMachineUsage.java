package io.clustersim.workloads.replay;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the trace's own machine usage records say the cluster used (Alibaba's server_usage and
 * machine_usage), to set next to what the replay measures. Each record holds its machine's value
 * until the machine's next record or its removal (sample and hold); the cluster's CPU and memory in
 * use are the sums over machines, averaged over time from the first record to the last.
 *
 * <p>Memory: one entry per machine that has records; O(1) per record.
 */
final class RecordedMachineUsage {
  private final Map<String, double[]> held = new HashMap<>(); // machine → {cores, MB}
  private long records;
  private long invalid;
  private long first = -1;
  private long last;
  private double cpus;
  private double mem;
  private double cpuSeconds;
  private double memMbSeconds;
  private double cpuShareSum;
  private long cpuShares;

  /**
   * A record at replay time {@code t} (records come in time order): shares of the machine's
   * capacity, NaN for a value the trace marks invalid, which leaves the machine's last value.
   */
  void record(long t, String machine, double cpuShare, double memShare, double cores, double mb) {
    advance(t);
    records++;
    double[] v = held.computeIfAbsent(machine, m -> new double[2]);
    if (Double.isNaN(cpuShare)) {
      invalid++;
    } else {
      cpus += cpuShare * cores - v[0];
      v[0] = cpuShare * cores;
      cpuShareSum += cpuShare;
      cpuShares++;
    }
    if (Double.isNaN(memShare)) {
      invalid++;
    } else {
      mem += memShare * mb - v[1];
      v[1] = memShare * mb;
    }
  }

  /** The machine left at replay time {@code t}: its last record no longer counts. */
  void removed(long t, String machine) {
    double[] v = held.remove(machine);
    if (v != null) {
      advance(t);
      cpus -= v[0];
      mem -= v[1];
    }
  }

  private void advance(long t) {
    if (first < 0) {
      first = t;
    } else if (t > last) {
      double seconds = (t - last) / 1e6;
      cpuSeconds += cpus * seconds;
      memMbSeconds += mem * seconds;
    }
    last = Math.max(last, t);
  }

  /** The summary's {@code machine_usage} figures; empty when the trace had no such records. */
  Map<String, Object> summary() {
    Map<String, Object> out = new LinkedHashMap<>();
    if (records == 0) {
      return out;
    }
    double span = (last - first) / 1e6;
    out.put("records", records);
    out.put("invalid_values", invalid);
    out.put("from_s", first / 1e6);
    out.put("to_s", last / 1e6);
    out.put("cpu_util_mean_pct", cpuShares == 0 ? 0 : 100 * cpuShareSum / cpuShares);
    out.put("cpus_used_mean", span > 0 ? cpuSeconds / span : cpus);
    out.put("mem_used_mean_mb", span > 0 ? memMbSeconds / span : mem);
    return out;
  }
}
