package io.clustersim.core.cluster;

/**
 * Inputs that arrive while a run goes rather than from the scenario's lists: a trace replay. It
 * schedules its own inputs through the {@link ClusterControl} it is given, adding and removing
 * agents and frameworks as the trace says. A run without a duration ends once it {@link #isDone()}
 * and every other finite framework is done.
 */
public interface Workload extends FiniteWork {
  /** Called once, before the run starts, to schedule the first inputs. */
  void start(ClusterControl cluster);
}
