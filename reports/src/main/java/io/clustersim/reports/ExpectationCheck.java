package io.clustersim.reports;

import io.clustersim.core.kernel.SimTime;
import io.clustersim.core.log.EventListener;
import io.clustersim.core.log.LogEvent;
import io.clustersim.core.scenario.Expectation;
import io.clustersim.core.scenario.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a scenario's {@code expect:} section as the run goes. It listens before the summary, so
 * when the first event of a later instant arrives the summary still holds the state at the end of
 * the instant before: that is the state an expectation "at T" sees, and the share that held for a
 * while. Memory: the state of every task seen (scenario runs are small; trace replays have no
 * expectations).
 */
public final class ExpectationCheck implements EventListener {
  /** One expectation's outcome; {@code detail} says what was seen. */
  public record Outcome(String name, boolean passed, String detail) {}

  private final SummaryCollector summary;
  private final Map<String, Long> batchTasks = new HashMap<>();
  private final Map<String, String> taskState = new HashMap<>();
  private final Map<String, String> taskFramework = new HashMap<>();
  private final List<Expectation> pending = new ArrayList<>();
  private final Map<Expectation, Outcome> outcomes = new IdentityHashMap<>();
  private final Map<Expectation.ShareBounds, String> shareBreaks = new HashMap<>();
  private long lastTime = -1;

  /** Checks {@code scenario}'s expectations against the run {@code summary} follows. */
  public ExpectationCheck(Scenario scenario, SummaryCollector summary) {
    this.summary = summary;
    this.pending.addAll(scenario.expectations());
    for (Scenario.Framework f : scenario.frameworks()) {
      if (f.tasks() != null) {
        batchTasks.put(f.id(), (long) f.tasks().count());
      }
    }
  }

  /** True if the scenario expects anything. */
  public boolean active() {
    return !pending.isEmpty();
  }

  @Override
  public void onEvent(long time, long seq, LogEvent event) {
    if (time > lastTime && lastTime >= 0) {
      instantEnded(lastTime, time);
    }
    lastTime = time;
    if (event instanceof LogEvent.TaskLaunched l) {
      taskState.put(l.task(), "staging");
      taskFramework.put(l.task(), l.framework());
    } else if (event instanceof LogEvent.TaskStatus s && taskState.containsKey(s.task())) {
      taskState.put(s.task(), s.state().substring("TASK_".length()).toLowerCase(Locale.ROOT));
    }
  }

  /** The state at the end of {@code t} held until {@code next}. */
  private void instantEnded(long t, long next) {
    for (Expectation e : List.copyOf(pending)) {
      if (e instanceof Expectation.ShareBounds b) {
        checkShare(b, t, next);
      } else if (e instanceof Expectation.TaskCounts c && c.atMicros() < next) {
        decide(e, taskCounts(c));
      } else if (e instanceof Expectation.AllFinished f && f.byMicros() < next) {
        decide(e, allFinished());
      }
    }
  }

  private void checkShare(Expectation.ShareBounds b, long t, long next) {
    // The share from t to next; it counts if that span meets [from, until].
    boolean overlaps = next > b.fromMicros() && (b.untilMicros() < 0 || t < b.untilMicros());
    double v = summary.roleShareNow(b.role());
    if (overlaps && (v < b.min() - 1e-12 || v > b.max() + 1e-12) && !shareBreaks.containsKey(b)) {
      shareBreaks.put(
          b,
          String.format(
              Locale.ROOT,
              "role %s held a dominant share of %.4f from %s to %s",
              b.role(),
              v,
              SimTime.format(t),
              SimTime.format(next)));
    }
  }

  /** Null if it passes, else what was seen. */
  private String taskCounts(Expectation.TaskCounts c) {
    Map<String, Long> seen = new HashMap<>();
    taskState.forEach(
        (task, state) -> {
          if (taskFramework.get(task).equals(c.framework())) {
            seen.merge(state, 1L, Long::sum);
            seen.merge("launched", 1L, Long::sum);
          }
        });
    List<String> wrong = new ArrayList<>();
    c.counts().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              long n = seen.getOrDefault(e.getKey(), 0L);
              if (n != e.getValue()) {
                wrong.add(e.getKey() + " " + n + " (expected " + e.getValue() + ")");
              }
            });
    return wrong.isEmpty()
        ? null
        : "framework " + c.framework() + " at " + SimTime.format(c.atMicros()) + ": " + wrong;
  }

  private String allFinished() {
    long live = taskState.values().stream().filter(s -> !isEnded(s)).count();
    long unfinished =
        taskState.values().stream().filter(s -> isEnded(s) && !s.equals("finished")).count();
    Map<String, Long> finished = new HashMap<>();
    taskState.forEach(
        (task, state) -> {
          if (state.equals("finished")) {
            finished.merge(taskFramework.get(task), 1L, Long::sum);
          }
        });
    List<String> short_ = new ArrayList<>();
    batchTasks.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              long n = finished.getOrDefault(e.getKey(), 0L);
              if (n < e.getValue()) {
                short_.add(e.getKey() + " finished " + n + " of " + e.getValue());
              }
            });
    if (live == 0 && unfinished == 0 && short_.isEmpty()) {
      return null;
    }
    return live
        + " tasks still live, "
        + unfinished
        + " ended otherwise"
        + (short_.isEmpty() ? "" : "; " + String.join(", ", short_));
  }

  private static boolean isEnded(String state) {
    return switch (state) {
      case "staging", "starting", "running" -> false;
      default -> true;
    };
  }

  private void decide(Expectation e, String failure) {
    pending.removeIf(x -> x == e);
    outcomes.put(e, new Outcome(e.name(), failure == null, failure == null ? "" : failure));
  }

  /** After the run, which ended at {@code end}: every expectation's outcome, in file order. */
  public List<Outcome> finish(long end, List<Expectation> all) {
    if (lastTime >= 0) {
      instantEnded(lastTime, Math.max(end, lastTime) + 1);
    }
    for (Expectation e : List.copyOf(pending)) {
      if (e instanceof Expectation.ShareBounds b) {
        decide(e, shareBreaks.get(b));
      } else if (e instanceof Expectation.NoStarvation s) {
        long longest = summary.longestStarvation(end);
        decide(
            e,
            longest <= s.maxMicros()
                ? null
                : "a framework waited " + SimTime.format(longest) + " for an offer");
      } else if (e instanceof Expectation.TaskCounts c) {
        decide(
            e,
            "the run ended at " + SimTime.format(end) + ", before " + SimTime.format(c.atMicros()));
      } else if (e instanceof Expectation.AllFinished f) {
        decide(
            e,
            "the run ended at " + SimTime.format(end) + ", before " + SimTime.format(f.byMicros()));
      }
    }
    List<Outcome> ordered = new ArrayList<>();
    for (Expectation e : all) {
      ordered.add(outcomes.get(e));
    }
    return ordered;
  }
}
