package io.clustersim.core.framework;

import io.clustersim.core.resources.Resources;

/**
 * A custom executor that tasks of one framework share on one agent. It holds its own resources
 * while any of its tasks runs, and exits when its last task ends.
 *
 * @param id executor id, unique within the framework
 * @param resources what the executor itself uses, besides its tasks
 */
public record ExecutorInfo(String id, Resources resources) {}
