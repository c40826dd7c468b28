package io.clustersim.workloads.replay;

import io.clustersim.core.framework.Filters;
import io.clustersim.core.scenario.Scenario;
import io.clustersim.workloads.placement.TaskPlacements;
import io.clustersim.workloads.trace.BadRows;
import io.clustersim.workloads.trace.GroupBy;
import io.clustersim.workloads.trace.ReferenceMachine;
import io.clustersim.workloads.trace.TraceFormat;
import io.clustersim.workloads.trace.TraceFormats;
import io.clustersim.workloads.trace.TraceReader;
import io.clustersim.workloads.trace.TraceStats;

/**
 * A scenario's trace workload made concrete: the format, the reference machine and grouping (the
 * format's defaults where the scenario is silent), the subset, and the bad-row policy. Opening it
 * gives the reader a replay consumes.
 */
public final class TraceReplay {
  private final Scenario.Workload spec;
  private final TraceFormat format;
  private final ReferenceMachine reference;
  private final ReplayOptions options;
  private final BadRows bad;
  private final TraceStats stats;

  private TraceReplay(Scenario.Workload spec, long seed) {
    this(spec, seed, new BadRows(spec.skipBadRows()), new TraceStats(false));
  }

  private TraceReplay(Scenario.Workload spec, long seed, BadRows bad, TraceStats stats) {
    this.bad = bad;
    this.stats = stats;
    this.spec = spec;
    this.format = TraceFormats.get(spec.format());
    ReferenceMachine d = format.defaultReference();
    this.reference =
        new ReferenceMachine(
            spec.referenceCpus() > 0 ? spec.referenceCpus() : d.cpus(),
            spec.referenceMemMb() > 0 ? spec.referenceMemMb() : d.memMb());
    GroupBy groupBy = spec.groupBy() == null ? format.defaultGroupBy() : GroupBy.of(spec.groupBy());
    this.options =
        new ReplayOptions(
            groupBy,
            format.name().equals("google-2019"),
            EndMapping.parse(spec.endMap()),
            new TraceSubset(
                spec.windowStartMicros(),
                spec.windowEndMicros(),
                spec.sampleMachines(),
                spec.sample(),
                spec.maxTasks(),
                seed),
            spec.lookaheadMicros() >= 0 ? spec.lookaheadMicros() : ReplayOptions.DEFAULT_LOOKAHEAD,
            Filters.DEFAULT,
            true,
            spec.placement() == null
                ? TaskPlacements.firstFit()
                : TaskPlacements.get(spec.placement()),
            spec.inflate(),
            spec.usage() == null ? "measure" : spec.usage());
  }

  /**
   * The same replay for another seed (its own sample of machines and jobs), sharing this one's
   * bad-row and row counts: several runs fed from one read of the trace.
   */
  public TraceReplay withSeed(long seed) {
    return new TraceReplay(spec, seed, bad, stats);
  }

  /**
   * The same trace replayed with another run's settings (its seed, placement strategy): only what
   * the frameworks do may differ, since every run is fed the same events.
   */
  public TraceReplay forRun(Scenario.Workload runSpec, long seed) {
    return new TraceReplay(runSpec, seed, bad, stats);
  }

  /**
   * The replay of {@code spec} under {@code seed}. An as-recorded replay of a format that records
   * no placements is refused here with an {@link IllegalArgumentException}.
   */
  public static TraceReplay of(Scenario.Workload spec, long seed) {
    TraceReplay r = new TraceReplay(spec, seed);
    if (spec.asRecorded() && !r.format.recordsPlacement()) {
      throw new IllegalArgumentException(
          "--mode as-recorded needs the machine each task ran on, and "
              + r.format.name()
              + " does not record it; use --mode simulated");
    }
    return r;
  }

  /** Opens the trace; bad input throws a {@code TraceException}. */
  public TraceReader open() {
    return format.open(spec.events() != null ? inlineFile() : spec.path(), reference, bad, stats);
  }

  /**
   * Inline events are read through a file of the format (the table reader reads files): written
   * once per replay to a temporary directory, deleted when the JVM exits.
   */
  private synchronized String inlineFile() {
    if (inline == null) {
      try {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("clustersim-inline-");
        java.nio.file.Path file = dir.resolve("events.jsonl");
        java.nio.file.Files.writeString(
            file, spec.events(), java.nio.charset.StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        inline = file.toString();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(
            "cannot write the inline events to a temporary file", e);
      }
    }
    return inline;
  }

  private String inline;

  /** The scenario's workload section. */
  public Scenario.Workload spec() {
    return spec;
  }

  /** The format. */
  public TraceFormat format() {
    return format;
  }

  /** The reference machine in use. */
  public ReferenceMachine reference() {
    return reference;
  }

  /** The replay options in use. */
  public ReplayOptions options() {
    return options;
  }

  /** Skipped rows and orphans. */
  public BadRows badRows() {
    return bad;
  }

  /** Rows read. */
  public TraceStats stats() {
    return stats;
  }
}
