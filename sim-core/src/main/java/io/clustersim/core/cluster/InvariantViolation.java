package io.clustersim.core.cluster;

/**
 * A broken accounting invariant: a bug in the simulator or in an allocator, never bad input. It
 * names the event sequence number at which it was found and the state involved.
 */
public final class InvariantViolation extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final long seq;

  /** A violation found after event {@code seq}. */
  public InvariantViolation(long seq, String message) {
    super("invariant violated at event seq " + seq + ": " + message);
    this.seq = seq;
  }

  /** Sequence number of the last event logged when the violation was found. */
  public long seq() {
    return seq;
  }
}
