package io.clustersim.workloads.trace;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Small hand-written trace files for tests. */
final class TraceFixtures {
  private TraceFixtures() {}

  /** Writes {@code lines} to {@code dir/rel}, gzipped if the name ends in .gz. */
  static Path write(Path dir, String rel, String... lines) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    if (rel.endsWith(".gz")) {
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
        out.write(bytes);
      }
    } else {
      Files.write(p, bytes);
    }
    return p;
  }

  /** Every event of the trace at {@code path}. */
  static List<TraceEvent> read(String format, Path path, BadRows bad) {
    TraceFormat f = TraceFormats.get(format);
    List<TraceEvent> out = new ArrayList<>();
    try (TraceReader r =
        f.open(path.toString(), f.defaultReference(), bad, new TraceStats(false))) {
      for (TraceEvent e = r.next(); e != null; e = r.next()) {
        out.add(e);
      }
    }
    return out;
  }

  /** Google 2011 machine_events: machines 1 and 2, half a machine each, at time 0. */
  static final String[] TWO_MACHINES = {"0,1,0,p,0.5,0.5", "0,2,0,p,0.5,0.5"};
}
