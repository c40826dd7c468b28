package io.clustersim.core.allocator;

import io.clustersim.core.resources.Resources;

/**
 * A role's quota: resources guaranteed to it (held back for it) and a limit on what it may consume.
 * Only scalar quantities count; an empty limit means no limit.
 *
 * @param guarantee guaranteed quantities
 * @param limit maximum quantities; names absent from it are unlimited
 */
public record Quota(Resources guarantee, Resources limit) {
  /** No guarantee and no limit, Mesos's default. */
  public static final Quota NONE = new Quota(Resources.EMPTY, Resources.EMPTY);
}
