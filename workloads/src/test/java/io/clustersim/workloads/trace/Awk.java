package io.clustersim.workloads.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs awk over trace files, so that tests compare the readers with counts derived by a different
 * program from the same bytes (gzipped files go through zcat first).
 */
final class Awk {
  private Awk() {}

  /** The output of {@code awk -F, program} over {@code files}, trimmed. */
  static String run(String program, Path... files) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("sh", "-c"));
    StringBuilder script = new StringBuilder("{ ");
    for (Path f : files) {
      script.append(f.toString().endsWith(".gz") ? "zcat '" : "cat '").append(f).append("'; ");
    }
    script.append("} | LC_ALL=C awk -F, '").append(program.replace("'", "'\\''")).append("'");
    cmd.add(script.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (p.waitFor() != 0) {
      throw new IOException("awk failed: " + out);
    }
    return out;
  }

  /** The output as a number. */
  static double number(String program, Path... files) throws IOException, InterruptedException {
    return Double.parseDouble(run(program, files));
  }
}
