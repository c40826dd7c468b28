package io.clustersim.cli;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Takes the place of the event log's file in a replay: each line the run writes is compared with
 * the next line of the recorded log, and the first difference stops the run with a {@link
 * Divergence}. Memory holds one line and the five before it, whatever the length of the log.
 */
final class LogComparison extends OutputStream {
  /** Events shown before a divergence. */
  static final int CONTEXT = 5;

  /**
   * The first line that differs: {@code seq} is its place in the log (the {@code seq} field of the
   * event), {@code expected} or {@code actual} is null when that log ended first.
   */
  static final class Divergence extends RuntimeException {
    final long seq;
    final String expected;
    final String actual;
    final List<String> before;

    Divergence(long seq, String expected, String actual, List<String> before) {
      super("the run diverges from the recorded log at seq " + seq, null, false, false);
      this.seq = seq;
      this.expected = expected;
      this.actual = actual;
      this.before = before;
    }
  }

  /** The recorded log could not be read. */
  static final class Unreadable extends RuntimeException {
    Unreadable(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  private final BufferedReader recorded;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private final ArrayDeque<String> last = new ArrayDeque<>(CONTEXT);
  private long matched;

  LogComparison(BufferedReader recorded) {
    this.recorded = recorded;
  }

  /** Lines that matched so far. */
  long matched() {
    return matched;
  }

  @Override
  public void write(int b) {
    if (b == '\n') {
      compare(line.toString(StandardCharsets.UTF_8));
      line.reset();
    } else {
      line.write(b);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) {
    // The log writes one whole line per call; a line split across calls still works.
    int start = off;
    for (int i = off; i < off + len; i++) {
      if (b[i] == '\n') {
        line.write(b, start, i - start);
        compare(line.toString(StandardCharsets.UTF_8));
        line.reset();
        start = i + 1;
      }
    }
    line.write(b, start, off + len - start);
  }

  /** After the run: the recorded log must have ended too. */
  void finish() {
    String rest = next();
    if (rest != null) {
      throw new Divergence(matched, rest, null, List.copyOf(last));
    }
  }

  private void compare(String actual) {
    String expected = next();
    if (!actual.equals(expected)) {
      throw new Divergence(matched, expected, actual, List.copyOf(last));
    }
    matched++;
    if (last.size() == CONTEXT) {
      last.removeFirst();
    }
    last.addLast(actual);
  }

  private String next() {
    try {
      return recorded.readLine();
    } catch (IOException e) {
      throw new Unreadable(e);
    }
  }
}
