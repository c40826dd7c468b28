package io.clustersim.core.kernel;

import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * The discrete-event kernel: an integer-microsecond clock and a heap of pending events.
 *
 * <p>Events are ordered by (time, priority, sequence number). The sequence number is assigned at
 * scheduling time, so events due at the same instant with the same priority run in the order they
 * were scheduled, on every machine. Nothing here reads the wall clock.
 *
 * <p>Layout, for speed: a 4-ary heap of single longs, {@code (time - base) << 24 | slot}, as
 * compact as a bare heap of times. The slot says where the event's action and its order word
 * ({@code priority << 29 | sequence}, an int) wait; the order word is read only when two times are
 * equal, and sits next to the slot's generation (which makes stale ids harmless to cancel), 8 bytes
 * a slot: with a million events pending, every byte per event is cache the heap no longer has. The
 * heap holds the events of a window of 2^39 µs (about 6.4 days) from {@code base}; later events
 * wait in a small second queue and move in when the window advances, which happens only when the
 * heap has drained, so the heap's events always come first. No object is allocated per event. When
 * the 29-bit sequence numbers run out (every half a billion events), the pending events are
 * renumbered in order, which costs one sort of the pending events.
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
  private static final int PRIORITY_SHIFT = 29;
  private static final long WINDOW = 1L << (63 - SLOT_BITS);
  private static final Runnable CANCELLED = () -> {};

  private final int seqBits;
  private final int seqMask;
  private long base;
  private long[] heap = new long[1024];
  private int size;
  // By slot: the order word (priority << 29 | sequence) and the generation, side by side so that
  // they share a cache line; the action; and the time, kept only for events beyond the window
  // (the heap key holds the others').
  private int[] words = new int[2 * 1024];
  private Runnable[] actions = new Runnable[1024];
  private long[] times = new long[1024];
  private int[] freeSlots = new int[1024];
  private int free;
  private int usedSlots;
  private final PriorityQueue<Integer> far = new PriorityQueue<>(this::compareSlots);
  private long now;
  private int nextSeq;
  private long processed;

  /** An empty simulation at time 0. */
  public Simulation() {
    this(PRIORITY_SHIFT);
  }

  /** For tests of renumbering: sequence numbers of {@code seqBits} bits (at most 29). */
  Simulation(int seqBits) {
    if (seqBits < 1 || seqBits > PRIORITY_SHIFT) {
      throw new IllegalArgumentException("sequence bits out of range 1..29: " + seqBits);
    }
    this.seqBits = seqBits;
    this.seqMask = (1 << seqBits) - 1;
  }

  /** Current simulated time in microseconds. */
  public long now() {
    return now;
  }

  /** Number of events that have run (cancelled ones excluded). */
  public long processed() {
    return processed;
  }

  /** Number of events waiting, cancelled ones included. */
  public int pending() {
    return size + far.size();
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
    if (pending() == MAX_PENDING) {
      throw new IllegalStateException("more than " + MAX_PENDING + " events pending");
    }
    if (nextSeq > seqMask) {
      renumber();
    }
    if (usedSlots == actions.length && free == 0) {
      grow();
    }
    int slot = free > 0 ? freeSlots[--free] : usedSlots++;
    actions[slot] = action;
    words[2 * slot] = (priority << PRIORITY_SHIFT) | nextSeq++;
    int generation = ++words[2 * slot + 1];
    if (time - base < WINDOW) {
      if (size == heap.length) {
        heap = Arrays.copyOf(heap, size * 2);
      }
      siftUp(size++, key(time, slot));
    } else {
      times[slot] = time;
      far.add(slot);
    }
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
    long generation = event >>> SLOT_BITS;
    if (slot < usedSlots
        && (words[2 * slot + 1] & 0xFFFFFFFFL) == generation
        && actions[slot] != null) {
      actions[slot] = CANCELLED;
    }
  }

  /** Runs the next event. Returns false when the queue is empty. */
  public boolean step() {
    while (size > 0 || advanceWindow()) {
      long top = heap[0];
      int slot = (int) (top & SLOT_MASK);
      long time = base + (top >>> SLOT_BITS);
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
    while (nextEventTime() <= time) {
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
    while (nextEventTime() <= limit) {
      if (step() && stop.getAsBoolean()) {
        return true;
      }
    }
    return stop.getAsBoolean();
  }

  /** Time of the next pending event, or {@link Long#MAX_VALUE} when none is pending. */
  public long nextEventTime() {
    if (size > 0) {
      return base + (heap[0] >>> SLOT_BITS);
    }
    return far.isEmpty() ? Long.MAX_VALUE : times[far.peek()];
  }

  /** Moves the next window of far events into the empty heap; false if there are none. */
  private boolean advanceWindow() {
    if (far.isEmpty()) {
      return false;
    }
    base = times[far.peek()];
    while (!far.isEmpty() && times[far.peek()] - base < WINDOW) {
      int slot = far.poll();
      if (size == heap.length) {
        heap = Arrays.copyOf(heap, size * 2);
      }
      siftUp(size++, key(times[slot], slot));
    }
    return true;
  }

  private long key(long time, int slot) {
    return ((time - base) << SLOT_BITS) | slot;
  }

  private int compareSlots(int a, int b) {
    int c = Long.compare(times[a], times[b]);
    return c != 0 ? c : Integer.compare(words[2 * a], words[2 * b]);
  }

  /** Heap order: by time, then (only on a tie) by the order word. */
  private boolean before(long a, long b) {
    long ta = a >>> SLOT_BITS;
    long tb = b >>> SLOT_BITS;
    if (ta != tb) {
      return ta < tb;
    }
    return words[2 * (int) (a & SLOT_MASK)] < words[2 * (int) (b & SLOT_MASK)];
  }

  private void grow() {
    int n = actions.length * 2;
    words = Arrays.copyOf(words, 2 * n);
    actions = Arrays.copyOf(actions, n);
    times = Arrays.copyOf(times, n);
    freeSlots = Arrays.copyOf(freeSlots, n);
  }

  /**
   * Gives the pending events the sequence numbers 0..n-1 in their current order. Relative order is
   * unchanged, so both queues stay valid and the run is identical to one without renumbering.
   */
  private void renumber() {
    int n = pending();
    long[] bySeq = new long[n];
    int k = 0;
    for (int i = 0; i < size; i++) {
      bySeq[k++] = seqThenSlot((int) (heap[i] & SLOT_MASK));
    }
    for (int slot : far) {
      bySeq[k++] = seqThenSlot(slot);
    }
    Arrays.sort(bySeq);
    for (int rank = 0; rank < n; rank++) {
      int slot = (int) (bySeq[rank] & SLOT_MASK);
      words[2 * slot] = (words[2 * slot] & ~seqMask) | rank;
    }
    nextSeq = n;
    if (nextSeq > seqMask) {
      throw new IllegalStateException(
          "sequence numbers of " + seqBits + " bits cannot order " + n + " events");
    }
  }

  private long seqThenSlot(int slot) {
    return ((long) (words[2 * slot] & seqMask) << SLOT_BITS) | slot;
  }

  private void removeTop() {
    int last = --size;
    if (last > 0) {
      siftDown(heap[last]);
    }
  }

  private void siftUp(int i, long key) {
    while (i > 0) {
      int parent = (i - 1) >>> 2;
      long p = heap[parent];
      if (before(p, key)) {
        break;
      }
      heap[i] = p;
      i = parent;
    }
    heap[i] = key;
  }

  private void siftDown(long key) {
    int i = 0;
    while (true) {
      int first = 4 * i + 1;
      if (first >= size) {
        break;
      }
      int best = first;
      long bestKey = heap[first];
      int end = Math.min(first + 4, size);
      for (int c = first + 1; c < end; c++) {
        long k = heap[c];
        if (before(k, bestKey)) {
          best = c;
          bestKey = k;
        }
      }
      if (!before(bestKey, key)) {
        break;
      }
      heap[i] = bestKey;
      i = best;
    }
    heap[i] = key;
  }
}
