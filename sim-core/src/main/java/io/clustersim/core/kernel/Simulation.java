package io.clustersim.core.kernel;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * The discrete-event kernel: an integer-microsecond clock and a binary heap of pending events.
 *
 * <p>Events are ordered by (time, priority, sequence number). The sequence number is assigned at
 * scheduling time, so events due at the same instant with the same priority run in the order they
 * were scheduled, on every machine. Nothing here reads the wall clock.
 *
 * <p>Cost: {@link #schedule} and one {@link #step} are O(log pending events).
 */
public final class Simulation {
  /** Scenario inputs: agents, then frameworks, then actions, then faults, in file order. */
  public static final int PRIORITY_INPUT = 0;

  /** Messages delivered by the simulated network. */
  public static final int PRIORITY_MESSAGE = 1;

  /** The master's own timers: allocation ticks, filter expiry, pings, offer timeouts. */
  public static final int PRIORITY_TIMER = 2;

  private static final int PRIORITY_BITS = 8;
  private static final long MAX_SEQ = (1L << (63 - PRIORITY_BITS)) - 1;

  private Event[] heap = new Event[1024];
  private int size;
  private long now;
  private long nextSeq;
  private long processed;

  /** A scheduled event; {@link #cancel()} turns it into a no-op that is skipped when due. */
  public static final class Event {
    final long time;
    final long order; // priority in the top bits, sequence number below: one comparison
    Runnable action;

    Event(long time, long order, Runnable action) {
      this.time = time;
      this.order = order;
      this.action = action;
    }

    /** Prevents the event from running; it is still popped in its turn but does nothing. */
    public void cancel() {
      action = null;
    }

    /** Simulated time at which the event is due, in microseconds. */
    public long time() {
      return time;
    }
  }

  /** Current simulated time in microseconds. */
  public long now() {
    return now;
  }

  /** Number of events that have run (cancelled ones excluded). */
  public long processed() {
    return processed;
  }

  /** Number of events waiting in the queue, cancelled ones included. */
  public int pending() {
    return size;
  }

  /** Schedules {@code action} at absolute time {@code time}, which must not be in the past. */
  public Event schedule(long time, int priority, Runnable action) {
    if (time < now) {
      throw new IllegalArgumentException(
          "cannot schedule at " + time + " us, before the current time " + now + " us");
    }
    if (priority < 0 || priority >= (1 << PRIORITY_BITS)) {
      throw new IllegalArgumentException("priority out of range: " + priority);
    }
    if (nextSeq > MAX_SEQ) {
      throw new IllegalStateException("sequence numbers exhausted");
    }
    Event e = new Event(time, ((long) priority << (63 - PRIORITY_BITS)) | nextSeq++, action);
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    siftUp(size++, e);
    return e;
  }

  /** Schedules {@code action} {@code delay} microseconds from now. */
  public Event after(long delay, int priority, Runnable action) {
    if (delay < 0) {
      throw new IllegalArgumentException("negative delay: " + delay + " us");
    }
    return schedule(now + delay, priority, action);
  }

  /** Runs the next event. Returns false when the queue is empty. */
  public boolean step() {
    while (size > 0) {
      Event e = pop();
      now = e.time;
      Runnable action = e.action;
      if (action != null) {
        e.action = null;
        processed++;
        action.run();
        return true;
      }
    }
    return false;
  }

  /** Runs every event due at or before {@code time}, then sets the clock to {@code time}. */
  public void runUntil(long time) {
    while (size > 0 && heap[0].time <= time) {
      step();
    }
    if (time > now) {
      now = time;
    }
  }

  /** Runs until no event is left. */
  public void runUntilDrained() {
    while (step()) {
      // each step runs one event
    }
  }

  /**
   * Runs events until {@code stop} holds after an event, the queue drains, or the next event is
   * later than {@code limit}. Returns true if {@code stop} became true.
   */
  public boolean runUntil(BooleanSupplier stop, long limit) {
    while (size > 0 && heap[0].time <= limit) {
      if (step() && stop.getAsBoolean()) {
        return true;
      }
    }
    return stop.getAsBoolean();
  }

  /** Time of the next pending event, or {@link Long#MAX_VALUE} when none is pending. */
  public long nextEventTime() {
    return size == 0 ? Long.MAX_VALUE : heap[0].time;
  }

  private Event pop() {
    Event top = heap[0];
    Event last = heap[--size];
    heap[size] = null;
    if (size > 0) {
      siftDown(0, last);
    }
    return top;
  }

  private static boolean before(Event a, Event b) {
    return a.time < b.time || (a.time == b.time && a.order < b.order);
  }

  private void siftUp(int i, Event e) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      Event p = heap[parent];
      if (!before(e, p)) {
        break;
      }
      heap[i] = p;
      i = parent;
    }
    heap[i] = e;
  }

  private void siftDown(int i, Event e) {
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      Event c = heap[child];
      int right = child + 1;
      if (right < size && before(heap[right], c)) {
        child = right;
        c = heap[child];
      }
      if (!before(c, e)) {
        break;
      }
      heap[i] = c;
      i = child;
    }
    heap[i] = e;
  }
}
