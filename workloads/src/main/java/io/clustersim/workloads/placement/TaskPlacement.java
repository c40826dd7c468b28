package io.clustersim.workloads.placement;

import io.clustersim.core.gpu.GpuNode;
import io.clustersim.core.gpu.GpuRequest;
import java.util.List;

/**
 * Where a trace-driven framework puts a task among the offers it holds: the placement strategies of
 * the GPU-sharing literature, applied by the framework to its offers (in Mesos the framework, not
 * the master, places tasks). Every candidate already fits the task (CPU, memory, GPU model and
 * enough devices with room); a strategy picks one and the devices it takes. A new strategy
 * implements this and is added to {@link TaskPlacements}.
 */
public interface TaskPlacement {
  /** The name {@code --placement} uses. */
  String name();

  /** One line for help texts. */
  String description();

  /**
   * The chosen candidate and devices, or null to leave the task waiting. Ties go to the earliest
   * candidate (offer order), so a run is reproducible.
   */
  Choice choose(GpuRequest task, List<Candidate> candidates, PlacementContext context);

  /**
   * An offer the task fits: its position in the batch, its agent and what is left of it ({@code
   * node} may be null for first-fit on an agent without GPU devices, which needs no view).
   */
  record Candidate(int offer, String agentId, GpuNode node) {}

  /** The candidate (an index into the list) and the devices the task takes there. */
  record Choice(int candidate, int[] devices) {}
}
