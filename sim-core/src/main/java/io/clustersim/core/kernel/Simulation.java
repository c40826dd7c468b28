package io.clustersim.core.kernel;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * The discrete-event kernel: an integer-microsecond clock and a heap of pending events.
 *
 * <p>Events are ordered by (time, priority, sequence number). The sequence number is assigned at
 * scheduling time, so events due at the same instant with the same priority run in the order they
 * were scheduled, on every machine. Nothing here reads the wall clock.
 *
 * <p>Layout, for speed: a 4-ary heap over two primitive arrays, {@code times} and {@code orders =
 * priority | sequence | slot}. Comparisons read the times and look at the order word only on a tie,
 * so a sift never follows a pointer. The slot (the low {@value #SLOT_BITS} bits, which never decide
 * the order because sequence numbers are unique) says where the event's action waits. No object is
 * allocated per event. When sequence numbers run out, the pending events are renumbered in order.
 *
 * <p>Cost: {@link #schedule}, {@link #cancel} and one {@link #step} are O(log pending events).
 */
public final class Simulation {
  /** Scenario inputs: agents, then frameworks, then actions, then faults, in file order. */
  public static final int PRIORITY_INPUT = 0;

  /** Messages delivered by the simulated network. */
  public static final int PRIORITY_MESSAGE = 1;

  /** The master's own timers: allocation ticks, filter expiry, pings, offer timeouts. */
  public static final int PRIORITY_TIMER = 2;

  /** An id that names no event; cancelling it does nothing. */
  public static final long NO_EVENT = -1;

  /** Most events that can be pending at once. */
  public static final int MAX_PENDING = 1 << 24;

  private static final int SLOT_BITS = 24;
  private static final long SLOT_MASK = (1L << SLOT_BITS) - 1;
  private static final int PRIORITY_SHIFT = 61;
  private static final Runnable CANCELLED = () -> {};

  private final int seqBits;
  private final long seqMask;
  private long[] times = new long[1024];
  private long[] orders = new long[1024];
  private int size;
  private Runnable[] actions = new Runnable[1024];
  private int[] generations = new int[1024];
  private int[] freeSlots = new int[1024];
  private int free;
  private int usedSlots;
  private long now;
  private long nextSeq;
  private long processed;

  /** An empty simulation at time 0. */
  public Simulation() {
    this(PRIORITY_SHIFT - SLOT_BITS);
  }

  /** For tests of renumbering: sequence numbers of {@code seqBits} bits. */
  Simulation(int seqBits) {
    this.seqBits = seqBits;
    this.seqMask = (1L << seqBits) - 1;
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

  /**
   * Schedules {@code action} at absolute time {@code time}, which must not be in the past, and
   * returns an id for {@link #cancel}. Priorities go from 0 (first) to 3.
   */
  public long schedule(long time, int priority, Runnable action) {
    if (time < now) {
      throw new IllegalArgumentException(
          "cannot schedule at " + time + " us, before the current time " + now + " us");
    }
    if (priority < 0 || priority > 3) {
      throw new IllegalArgumentException("priority out of range 0..3: " + priority);
    }
    if (size == MAX_PENDING) {
      throw new IllegalStateException("more than " + MAX_PENDING + " events pending");
    }
    if (nextSeq > seqMask) {
      renumber();
    }
    if (size == actions.length) {
      grow();
    }
    int slot = free > 0 ? freeSlots[--free] : usedSlots++;
    actions[slot] = action;
    int generation = ++generations[slot];
    long order = ((long) priority << PRIORITY_SHIFT) | (nextSeq++ << SLOT_BITS) | slot;
    siftUp(size++, time, order);
    return ((generation & 0xFFFFFFFFL) << SLOT_BITS) | slot;
  }

  /** Schedules {@code action} {@code delay} microseconds from now; returns its id. */
  public long after(long delay, int priority, Runnable action) {
    if (delay < 0) {
      throw new IllegalArgumentException("negative delay: " + delay + " us");
    }
    return schedule(now + delay, priority, action);
  }

  /**
   * Cancels a pending event so that it does nothing when due. Cancelling an event that already ran,
   * was cancelled, or {@link #NO_EVENT}, does nothing.
   */
  public void cancel(long event) {
    if (event < 0) {
      return;
    }
    int slot = (int) (event & SLOT_MASK);
    int generation = (int) (event >>> SLOT_BITS);
    if (slot < usedSlots && generations[slot] == generation && actions[slot] != null) {
      actions[slot] = CANCELLED;
    }
  }

  /** Runs the next event. Returns false when the queue is empty. */
  public boolean step() {
    while (size > 0) {
      long time = times[0];
      int slot = (int) (orders[0] & SLOT_MASK);
      Runnable action = actions[slot];
      actions[slot] = null;
      freeSlots[free++] = slot;
      removeTop();
      now = time;
      if (action != CANCELLED) {
        processed++;
        action.run();
        return true;
      }
    }
    return false;
  }

  /** Runs every event due at or before {@code time}, then sets the clock to {@code time}. */
  public void runUntil(long time) {
    while (size > 0 && times[0] <= time) {
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
    while (size > 0 && times[0] <= limit) {
      if (step() && stop.getAsBoolean()) {
        return true;
      }
    }
    return stop.getAsBoolean();
  }

  /** Time of the next pending event, or {@link Long#MAX_VALUE} when none is pending. */
  public long nextEventTime() {
    return size == 0 ? Long.MAX_VALUE : times[0];
  }

  private void grow() {
    int n = actions.length * 2;
    times = Arrays.copyOf(times, n);
    orders = Arrays.copyOf(orders, n);
    actions = Arrays.copyOf(actions, n);
    generations = Arrays.copyOf(generations, n);
    freeSlots = Arrays.copyOf(freeSlots, n);
  }

  /**
   * Gives the pending events the sequence numbers 0..size-1 in their current order. Relative order
   * is unchanged, so the heap stays valid and the run is identical to one without renumbering.
   */
  private void renumber() {
    long[][] bySeq = new long[size][];
    for (int i = 0; i < size; i++) {
      bySeq[i] = new long[] {(orders[i] >>> SLOT_BITS) & seqMask, i};
    }
    Arrays.sort(bySeq, (a, b) -> Long.compare(a[0], b[0]));
    for (int rank = 0; rank < size; rank++) {
      int i = (int) bySeq[rank][1];
      long order = orders[i];
      long priority = order >>> PRIORITY_SHIFT;
      orders[i] = (priority << PRIORITY_SHIFT) | ((long) rank << SLOT_BITS) | (order & SLOT_MASK);
    }
    nextSeq = size;
    if (nextSeq > seqMask) {
      throw new IllegalStateException(
          "sequence numbers of " + seqBits + " bits cannot order " + size + " events");
    }
  }

  private void removeTop() {
    int last = --size;
    if (last > 0) {
      siftDown(times[last], orders[last]);
    }
  }

  private boolean less(int i, long time, long order) {
    long t = times[i];
    return t < time || (t == time && orders[i] < order);
  }

  private void siftUp(int i, long time, long order) {
    while (i > 0) {
      int parent = (i - 1) >>> 2;
      if (less(parent, time, order)) {
        break;
      }
      times[i] = times[parent];
      orders[i] = orders[parent];
      i = parent;
    }
    times[i] = time;
    orders[i] = order;
  }

  private void siftDown(long time, long order) {
    int i = 0;
    while (true) {
      int first = 4 * i + 1;
      if (first >= size) {
        break;
      }
      int best = first;
      int end = Math.min(first + 4, size);
      for (int c = first + 1; c < end; c++) {
        if (less(c, times[best], orders[best])) {
          best = c;
        }
      }
      if (!less(best, time, order)) {
        break;
      }
      times[i] = times[best];
      orders[i] = orders[best];
      i = best;
    }
    times[i] = time;
    orders[i] = order;
  }
}
