package io.clustersim.workloads.generate;

import java.io.IOException;

/** A synthetic trace in one format's exact layout; registered in {@link TraceGenerators}. */
public interface TraceGenerator {
  /** The format it writes, as {@code FORMAT:PATH} names it. */
  String format();

  /** Writes the trace; returns rows written per table. */
  java.util.Map<String, Long> generate(GeneratorParams params) throws IOException;
}
