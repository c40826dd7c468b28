package io.clustersim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clustersim.core.kernel.SimTime;
import io.clustersim.workloads.trace.BadRows;
import io.clustersim.workloads.trace.ReferenceMachine;
import io.clustersim.workloads.trace.TraceException;
import io.clustersim.workloads.trace.TraceFormats;
import io.clustersim.workloads.trace.TraceReader;
import io.clustersim.workloads.trace.TraceStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clustersim trace inspect}: one pass over a trace, counting what it holds. It reads the
 * trace exactly as a replay does (same parsing, same checks), so its counts are what a replay sees.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Count what a trace holds: rows per file and per event type, distinct machines, jobs and"
          + " tasks, the time span, and the resources its tasks request.",
      "It reads the trace as a replay does, so bad rows stop it unless --skip-bad-rows."
    })
final class TraceInspectCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FORMAT:PATH", description = "The trace, as for run --trace.")
  String spec;

  @Option(
      names = "--reference-machine",
      paramLabel = "cpus=N,mem=MB",
      description = "What a normalised 1.0 is, for the request totals (default: the format's).")
  String reference;

  @Option(names = "--skip-bad-rows", description = "Count bad rows instead of stopping.")
  boolean skipBadRows;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the counts as JSON.")
  Path json;

  @Override
  public Integer call() {
    TraceFormats.Spec s;
    ReferenceMachine ref;
    try {
      s = TraceFormats.Spec.parse(spec);
      ref =
          reference == null
              ? s.format().defaultReference()
              : ReferenceMachine.parse(reference, s.format().defaultReference());
    } catch (IllegalArgumentException e) {
      System.err.println("clustersim: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    BadRows bad = new BadRows(skipBadRows);
    TraceStats stats = new TraceStats(true);
    try (TraceReader reader = s.format().open(s.path(), ref, bad, stats)) {
      while (reader.next() != null) {
        // counting happens in the reader
      }
    } catch (TraceException e) {
      System.err.println("clustersim: " + e.getMessage());
      return Main.BAD_INPUT;
    } catch (UncheckedIOException e) {
      System.err.println("clustersim: cannot read the trace: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    ObjectNode out = counts(s, ref, stats, bad);
    print(out);
    if (json != null) {
      try {
        new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .writeValue(json.toFile(), out);
      } catch (IOException e) {
        System.err.println("clustersim: --json: cannot write " + json + ": " + e.getMessage());
        return Main.BAD_INPUT;
      }
    }
    TraceOptions.report(bad, null);
    return 0;
  }

  private static ObjectNode counts(
      TraceFormats.Spec s, ReferenceMachine ref, TraceStats stats, BadRows bad) {
    ObjectNode o = new ObjectMapper().createObjectNode();
    o.put("format", s.format().name());
    o.put("path", s.path());
    o.put("reference_machine", ref.toString());
    ObjectNode files = o.putObject("rows_by_file");
    stats.rowsByFile().forEach(files::put);
    ObjectNode types = o.putObject("rows_by_type");
    stats.rowsByType().forEach(types::put);
    o.put("machines", stats.machines());
    ObjectNode mt = o.putObject("machine_types");
    stats.machineTypes().forEach(mt::put);
    o.put("jobs", stats.jobs());
    o.put("tasks", stats.tasks());
    o.put("task_submissions", stats.submissions());
    o.put("events", stats.events());
    o.put("first_event_seconds", stats.firstTime() < 0 ? 0 : SimTime.toSeconds(stats.firstTime()));
    o.put("last_event_seconds", stats.lastTime() < 0 ? 0 : SimTime.toSeconds(stats.lastTime()));
    ObjectNode req = o.putObject("requested");
    req.put("cpus", stats.cpuRequested());
    req.put("mem_mb", stats.memRequested());
    req.put("gpus", stats.gpuRequested());
    ObjectNode skipped = o.putObject("skipped_rows");
    bad.skipped().forEach(skipped::put);
    ObjectNode orphans = o.putObject("orphans");
    bad.orphans().forEach(orphans::put);
    return o;
  }

  private static void print(ObjectNode o) {
    System.out.printf(
        "%s trace at %s (reference machine %s)%n",
        o.get("format").asText(), o.get("path").asText(), o.get("reference_machine").asText());
    System.out.println("rows per file:");
    o.get("rows_by_file").fields().forEachRemaining(e -> line(e.getKey(), e.getValue().asLong()));
    System.out.println("rows per table and event type:");
    o.get("rows_by_type").fields().forEachRemaining(e -> line(e.getKey(), e.getValue().asLong()));
    System.out.printf(
        "machines %d, jobs %d, tasks %d, task submissions %d, events %d%n",
        o.get("machines").asLong(),
        o.get("jobs").asLong(),
        o.get("tasks").asLong(),
        o.get("task_submissions").asLong(),
        o.get("events").asLong());
    System.out.println("machine types (capacity and attributes when added):");
    o.get("machine_types").fields().forEachRemaining(e -> line(e.getKey(), e.getValue().asLong()));
    System.out.printf(
        "time span %.6fs .. %.6fs%n",
        o.get("first_event_seconds").asDouble(), o.get("last_event_seconds").asDouble());
    System.out.printf(
        "requested by submissions: cpus %.3f, mem %.1f MB, gpus %.3f%n",
        o.get("requested").get("cpus").asDouble(),
        o.get("requested").get("mem_mb").asDouble(),
        o.get("requested").get("gpus").asDouble());
  }

  private static void line(String name, long n) {
    System.out.printf("  %-60s %d%n", name, n);
  }
}
