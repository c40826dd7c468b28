package io.clustersim.core.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.clustersim.core.kernel.Simulation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * The run's event log: numbers each event, hands it to listeners, serialises it to one canonical
 * JSON line, feeds the line to a SHA-256 digest and optionally writes it to a stream.
 *
 * <p>The digest is computed from the same bytes whether or not a file is written, so a run's digest
 * never depends on its output options.
 *
 * <p>Listeners run at once, on the simulation's thread. Serialising and hashing run behind it: in
 * chunks, on a writer thread once a run has logged a full chunk (a replay logs tens of thousands of
 * offers per simulated second, and on two cores the line work then overlaps the simulation). The
 * bytes and their order are the same either way; {@link #flush()} and {@link #digest()} wait until
 * every event logged so far is written. Events are immutable records, so the writer may read them
 * later.
 */
public final class EventLog {
  /** Events per hand-over to the writer thread. */
  static final int CHUNK = 4096;

  /** Chunks waiting for the writer at most; the simulation waits when it is this far ahead. */
  private static final int QUEUE = 16;

  private final Simulation sim;
  private final List<EventListener> listeners = new ArrayList<>();
  private final LineWriter writer;
  private Chunk pending = new Chunk();
  private BlockingQueue<Chunk> queue;
  private Thread thread;
  private long nextSeq;

  /** A log that stamps events with {@code sim}'s clock. */
  public EventLog(Simulation sim) {
    this.sim = sim;
    this.writer = new LineWriter();
  }

  /** Also writes every line to {@code stream} (the caller closes it, after {@link #flush()}). */
  public void writeTo(OutputStream stream) {
    writer.out = stream;
  }

  /** Adds a listener that sees every later event. */
  public void addListener(EventListener listener) {
    listeners.add(listener);
  }

  /** Number of events logged so far; also the next sequence number. */
  public long size() {
    return nextSeq;
  }

  /** Logs {@code event} at the current simulated time. */
  public void emit(LogEvent event) {
    long seq = nextSeq++;
    long t = sim.now();
    pending.add(t, event);
    if (pending.size == CHUNK) {
      handOver();
    }
    for (EventListener l : listeners) {
      l.onEvent(t, seq, event);
    }
  }

  /** Writes every event logged so far (to the digest and the stream) before returning. */
  public void flush() {
    if (thread == null) {
      // A short run is written here, on the caller's thread; a failure is kept like the writer
      // thread's, so that the lines are never written twice.
      writer.writeOrKeepFailure(pending);
      pending.clear();
      writer.rethrow();
      return;
    }
    if (pending.size > 0) {
      put(pending);
      pending = new Chunk();
    }
    // The writer stops after this chunk; a later full chunk starts a new one.
    Chunk last = new Chunk();
    last.done = new CountDownLatch(1);
    put(last);
    try {
      last.done.await();
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the event log", e);
    }
    thread = null;
    writer.rethrow();
  }

  /**
   * Writes what was logged before {@code cause} ended the run, so that an event file holds every
   * line up to the failure, and returns the failure to report: the writer's own if it failed (a
   * stream that refuses a line, or a comparison with a recorded log that differs), since the writer
   * trails the simulation and so failed at an earlier event; otherwise {@code cause}.
   */
  public RuntimeException failedRun(RuntimeException cause) {
    try {
      flush();
    } catch (RuntimeException writer) {
      if (writer != cause) {
        writer.addSuppressed(cause);
      }
      return writer;
    }
    return cause;
  }

  /** The SHA-256 of every line logged so far, in hex. Call once, at the end of the run. */
  public String digest() {
    flush();
    return HexFormat.of().formatHex(writer.sha.digest());
  }

  private void handOver() {
    if (thread == null) {
      queue = new ArrayBlockingQueue<>(QUEUE);
      BlockingQueue<Chunk> q = queue;
      thread = new Thread(() -> writer.drain(q), "clustersim-event-log");
      thread.setDaemon(true); // a run that dies mid-way must not keep the JVM alive
      thread.start();
    }
    writer.rethrow();
    put(pending);
    pending = new Chunk();
  }

  private void put(Chunk chunk) {
    try {
      queue.put(chunk);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the event log", e);
    }
  }

  /** One line's bytes, handed to the digest and the stream without a copy. */
  private static final class Line extends ByteArrayOutputStream {
    Line() {
      super(256);
    }

    void drainTo(MessageDigest sha, OutputStream out) throws IOException {
      sha.update(buf, 0, count);
      if (out != null) {
        out.write(buf, 0, count);
      }
      reset();
    }
  }

  /** A run of consecutive events: their times and the events themselves. */
  private static final class Chunk {
    final long[] times = new long[CHUNK];
    final LogEvent[] events = new LogEvent[CHUNK];
    int size;

    /** Set on the last chunk of a flush: counted down once it is written. */
    CountDownLatch done;

    void add(long t, LogEvent e) {
      times[size] = t;
      events[size++] = e;
    }

    void clear() {
      Arrays.fill(events, 0, size, null);
      size = 0;
    }
  }

  /** The serialising end: owned by one thread at a time (the writer, or the caller of flush). */
  private static final class LineWriter {
    final MessageDigest sha;
    final Line line = new Line();
    final JsonGenerator json;
    final JsonFields fields;
    OutputStream out;
    long seq;
    volatile Throwable failure;

    LineWriter() {
      try {
        this.sha = MessageDigest.getInstance("SHA-256");
        this.json = new JsonFactory().createGenerator(line);
        this.json.setRootValueSeparator(null);
      } catch (NoSuchAlgorithmException | IOException e) {
        throw new IllegalStateException(e);
      }
      this.fields = new JsonFields(json);
    }

    void drain(BlockingQueue<Chunk> queue) {
      while (true) {
        Chunk c;
        try {
          c = queue.take();
        } catch (InterruptedException e) {
          return;
        }
        writeOrKeepFailure(c); // a failure is handed to the simulation at its next hand-over
        if (c.done != null) {
          c.done.countDown();
          return;
        }
      }
    }

    /** Writes the chunk unless an earlier one failed; a failure is kept, not thrown. */
    void writeOrKeepFailure(Chunk c) {
      if (failure == null) {
        try {
          write(c);
        } catch (Throwable e) {
          failure = e;
        }
      }
    }

    void write(Chunk c) {
      try {
        for (int i = 0; i < c.size; i++) {
          LogEvent event = c.events[i];
          json.writeStartObject();
          json.writeNumberField("t", c.times[i]);
          json.writeNumberField("seq", seq++);
          json.writeStringField("type", event.type());
          event.writeFields(fields);
          json.writeEndObject();
          json.flush();
          line.write('\n');
          line.drainTo(sha, out);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void rethrow() {
      Throwable e = failure;
      if (e instanceof RuntimeException r) {
        throw r;
      }
      if (e instanceof Error err) {
        throw err;
      }
      if (e != null) {
        throw new IllegalStateException(e);
      }
    }
  }
}
