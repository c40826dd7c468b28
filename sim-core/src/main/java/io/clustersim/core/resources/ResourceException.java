package io.clustersim.core.resources;

/** Resource arithmetic that would go negative or mix kinds: always a bookkeeping bug. */
public final class ResourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with a message that names both operands. */
  public ResourceException(String message) {
    super(message);
  }
}
