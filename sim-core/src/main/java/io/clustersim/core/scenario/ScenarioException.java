package io.clustersim.core.scenario;

/** Bad scenario input; the message names the file, line, key and value. Exit status 2. */
public final class ScenarioException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with a complete, user-facing message. */
  public ScenarioException(String message) {
    super(message);
  }
}
