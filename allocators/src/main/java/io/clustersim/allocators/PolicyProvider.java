package io.clustersim.allocators;

import java.util.List;
import java.util.ServiceLoader;

/**
 * More policies from outside this module, found with {@link ServiceLoader}: a jar (or a test
 * classpath) that lists its implementation in {@code
 * META-INF/services/io.clustersim.allocators.PolicyProvider} adds its policies after the built-in
 * ones, without editing {@link Policies}. A name already taken is refused.
 */
public interface PolicyProvider {
  /** The policies this provider adds. */
  List<Policy> policies();
}
