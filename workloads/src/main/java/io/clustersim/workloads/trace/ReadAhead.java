package io.clustersim.workloads.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The result of work a reading thread did ahead ({@link Prefetch}, {@link InflateAhead}), with its
 * failure rethrown on the caller's thread as it happened there: an I/O error as an {@link
 * IOException}, a bad row as the {@link TraceException} it was.
 */
final class ReadAhead {
  private ReadAhead() {}

  static <T> T await(Future<T> pending) throws IOException {
    try {
      return pending.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(cause);
    }
  }
}
