package io.clustersim.workloads.replay;

import io.clustersim.core.framework.Filters;
import io.clustersim.core.kernel.SimTime;
import io.clustersim.workloads.placement.TaskPlacement;
import io.clustersim.workloads.trace.GroupBy;

/**
 * How a trace becomes a workload.
 *
 * @param groupBy which tasks share a framework (and role)
 * @param google2019Bands use Google 2019's priority bands when grouping by priority
 * @param ends what recorded ends mean
 * @param subset which part of the trace
 * @param lookaheadMicros how far ahead of simulated time the trace is read, so that a task launched
 *     before the trace records its end usually knows its runtime at launch (see {@link
 *     TraceWorkload})
 * @param refuse the filter trace frameworks set when they decline an offer
 * @param gpus whether frameworks accept GPU agents' offers (GPU_RESOURCES)
 * @param placement where trace frameworks put tasks among their offers
 * @param inflate the FGD paper's workload inflation: tasks arrive in trace order one second apart,
 *     never end, and are given up if no offer fits them when they arrive
 * @param usage what usage records do: {@code measure}, {@code enforce} or {@code ignore}
 */
public record ReplayOptions(
    GroupBy groupBy,
    boolean google2019Bands,
    EndMapping ends,
    TraceSubset subset,
    long lookaheadMicros,
    Filters refuse,
    boolean gpus,
    TaskPlacement placement,
    boolean inflate,
    String usage) {
  /** One hour: Google 2011 reads about 200,000 events an hour, a few tens of MB ahead. */
  public static final long DEFAULT_LOOKAHEAD = 3600 * SimTime.SECONDS;
}
