package io.clustersim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clustersim.core.cluster.RunResult;
import io.clustersim.core.log.LogEvent;
import io.clustersim.core.resources.Resources;
import io.clustersim.reports.compare.Estimate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The run metrics on event sequences small enough to work out by hand (times in seconds; every
 * expected value is derived in the comments).
 */
class RunMetricsTest {
  private static final long S = 1_000_000L;
  private final SummaryCollector c = new SummaryCollector();
  private long seq;

  private void at(long seconds, LogEvent e) {
    c.onEvent(seconds * S, seq++, e);
  }

  private ObjectNode summary(long endSeconds) {
    return c.summary(
        new RunResult("d", seq, endSeconds * S, 0, 0, 0, 0, false, 3), 1.0, new ObjectMapper());
  }

  private static Resources cpus(double n) {
    return Resources.fromMap(Map.of("cpus", n, "mem", 10 * n));
  }

  @Test
  void jainOverTimeIsWeightedByHowLongEachSplitLasts() {
    // One agent of 10 CPUs, two frameworks. From 0 to 10 s only f1 holds 4 CPUs: shares
    // (0.4, 0), Jain = 0.4² / (2 · 0.4²) = 0.5. From 10 s to 20 s both hold 4: Jain = 1.
    // Time-weighted over 20 s: (0.5 · 10 + 1 · 10) / 20 = 0.75.
    at(0, new LogEvent.AgentAdded("a", Resources.fromMap(Map.of("cpus", 10, "mem", 100))));
    at(0, new LogEvent.FrameworkAdded("f1", "r1"));
    at(0, new LogEvent.FrameworkAdded("f2", "r2"));
    at(0, new LogEvent.TaskLaunched("t1", "f1", "a", "t1", cpus(4), 0));
    assertEquals(0.5, c.jainNow(), 1e-12);
    at(10, new LogEvent.TaskLaunched("t2", "f2", "a", "t2", cpus(4), 0));
    assertEquals(1.0, c.jainNow(), 1e-12);
    ObjectNode s = summary(20);
    assertEquals(0.75, s.get("fairness").get("jain_time_weighted").asDouble(), 1e-12);
    // Mean dominant shares: f1 0.4; f2 0.4 · 10 / 20 = 0.2; largest / smallest = 2.
    assertEquals(2.0, s.get("fairness").get("max_min_dominant_share_ratio").asDouble(), 1e-12);
    assertEquals(0.8, c.allocatedShareNow("cpus"), 1e-12);
  }

  @Test
  void aFrameworkThatLeavesNoLongerCountsInJain() {
    // f1 holds 5 of 10 CPUs, f2 nothing: Jain 0.5; once f2 leaves, one framework: Jain 1.
    at(0, new LogEvent.AgentAdded("a", Resources.fromMap(Map.of("cpus", 10, "mem", 100))));
    at(0, new LogEvent.FrameworkAdded("f1", "r"));
    at(0, new LogEvent.FrameworkAdded("f2", "r"));
    at(0, new LogEvent.TaskLaunched("t1", "f1", "a", "t1", cpus(5), 0));
    assertEquals(0.5, c.jainNow(), 1e-12);
    at(5, new LogEvent.FrameworkRemoved("f2", "done"));
    assertEquals(1.0, c.jainNow(), 1e-12);
  }

  @Test
  void starvationIsTheLongestWaitForAnOfferWhileWanting() {
    // f wants offers from 0; offered at 7 (gap 7); suppresses at 8; revives at 20; offered at 50
    // (gap 30); still wanting at the end, 60 (open gap 10). Longest: 30 s.
    at(0, new LogEvent.AgentAdded("a", Resources.fromMap(Map.of("cpus", 10, "mem", 100))));
    at(0, new LogEvent.FrameworkAdded("f", "r"));
    at(7, new LogEvent.Offer("o1", "f", "r", "a", cpus(1)));
    at(8, new LogEvent.OfferSuppression("f", true));
    at(20, new LogEvent.OfferSuppression("f", false));
    at(50, new LogEvent.Offer("o2", "f", "r", "a", cpus(1)));
    assertEquals(30.0, summary(60).get("starvation_seconds").asDouble(), 1e-12);
  }

  @Test
  void aJobCompletesWhenItsLastRunningTaskEnds() {
    // Job "7" of framework f: tasks submitted at 0; t0 runs 0–10, t1 runs 5–25. Completion
    // 25 − 0 = 25 s; its longest task ran 20 s, so slowdown 25 / 20 = 1.25; makespan 25 s.
    at(0, new LogEvent.AgentAdded("a", Resources.fromMap(Map.of("cpus", 10, "mem", 100))));
    at(0, new LogEvent.FrameworkAdded("f", "r"));
    at(0, new LogEvent.TaskLaunched("7/0#0", "f", "a", "e0", cpus(1), 0));
    at(5, new LogEvent.TaskLaunched("7/1#1", "f", "a", "e1", cpus(1), 0));
    at(10, new LogEvent.TaskStatus("7/0#0", "f", "a", "TASK_FINISHED", null));
    at(25, new LogEvent.TaskStatus("7/1#1", "f", "a", "TASK_FINISHED", null));
    ObjectNode s = summary(30);
    assertEquals(1, s.get("jobs").get("completed").asLong());
    assertEquals(25.0, s.get("jobs").get("completion_seconds_mean").asDouble(), 1e-12);
    assertEquals(1.25, s.get("jobs").get("slowdown_mean").asDouble(), 1e-12);
    assertEquals(25.0, s.get("makespan_seconds").asDouble(), 1e-12);
    assertEquals(3, s.get("allocation_runs").asLong());
  }

  @Test
  void aNinetyFivePercentIntervalUsesStudentsT() {
    // Values 1, 2, 3: mean 2, s = 1, t(0.975, 2 df) = 4.302653; half-width 4.302653 / √3.
    Estimate e = Estimate.of(List.of(1.0, 2.0, 3.0));
    assertEquals(2.0, e.mean(), 1e-12);
    assertEquals(4.302653 / Math.sqrt(3), e.halfWidth(), 1e-5);
    assertEquals(0.0, Estimate.of(List.of(5.0)).halfWidth());
  }

  @Test
  void seriesSampleTheStateBeforeEachEventAndStayBounded() {
    RunSeries series = new RunSeries(c, S);
    // The series is registered before the collector: at an event it records what held before.
    c.onEvent(0, seq++, new LogEvent.AgentAdded("a", Resources.fromMap(Map.of("cpus", 10))));
    series.onEvent(0, 0, null);
    series.onEvent(3 * S, 0, null);
    c.onEvent(3 * S, seq++, new LogEvent.FrameworkAdded("f", "r"));
    c.onEvent(
        3 * S,
        seq++,
        new LogEvent.TaskLaunched("t", "f", "a", "t", Resources.fromMap(Map.of("cpus", 5)), 0));
    series.finish(5 * S);
    // Samples at 0..5 s: cpus share 0 at 0–3 (taken before the launch at 3), 0.5 at 4 and 5.
    List<RunSeries.Sample> s = series.samples();
    assertEquals(6, s.size());
    assertEquals(0.0, s.get(3).values().get("cpus"));
    assertEquals(0.5, s.get(4).values().get("cpus"));
    RunSeries many = new RunSeries(c, 1);
    many.finish(5 * RunSeries.MAX_SAMPLES);
    assertTrue(many.samples().size() <= RunSeries.MAX_SAMPLES);
    double step = many.samples().get(1).seconds() - many.samples().get(0).seconds();
    assertTrue(step >= 2e-6, "the period doubled: " + step);
  }
}
