package io.clustersim.core.framework;

import io.clustersim.core.resources.Resources;
import java.util.List;

/** An operation a framework applies to offered resources when it accepts an offer. */
public sealed interface Operation {
  /** Launch tasks. */
  record Launch(List<TaskInfo> tasks) implements Operation {}

  /**
   * Dynamically reserve offered unreserved resources for the framework's role; {@code resources}
   * are written as reserved (e.g. {@code cpus(web):2}).
   */
  record Reserve(Resources resources) implements Operation {}

  /** Give reserved resources back to the unreserved pool; written as reserved. */
  record Unreserve(Resources resources) implements Operation {}
}
