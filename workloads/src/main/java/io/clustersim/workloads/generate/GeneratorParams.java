package io.clustersim.workloads.generate;

import java.nio.file.Path;

/**
 * What to generate.
 *
 * @param machines number of machines
 * @param durationMicros span of the trace after its start
 * @param load offered CPU load: requested core-seconds of finite tasks per second over the
 *     cluster's cores (0.7 keeps 70% of CPU requested on average once warmed up)
 * @param seed seed of every draw
 * @param out directory to write the tables into
 * @param usage also write usage records (task_usage windows for Google)
 */
public record GeneratorParams(
    int machines, long durationMicros, double load, long seed, Path out, boolean usage) {
  /** Checks ranges. */
  public GeneratorParams {
    if (machines < 1) {
      throw new IllegalArgumentException("--machines must be at least 1");
    }
    if (durationMicros <= 0) {
      throw new IllegalArgumentException("--duration must be positive");
    }
    if (!(load > 0 && load <= 10)) {
      throw new IllegalArgumentException("--load must be in (0, 10]");
    }
  }
}
