package io.clustersim.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {
  @Test
  void eventsRunByTimeThenPriorityThenSchedulingOrder() {
    Simulation sim = new Simulation();
    List<String> ran = new ArrayList<>();
    sim.schedule(20, Simulation.PRIORITY_INPUT, () -> ran.add("t20"));
    sim.schedule(10, Simulation.PRIORITY_TIMER, () -> ran.add("t10-timer"));
    sim.schedule(10, Simulation.PRIORITY_INPUT, () -> ran.add("t10-input-a"));
    sim.schedule(10, Simulation.PRIORITY_MESSAGE, () -> ran.add("t10-message"));
    sim.schedule(10, Simulation.PRIORITY_INPUT, () -> ran.add("t10-input-b"));
    sim.runUntilDrained();
    assertEquals(List.of("t10-input-a", "t10-input-b", "t10-message", "t10-timer", "t20"), ran);
    assertEquals(20, sim.now());
    assertEquals(5, sim.processed());
  }

  @Test
  void anEventScheduledForNowWithHigherPriorityRunsBeforeLaterTimers() {
    // A message sent by a timer at the same instant is delivered before the next timer.
    Simulation sim = new Simulation();
    List<String> ran = new ArrayList<>();
    sim.schedule(
        5,
        Simulation.PRIORITY_TIMER,
        () -> {
          ran.add("timer1");
          sim.after(0, Simulation.PRIORITY_MESSAGE, () -> ran.add("message"));
        });
    sim.schedule(5, Simulation.PRIORITY_TIMER, () -> ran.add("timer2"));
    sim.runUntilDrained();
    assertEquals(List.of("timer1", "message", "timer2"), ran);
  }

  @Test
  void manyEqualKeysKeepFifoOrderThroughHeapReorganisation() {
    Simulation sim = new Simulation();
    List<Integer> ran = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      int n = i;
      sim.schedule(7, Simulation.PRIORITY_MESSAGE, () -> ran.add(n));
    }
    sim.runUntilDrained();
    for (int i = 0; i < 5000; i++) {
      assertEquals(i, ran.get(i));
    }
  }

  @Test
  void runUntilStopsAtTheLimitAndAdvancesTheClock() {
    Simulation sim = new Simulation();
    List<Long> ran = new ArrayList<>();
    for (long t : new long[] {5, 10, 15}) {
      sim.schedule(t, Simulation.PRIORITY_INPUT, () -> ran.add(t));
    }
    sim.runUntil(10);
    assertEquals(List.of(5L, 10L), ran);
    assertEquals(10, sim.now());
    sim.runUntil(12);
    assertEquals(12, sim.now());
    assertEquals(1, sim.pending());
  }

  @Test
  void runUntilPredicateStopsRightAfterTheEventThatSatisfiesIt() {
    Simulation sim = new Simulation();
    int[] count = {0};
    for (int t = 1; t <= 10; t++) {
      sim.schedule(t, Simulation.PRIORITY_INPUT, () -> count[0]++);
    }
    assertTrue(sim.runUntil(() -> count[0] == 4, 100));
    assertEquals(4, sim.now());
    assertFalse(sim.runUntil(() -> count[0] == 99, 6));
    assertEquals(6, count[0]);
  }

  @Test
  void cancelledEventsDoNotRun() {
    Simulation sim = new Simulation();
    List<String> ran = new ArrayList<>();
    long e = sim.schedule(3, Simulation.PRIORITY_TIMER, () -> ran.add("cancelled"));
    sim.schedule(4, Simulation.PRIORITY_TIMER, () -> ran.add("kept"));
    sim.cancel(e);
    sim.cancel(Simulation.NO_EVENT);
    sim.runUntilDrained();
    assertEquals(List.of("kept"), ran);
    assertEquals(1, sim.processed());
  }

  @Test
  void schedulingInThePastOrWithNegativeDelayIsRejected() {
    Simulation sim = new Simulation();
    sim.schedule(10, Simulation.PRIORITY_INPUT, () -> {});
    sim.runUntilDrained();
    assertThrows(IllegalArgumentException.class, () -> sim.schedule(9, 0, () -> {}));
    assertThrows(IllegalArgumentException.class, () -> sim.after(-1, 0, () -> {}));
  }

  @Test
  void renumberingSequenceNumbersKeepsTheOrder() {
    // With 5-bit sequence numbers (32) and 300 events the kernel renumbers about ten times; the
    // order must be exactly the one the full width gives.
    List<String> small = run(new Simulation(5));
    List<String> full = run(new Simulation());
    assertEquals(300, full.size());
    assertEquals(full, small);
  }

  private static List<String> run(Simulation sim) {
    List<String> ran = new ArrayList<>();
    for (int round = 0; round < 100; round++) {
      int r = round;
      sim.schedule(r + 1, Simulation.PRIORITY_MESSAGE, () -> ran.add("m" + r));
      sim.schedule(r + 1, Simulation.PRIORITY_INPUT, () -> ran.add("i" + r));
      sim.schedule(r + 2, Simulation.PRIORITY_MESSAGE, () -> ran.add("late" + r));
      sim.runUntil(r);
    }
    sim.runUntilDrained();
    return ran;
  }

  @Test
  void aCancelledIdNeverCancelsALaterEventInTheSameSlot() {
    Simulation sim = new Simulation();
    List<String> ran = new ArrayList<>();
    long first = sim.schedule(1, 0, () -> ran.add("first"));
    sim.runUntilDrained();
    sim.schedule(2, 0, () -> ran.add("second")); // reuses the slot of the first
    sim.cancel(first);
    sim.runUntilDrained();
    assertEquals(List.of("first", "second"), ran);
  }

  @Test
  void eventsBeyondTheHeapsWindowKeepTheirOrder() {
    // The heap covers about 6.4 days from its base; later events wait apart and move in when it
    // drains. Order across that boundary, ties included, must be the plain (time, priority, seq).
    Simulation sim = new Simulation();
    long day = 86_400L * SimTime.SECONDS;
    List<String> ran = new ArrayList<>();
    sim.schedule(20 * day, Simulation.PRIORITY_TIMER, () -> ran.add("20d-timer"));
    sim.schedule(7 * day, Simulation.PRIORITY_TIMER, () -> ran.add("7d-timer"));
    sim.schedule(7 * day, Simulation.PRIORITY_INPUT, () -> ran.add("7d-input"));
    sim.schedule(
        day,
        Simulation.PRIORITY_MESSAGE,
        () -> {
          ran.add("1d");
          // From 1 day, 19 days on is 20 days: a tie with the far timer, at a lower priority.
          sim.after(19 * day, Simulation.PRIORITY_INPUT, () -> ran.add("20d-input"));
          sim.after(6 * day, Simulation.PRIORITY_MESSAGE, () -> ran.add("7d-message"));
        });
    long cancelled = sim.schedule(30 * day, 0, () -> ran.add("30d-cancelled"));
    sim.cancel(cancelled);
    sim.runUntilDrained();
    assertEquals(
        List.of("1d", "7d-input", "7d-message", "7d-timer", "20d-input", "20d-timer"), ran);
    assertEquals(30 * day, sim.now());
  }
}
