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
import java.util.HexFormat;
import java.util.List;

/**
 * The run's event log: numbers each event, serialises it to one canonical JSON line, feeds the line
 * to a SHA-256 digest, optionally writes it to a stream, and hands the event to listeners.
 *
 * <p>The digest is computed from the same bytes whether or not a file is written, so a run's digest
 * never depends on its output options.
 */
public final class EventLog {
  private final Simulation sim;
  private final MessageDigest sha;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private final JsonGenerator json;
  private final JsonFields fields;
  private final List<EventListener> listeners = new ArrayList<>();
  private OutputStream out;
  private long nextSeq;

  /** A log that stamps events with {@code sim}'s clock. */
  public EventLog(Simulation sim) {
    this.sim = sim;
    try {
      this.sha = MessageDigest.getInstance("SHA-256");
      this.json = new JsonFactory().createGenerator(line);
      this.json.setRootValueSeparator(null);
    } catch (NoSuchAlgorithmException | IOException e) {
      throw new IllegalStateException(e);
    }
    this.fields = new JsonFields(json);
  }

  /** Also writes every line to {@code stream} (the caller closes it). */
  public void writeTo(OutputStream stream) {
    this.out = stream;
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
    try {
      json.writeStartObject();
      json.writeNumberField("t", t);
      json.writeNumberField("seq", seq);
      json.writeStringField("type", event.type());
      event.writeFields(fields);
      json.writeEndObject();
      json.flush();
      line.write('\n');
      byte[] bytes = line.toByteArray();
      line.reset();
      sha.update(bytes);
      if (out != null) {
        out.write(bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (EventListener l : listeners) {
      l.onEvent(t, seq, event);
    }
  }

  /** The SHA-256 of every line logged so far, in hex. Call once, at the end of the run. */
  public String digest() {
    return HexFormat.of().formatHex(sha.digest());
  }
}
