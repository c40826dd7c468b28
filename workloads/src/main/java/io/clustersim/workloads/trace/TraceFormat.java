package io.clustersim.workloads.trace;

/**
 * A trace format: one implementation per format, registered in {@link TraceFormats}. It turns the
 * files under a path into a {@link TraceReader}.
 */
public interface TraceFormat {
  /** Its name on the command line, such as {@code google-2011}. */
  String name();

  /** One line for {@code --help} and the README. */
  String description();

  /** What 1.0 of a normalised resource is when the user does not say. */
  ReferenceMachine defaultReference();

  /** How tasks map to frameworks when the user does not say. */
  GroupBy defaultGroupBy();

  /** True if the trace records which machine ran each task (as-recorded replays need it). */
  boolean recordsPlacement();

  /**
   * Opens the trace at {@code path} (file, directory or glob). Bad rows go to {@code bad}; {@code
   * stats} counts what is read.
   */
  TraceReader open(String path, ReferenceMachine reference, BadRows bad, TraceStats stats);
}
