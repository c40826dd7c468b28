package io.clustersim.workloads.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happens to rows a reader cannot use. By default the first one stops the run (its {@link
 * TraceException} names file, line, column, field and value); with {@code --skip-bad-rows} they are
 * counted by kind and the first few kept as examples for the end-of-run report. Orphans (usage for
 * an unknown task, a task event before its job) are never errors and always counted.
 */
public final class BadRows {
  /** How many examples of skipped rows are kept. */
  public static final int EXAMPLES = 5;

  private final boolean skip;
  private final TreeMap<String, Long> skipped = new TreeMap<>();
  private final TreeMap<String, Long> orphans = new TreeMap<>();
  private final List<String> examples = new ArrayList<>();

  /** Skips bad rows if {@code skip}, otherwise throws on the first. */
  public BadRows(boolean skip) {
    this.skip = skip;
  }

  /** A bad row: rethrows unless skipping. */
  void bad(TraceException e) {
    if (!skip) {
      throw e;
    }
    skipped.merge(e.kind(), 1L, Long::sum);
    if (examples.size() < EXAMPLES) {
      examples.add(e.getMessage());
    }
  }

  /** An orphan of {@code kind}, such as {@code usage for an unknown task}. */
  void orphan(String kind) {
    orphans.merge(kind, 1L, Long::sum);
  }

  /** Skipped rows by kind, sorted. */
  public Map<String, Long> skipped() {
    return skipped;
  }

  /** Orphans by kind, sorted. */
  public Map<String, Long> orphans() {
    return orphans;
  }

  /** The first few skipped rows' messages. */
  public List<String> examples() {
    return examples;
  }

  /** Total rows skipped. */
  public long skippedTotal() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }
}
