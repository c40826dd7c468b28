package io.clustersim.core.allocator;

import io.clustersim.core.resources.Resources;
import java.util.List;
import java.util.Map;

/**
 * What an allocator holds that a state dump shows: the order it would visit roles and, in each
 * role, frameworks in (only those that want offers now), the suppressed frameworks, and the refusal
 * filters still in force.
 *
 * @param roleOrder roles in the order of the next allocation run
 * @param frameworkOrder per role of {@code roleOrder}, its frameworks in order
 * @param suppressed frameworks that suppressed offers
 * @param filters live refusal filters, by agent and then framework in registration order
 */
public record AllocatorState(
    List<String> roleOrder,
    Map<String, List<String>> frameworkOrder,
    List<String> suppressed,
    List<Filter> filters) {
  /** An allocator that shows nothing. */
  public static final AllocatorState NONE =
      new AllocatorState(List.of(), Map.of(), List.of(), List.of());

  /** Offers of a subset of {@code refused} on {@code agent} to {@code framework} are blocked. */
  public record Filter(String agent, String framework, Resources refused, long untilMicros) {}
}
