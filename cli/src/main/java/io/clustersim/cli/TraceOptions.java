package io.clustersim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.clustersim.core.kernel.SimTime;
import io.clustersim.core.scenario.Scenario;
import io.clustersim.workloads.placement.TaskPlacements;
import io.clustersim.workloads.replay.EndMapping;
import io.clustersim.workloads.trace.BadRows;
import io.clustersim.workloads.trace.GroupBy;
import io.clustersim.workloads.trace.ReferenceMachine;
import io.clustersim.workloads.trace.TraceFormats;
import picocli.CommandLine.Option;

/** The trace replay options shared by {@code run} (and later {@code compare}). */
final class TraceOptions {
  @Option(
      names = "--trace",
      paramLabel = "FORMAT:PATH",
      description =
          "Replay a trace: FORMAT is one of google-2011, google-2019, alibaba-2017,"
              + " alibaba-2018, alibaba-gpu-2023 (see 'clustersim trace formats'); PATH a file,"
              + " a directory of parts, or a glob. Replaces the scenario's workload.")
  String spec;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      defaultValue = "simulated",
      description =
          "simulated (tasks arrive at their recorded times and the policy places them) or"
              + " as-recorded (each task runs on its recorded machine at its recorded time)."
              + " Default: ${DEFAULT-VALUE}.")
  String mode;

  @Option(
      names = "--window",
      paramLabel = "START,END",
      description = "Replay only this span of trace time, e.g. 600s,2h (the replay starts at 0).")
  String window;

  @Option(
      names = "--sample-machines",
      paramLabel = "F",
      description = "Keep this fraction of machines, chosen from the seed (default 1).")
  Double sampleMachines;

  @Option(
      names = "--sample-jobs",
      paramLabel = "F",
      description = "Keep this fraction of jobs, chosen from the seed (default 1).")
  Double sampleJobs;

  @Option(
      names = "--max-tasks",
      paramLabel = "N",
      description = "Replay at most N task submissions.")
  Long maxTasks;

  @Option(
      names = "--group-by",
      paramLabel = "KEY",
      description =
          "One framework (and role) per user, job, priority (band), class (scheduling class) or"
              + " qos. Default: the format's (user for Google, job for Alibaba, qos for GPU).")
  String groupBy;

  @Option(
      names = "--reference-machine",
      paramLabel = "cpus=N,mem=MB",
      description =
          "What a normalised 1.0 of CPU and memory is (defaults per format, see the README).")
  String reference;

  @Option(
      names = "--end-map",
      paramLabel = "KIND=STATE,...",
      description =
          "What recorded ends mean: FINISH, FAIL, KILL, EVICT, LOST = finished, failed or"
              + " killed. Default: FINISH=finished,FAIL=failed,KILL=killed,EVICT=killed,LOST=failed.")
  String endMap;

  @Option(
      names = "--skip-bad-rows",
      description =
          "Count bad rows (wrong column count, non-number, unknown code, time going backwards,"
              + " unknown machine) instead of stopping at the first; report them at the end.")
  boolean skipBadRows;

  @Option(
      names = "--lookahead",
      paramLabel = "TIME",
      description = "How far ahead of simulated time the trace is read (default 1h).")
  String lookahead;

  @Option(
      names = "--placement",
      paramLabel = "NAME",
      description =
          "Where trace frameworks put each task among their offers: first-fit (default),"
              + " best-fit, dot-product, gpu-packing, gpu-clustering, random or fgd"
              + " (fragmentation gradient descent); see 'clustersim trace placements'.")
  String placement;

  @Option(
      names = "--inflate",
      description =
          "Workload inflation, as the FGD paper replays GPU traces: tasks arrive in trace order"
              + " one second apart and never end, and a task no offer fits when it arrives is"
              + " given up. Use with --group-by none.")
  boolean inflate;

  @Option(
      names = "--trace-usage",
      paramLabel = "MODE",
      description =
          "What the trace's usage records do: measure (the default: agents' resource monitors"
              + " report them; see monitor: in a scenario), enforce (also kill a task whose"
              + " recorded memory passes its request, TASK_FAILED"
              + " REASON_CONTAINER_LIMITATION_MEMORY) or ignore. Machine usage records (Alibaba's"
              + " server_usage, machine_usage) are summarised under trace.machine_usage in every"
              + " mode.")
  String usage;

  /** The workload these options describe; bad values throw IllegalArgumentException. */
  Scenario.Workload workload() {
    TraceFormats.Spec s = TraceFormats.Spec.parse(spec);
    if (!Scenario.Workload.MODES.contains(mode)) {
      throw new IllegalArgumentException(
          "--mode: unknown mode '" + mode + "' (known: simulated, as-recorded)");
    }
    long from = 0;
    long to = -1;
    if (window != null) {
      String[] parts = window.split(",");
      if (parts.length != 2) {
        throw new IllegalArgumentException("--window: expected START,END such as 0s,1h");
      }
      from = SimTime.parseDuration(parts[0]);
      to = SimTime.parseDuration(parts[1]);
      if (to <= from) {
        throw new IllegalArgumentException("--window: the end must be after the start");
      }
    }
    double jobs = fraction("--sample-jobs", sampleJobs);
    double machines = fraction("--sample-machines", sampleMachines);
    if (maxTasks != null && maxTasks < 0) {
      throw new IllegalArgumentException("--max-tasks: must be 0 or more");
    }
    if (groupBy != null) {
      GroupBy.of(groupBy);
    }
    ReferenceMachine ref = s.format().defaultReference();
    if (reference != null) {
      try {
        ref = ReferenceMachine.parse(reference, ref);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--reference-machine: " + e.getMessage());
      }
    }
    if (endMap != null) {
      try {
        EndMapping.parse(endMap);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--end-map: " + e.getMessage());
      }
    }
    long ahead = lookahead == null ? -1 : SimTime.parseDuration(lookahead);
    if (usage != null && !Scenario.Workload.USAGE_MODES.contains(usage)) {
      throw new IllegalArgumentException(
          "--trace-usage: unknown mode '"
              + usage
              + "' (known: "
              + String.join(", ", Scenario.Workload.USAGE_MODES)
              + ")");
    }
    if (placement != null) {
      try {
        TaskPlacements.get(placement);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--placement: " + e.getMessage());
      }
    }
    return new Scenario.Workload(
        s.format().name(),
        s.path(),
        from,
        to,
        jobs,
        mode,
        groupBy,
        machines,
        maxTasks == null ? -1 : maxTasks,
        ref.cpus(),
        ref.memMb(),
        endMap,
        skipBadRows,
        ahead,
        null,
        placement,
        inflate,
        usage);
  }

  private static double fraction(String name, Double v) {
    if (v == null) {
      return 1;
    }
    if (!(v > 0 && v <= 1)) {
      throw new IllegalArgumentException(name + ": must be in (0, 1], not " + v);
    }
    return v;
  }

  /** Prints skipped rows and orphans to stderr so that nothing is dropped silently. */
  static void report(BadRows bad, JsonNode trace) {
    if (!bad.skipped().isEmpty()) {
      System.err.println(
          "clustersim: skipped " + bad.skippedTotal() + " bad rows " + bad.skipped());
      for (String example : bad.examples()) {
        System.err.println("  e.g. " + example);
      }
    }
    if (!bad.orphans().isEmpty()) {
      System.err.println("clustersim: orphans (counted, not replayed) " + bad.orphans());
    }
    if (trace != null && trace.has("replay") && trace.get("replay").size() > 0) {
      System.err.println("clustersim: replay " + trace.get("replay"));
    }
  }
}
