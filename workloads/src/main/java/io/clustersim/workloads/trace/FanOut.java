package io.clustersim.workloads.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One trace read once and handed to several replays running in parallel (a policy comparison): a
 * pump thread reads the events and puts them, in blocks, on one bounded queue per replay. The
 * reader waits for the slowest replay, so memory stays bounded ({@link #BLOCK} × {@link #DEPTH}
 * events per replay) and every replay sees exactly the same events in the same order. A bad row
 * reaches each replay at the point where it was read.
 */
public final class FanOut implements AutoCloseable {
  static final int BLOCK = 1024;
  static final int DEPTH = 32;

  /** The end of the stream, or the error that ended it. */
  private record End(RuntimeException error) {}

  private final TraceReader reader;
  private final List<BlockingQueue<Object>> queues = new ArrayList<>();
  private final Thread pump;
  private final java.util.concurrent.atomic.AtomicIntegerArray abandoned;
  private volatile boolean closed;

  /** Starts reading {@code reader} for {@code branches} replays. */
  public FanOut(TraceReader reader, int branches) {
    this.reader = reader;
    for (int i = 0; i < branches; i++) {
      queues.add(new ArrayBlockingQueue<>(DEPTH));
    }
    abandoned = new java.util.concurrent.atomic.AtomicIntegerArray(branches);
    pump = new Thread(this::pump, "clustersim-trace-fan-out");
    pump.setDaemon(true);
    pump.start();
  }

  private void pump() {
    Object end = new End(null);
    List<TraceEvent> block = new ArrayList<>(BLOCK);
    try {
      for (TraceEvent e = reader.next(); e != null && !closed; e = reader.next()) {
        block.add(e);
        if (block.size() == BLOCK) {
          put(List.copyOf(block));
          block.clear();
        }
      }
    } catch (RuntimeException e) {
      end = new End(e); // delivered after the events read before it
    } catch (InterruptedException e) {
      return;
    }
    try {
      if (!block.isEmpty()) {
        put(List.copyOf(block));
      }
      put(end);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void put(Object item) throws InterruptedException {
    for (int i = 0; i < queues.size(); i++) {
      BlockingQueue<Object> q = queues.get(i);
      while (!closed
          && abandoned.get(i) == 0
          && !q.offer(item, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        // waiting for the slowest replay; re-checks whether it stopped reading
      }
    }
  }

  /** The events for replay {@code i}. */
  public EventSource branch(int i) {
    BlockingQueue<Object> q = queues.get(i);
    return new EventSource() {
      private List<?> block = List.of();
      private int next;
      private boolean ended;

      @Override
      @SuppressWarnings("unchecked")
      public TraceEvent next() {
        while (next == block.size()) {
          if (ended) {
            return null;
          }
          Object item;
          try {
            item = q.take();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the trace", e);
          }
          if (item instanceof End end) {
            ended = true;
            if (end.error() != null) {
              throw end.error();
            }
            return null;
          }
          block = (List<TraceEvent>) item;
          next = 0;
        }
        return (TraceEvent) block.get(next++);
      }

      @Override
      public void close() {
        // This replay reads no more (its window ended): the pump stops waiting for it. The
        // reader itself is closed with the fan-out.
        abandoned.set(i, 1);
        q.clear();
      }
    };
  }

  @Override
  public void close() {
    closed = true;
    pump.interrupt();
    try {
      pump.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    reader.close();
  }
}
