package io.clustersim.allocators;

import io.clustersim.core.allocator.Allocator;
import java.util.function.Supplier;

/**
 * A registered allocation policy.
 *
 * @param name what users type after {@code --policy}
 * @param description one line for {@code clustersim policies}
 * @param factory makes a fresh allocator per run
 */
public record Policy(String name, String description, Supplier<Allocator> factory) {}
