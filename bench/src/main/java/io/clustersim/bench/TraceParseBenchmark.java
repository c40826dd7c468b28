package io.clustersim.bench;

import io.clustersim.workloads.generate.GeneratorParams;
import io.clustersim.workloads.generate.TraceGenerators;
import io.clustersim.workloads.trace.BadRows;
import io.clustersim.workloads.trace.TraceFiles;
import io.clustersim.workloads.trace.TraceFormat;
import io.clustersim.workloads.trace.TraceFormats;
import io.clustersim.workloads.trace.TraceReader;
import io.clustersim.workloads.trace.TraceStats;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse rate of Google 2011 task_events from {@code .csv.gz}: the reader (CSV parsing, typed
 * fields, events in time order) next to plain {@link java.util.zip.GZIPInputStream} line reading of
 * the same file in the same run, which is the limit. Each op reads the whole file; rows/s and MB/s
 * follow from the row count and the file size, which {@link #setup} prints.
 *
 * <p>Target (issue 4): the reader at ≥ 50% of the line-reading rate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx2g", "-XX:+UseParallelGC"})
public class TraceParseBenchmark {
  private Path dir;
  private Path file;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    dir = Files.createTempDirectory("clustersim-parse-");
    // About a million task_events rows: 2000 machines, 12 h, no usage.
    TraceGenerators.get("google-2011")
        .generate(new GeneratorParams(2000, 12L * 3600 * 1_000_000, 0.7, 1, dir, false));
    file = dir.resolve("task_events/part-00000-of-00002.csv.gz");
    if (!Files.exists(file)) {
      file = dir.resolve("task_events/part-00000-of-00001.csv.gz");
    }
    System.out.printf(
        "%nfile %s: %d rows, %.1f MB compressed%n", file, gzipLines(), Files.size(file) / 1e6);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /**
   * The limit: decompress and split into lines, nothing else, on one thread with the JDK's own
   * classes (not {@link TraceFiles#open}, which inflates ahead on a thread of its own).
   */
  @Benchmark
  public long gzipLines() throws IOException {
    long n = 0;
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8),
            1 << 16)) {
      while (in.readLine() != null) {
        n++;
      }
    }
    return n;
  }

  /** The reader: every row parsed, checked and turned into events, in time order. */
  @Benchmark
  public long reader() {
    TraceFormat f = TraceFormats.get("google-2011");
    long n = 0;
    try (TraceReader r =
        f.open(file.toString(), f.defaultReference(), new BadRows(false), new TraceStats(false))) {
      while (r.next() != null) {
        n++;
      }
    }
    return n;
  }
}
