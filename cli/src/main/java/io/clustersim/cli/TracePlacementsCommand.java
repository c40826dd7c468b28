package io.clustersim.cli;

import io.clustersim.workloads.placement.TaskPlacement;
import io.clustersim.workloads.placement.TaskPlacements;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code clustersim trace placements}: the strategies trace frameworks place tasks with. */
@Command(
    name = "placements",
    mixinStandardHelpOptions = true,
    description =
        "List the placement strategies of trace frameworks (--placement, compare --placements).")
final class TracePlacementsCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    for (TaskPlacement p : TaskPlacements.all()) {
      System.out.printf("%-15s %s%n", p.name(), p.description());
    }
    return 0;
  }
}
