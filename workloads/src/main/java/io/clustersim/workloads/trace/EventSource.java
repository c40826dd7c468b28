package io.clustersim.workloads.trace;

/**
 * A stream of trace events in time order: a {@link TraceReader}, or one branch of a {@link FanOut}.
 */
public interface EventSource extends AutoCloseable {
  /** The next event, or null at the end. Bad input throws a {@link TraceException}. */
  TraceEvent next();

  @Override
  void close();
}
