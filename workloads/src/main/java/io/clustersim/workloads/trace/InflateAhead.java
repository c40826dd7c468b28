package io.clustersim.workloads.trace;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A compressed stream inflated ahead on a background thread, in chunks, so that decompressing the
 * next bytes overlaps with tokenizing and parsing the current ones (inflating was a third of the
 * reading thread's time on the task_events benchmark). One chunk is in flight per stream; chunks
 * start small, because a sharded table opens all its parts at once and most are only peeked at for
 * a while, and double up to {@link #MAX_CHUNK}.
 *
 * <p>Its threads only ever read files, never wait for other work, so the pools of {@link Prefetch}
 * may wait on them without risk of deadlock.
 */
final class InflateAhead extends InputStream {
  static final int FIRST_CHUNK = 8 << 10;
  static final int MAX_CHUNK = 256 << 10;

  private static final ExecutorService INFLATERS =
      Executors.newFixedThreadPool(
          Math.max(1, Runtime.getRuntime().availableProcessors() - 1),
          r -> {
            Thread t = new Thread(r, "clustersim-trace-inflater");
            t.setDaemon(true);
            return t;
          });

  private final InputStream in;
  private Future<byte[]> pending;
  private int requested = FIRST_CHUNK;
  private byte[] chunk = new byte[0];
  private int pos;
  private boolean end;

  /** Reads {@code in} ahead; it is read only by the background thread from now on. */
  InflateAhead(InputStream in) {
    this.in = in;
    this.pending = submit(requested);
  }

  private Future<byte[]> submit(int n) {
    return INFLATERS.submit(
        () -> {
          byte[] b = new byte[n];
          int len = in.readNBytes(b, 0, n); // fewer than n only at the end of the stream
          return len == n ? b : Arrays.copyOf(b, len);
        });
  }

  @Override
  public int read() throws IOException {
    return hasBytes() ? chunk[pos++] & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!hasBytes()) {
      return -1;
    }
    int n = Math.min(len, chunk.length - pos);
    System.arraycopy(chunk, pos, b, off, n);
    pos += n;
    return n;
  }

  /** Whether bytes are left, waiting for the next chunk if this one is used up. */
  private boolean hasBytes() throws IOException {
    while (pos == chunk.length) {
      if (end) {
        return false;
      }
      chunk = await();
      pos = 0;
      if (chunk.length < requested) {
        end = true;
      } else {
        requested = Math.min(MAX_CHUNK, requested * 2);
        pending = submit(requested);
      }
    }
    return true;
  }

  private byte[] await() throws IOException {
    byte[] b = ReadAhead.await(pending);
    pending = null;
    return b;
  }

  @Override
  public void close() throws IOException {
    if (pending != null) {
      try {
        await(); // the stream must not be closed under the inflating thread
      } catch (IOException | RuntimeException e) {
        // closing anyway; the error would have been reported had the bytes been read
      }
    }
    in.close();
  }
}
