package io.clustersim.cli;

import io.clustersim.workloads.trace.TraceFormat;
import io.clustersim.workloads.trace.TraceFormats;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code clustersim trace formats}: the registered formats and their defaults. */
@Command(
    name = "formats",
    mixinStandardHelpOptions = true,
    description = "List the trace formats, with their default reference machine and grouping.")
final class TraceFormatsCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    for (TraceFormat f : TraceFormats.all()) {
      System.out.printf(
          "%-17s %s%n%17s reference machine %s, group by %s%s%n",
          f.name(),
          f.description(),
          "",
          f.defaultReference(),
          f.defaultGroupBy().label(),
          f.recordsPlacement() ? "" : ", simulated mode only (no recorded placements)");
    }
    return 0;
  }
}
