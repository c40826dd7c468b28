package io.clustersim.reports;

import io.clustersim.core.log.EventListener;
import io.clustersim.core.log.LogEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's metrics over time, sampled from a {@link SummaryCollector} every {@code period} of
 * simulated time: the allocated share of each resource, each role's and each framework's dominant
 * share, and Jain's index over the frameworks' dominant shares. Register it before the collector:
 * at an event it records the state that held up to that event. When more than {@link #MAX_SAMPLES}
 * are taken the period doubles and every other sample is dropped, so memory stays bounded however
 * long the run.
 */
public final class RunSeries implements EventListener {
  /** Samples kept at most. */
  public static final int MAX_SAMPLES = 2000;

  /**
   * Roles (and frameworks) are followed while there are at most this many; beyond (a trace grouped
   * by job) a line each would say nothing and cost samples × owners of memory.
   */
  public static final int MAX_OWNERS = 50;

  /** One sample: time (s) and named values ({@code cpus}, {@code role:analytics}, {@code jain}). */
  public record Sample(double seconds, Map<String, Double> values) {}

  private final SummaryCollector state;
  private long period;
  private long next;
  private List<Sample> samples = new ArrayList<>();

  /** Samples {@code state} every {@code periodMicros} (at least 1 µs). */
  public RunSeries(SummaryCollector state, long periodMicros) {
    this.state = state;
    this.period = Math.max(1, periodMicros);
  }

  @Override
  public void onEvent(long t, long seq, LogEvent e) {
    while (t >= next) {
      record(next);
      next += period;
    }
  }

  /** Closes the series at the run's end time. */
  public void finish(long endMicros) {
    while (endMicros >= next) {
      record(next);
      next += period;
    }
  }

  private void record(long t) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (String r : state.resourceNames()) {
      values.put(r, state.allocatedShareNow(r));
    }
    TreeMap<String, Double> roles = state.roleSharesNow();
    if (roles.size() <= MAX_OWNERS) {
      roles.forEach((role, share) -> values.put("role:" + role, share));
    }
    TreeMap<String, Double> frameworks = state.frameworkSharesNow();
    if (frameworks.size() <= MAX_OWNERS) {
      frameworks.forEach((fw, share) -> values.put("framework:" + fw, share));
    }
    values.put("jain", state.jainNow());
    samples.add(new Sample(t / 1e6, values));
    if (samples.size() > MAX_SAMPLES) {
      List<Sample> half = new ArrayList<>(samples.size() / 2 + 1);
      for (int i = 0; i < samples.size(); i += 2) {
        half.add(samples.get(i));
      }
      samples = half;
      // Kept samples sit at even multiples of the old period; the next one is due at the first
      // multiple of the new period after the last kept one.
      period *= 2;
      next = Math.round(half.get(half.size() - 1).seconds() * 1e6);
    }
  }

  /** The samples, in time order. */
  public List<Sample> samples() {
    return samples;
  }
}
