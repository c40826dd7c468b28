package io.clustersim.cli;

import io.clustersim.core.kernel.SimTime;
import io.clustersim.workloads.generate.GeneratorParams;
import io.clustersim.workloads.generate.TraceGenerators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code clustersim trace generate}: a synthetic trace in a real trace's exact format. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Write a synthetic trace in the exact format of a real one (gzipped CSV parts), with"
          + " machines, arrivals, durations and sizes drawn from distributions shaped on the"
          + " published statistics of that trace (the README lists each parameter's source).",
      "The same arguments give the same bytes on any machine."
    })
final class TraceGenerateCommand implements Callable<Integer> {
  @Option(
      names = "--format",
      required = true,
      paramLabel = "FORMAT",
      description = "google-2011 or alibaba-2018.")
  String format;

  @Option(
      names = "--machines",
      required = true,
      paramLabel = "N",
      description = "Number of machines.")
  int machines;

  @Option(
      names = "--duration",
      required = true,
      paramLabel = "TIME",
      description = "Span of the trace, e.g. 1h or 1d.")
  String duration;

  @Option(
      names = "--load",
      defaultValue = "0.7",
      paramLabel = "L",
      description =
          "Offered CPU load: requested core-seconds of finite tasks per second over the"
              + " cluster's cores (default ${DEFAULT-VALUE}).")
  double load;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed (default 1).")
  long seed;

  @Option(
      names = "--no-usage",
      description = "Leave out usage records (Google's task_usage), which are most of the rows.")
  boolean noUsage;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Override
  public Integer call() {
    GeneratorParams params;
    try {
      TraceGenerators.get(format);
      params =
          new GeneratorParams(machines, SimTime.parseDuration(duration), load, seed, out, !noUsage);
    } catch (IllegalArgumentException e) {
      System.err.println("clustersim: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    Map<String, Long> rows;
    try {
      Files.createDirectories(out);
      rows = TraceGenerators.get(format).generate(params);
    } catch (IOException e) {
      System.err.println("clustersim: cannot write " + out + ": " + e.getMessage());
      return Main.BAD_INPUT;
    }
    System.out.printf(
        "wrote a %s trace of %d machines over %s to %s%n",
        format, machines, SimTime.format(params.durationMicros()), out);
    rows.forEach((table, n) -> System.out.printf("  %-16s %d rows%n", table, n));
    System.out.printf("replay it with: clustersim run --trace %s:%s%n", format, out);
    return 0;
  }
}
