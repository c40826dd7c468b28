package io.clustersim.core.log;

/** Receives every logged event in simulation order, e.g. to compute a run's summary. */
@FunctionalInterface
public interface EventListener {
  /** Called once per event, with its simulated time in microseconds and its sequence number. */
  void onEvent(long time, long seq, LogEvent event);
}
