package io.clustersim.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clustersim.core.allocator.AllocatorContext;
import io.clustersim.core.allocator.AllocatorOptions;
import io.clustersim.core.cluster.AgentInfo;
import io.clustersim.core.framework.Capability;
import io.clustersim.core.framework.FrameworkInfo;
import io.clustersim.core.kernel.RandomStreams;
import io.clustersim.core.kernel.Simulation;
import io.clustersim.core.resources.Resource;
import io.clustersim.core.resources.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * GPU and revocable resources go only to frameworks with the matching capability (Mesos's {@code
 * filter_gpu_resources} and the revocable stripping of {@code allocate}), driven through the
 * allocator's public interface.
 */
class CapabilityTest {
  private final List<String> offers = new ArrayList<>();
  private final HierarchicalAllocator allocator = (HierarchicalAllocator) Policies.create("drf");

  CapabilityTest() {
    allocator.initialize(
        new AllocatorContext(
            new Simulation(),
            new RandomStreams(1, 0).stream("allocator"),
            AllocatorOptions.defaults(),
            (fw, allocations) -> allocations.forEach(a -> offers.add(fw + " " + a.resources()))));
  }

  private void framework(String id, Capability... caps) {
    allocator.addFramework(
        new FrameworkInfo(id, "*", null, null, 0, Set.of(caps), null), Map.of(), true);
  }

  @Test
  void gpuAgentsGoOnlyToGpuCapableFrameworks() {
    // "a-plain" comes first by name, but it lacks GPU_RESOURCES: it is skipped for the GPU agent,
    // which goes whole to "b-gpu"; the CPU-only agent goes to "a-plain".
    allocator.addAgent(
        new AgentInfo("gpu", Map.of()),
        Resources.scalar("cpus", 4).plus(Resources.scalar("gpus", 1)),
        Map.of());
    framework("a-plain");
    framework("b-gpu", Capability.GPU_RESOURCES);
    allocator.allocateNow();
    assertEquals(List.of("b-gpu cpus:4;gpus:1"), offers);
  }

  @Test
  void revocableResourcesAreStrippedForFrameworksWithoutTheCapability() {
    Resources total =
        Resources.scalar("cpus", 2)
            .plus(Resources.of(new Resource("cpus", Resource.UNRESERVED, true, 3000, null)));
    allocator.addAgent(new AgentInfo("a", Map.of()), total, Map.of());
    framework("a-plain");
    allocator.allocateNow();
    // The plain framework gets the regular 2 CPUs only; the revocable 3 stay available.
    assertEquals(List.of("a-plain cpus:2"), offers);
    framework("b-rev", Capability.REVOCABLE_RESOURCES);
    allocator.allocateNow();
    assertEquals(List.of("a-plain cpus:2", "b-rev cpus{REV}:3"), offers);
  }
}
