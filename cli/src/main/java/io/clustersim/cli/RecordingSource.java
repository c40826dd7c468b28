package io.clustersim.cli;

import io.clustersim.workloads.trace.EventSource;
import io.clustersim.workloads.trace.RecordedEventsFormat;
import io.clustersim.workloads.trace.TraceEvent;

/**
 * Passes a trace's events on and keeps each as a line of the {@code clustersim-events} format: what
 * {@code run --save-scenario} embeds. Memory grows with the events read (a subset to share, not a
 * whole trace).
 */
final class RecordingSource implements EventSource {
  private final EventSource inner;
  private final StringBuilder lines;

  RecordingSource(EventSource inner, StringBuilder lines) {
    this.inner = inner;
    this.lines = lines;
  }

  @Override
  public TraceEvent next() {
    TraceEvent e = inner.next();
    if (e != null) {
      lines.append(RecordedEventsFormat.line(e)).append('\n');
    }
    return e;
  }

  @Override
  public void close() {
    inner.close();
  }
}
