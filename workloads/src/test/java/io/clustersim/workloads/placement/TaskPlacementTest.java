package io.clustersim.workloads.placement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.clustersim.core.gpu.GpuNode;
import io.clustersim.core.gpu.GpuRequest;
import io.clustersim.core.gpu.TaskMix;
import io.clustersim.workloads.placement.TaskPlacement.Candidate;
import io.clustersim.workloads.placement.TaskPlacement.Choice;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * Each placement strategy on candidates small enough that its choice follows by hand from the
 * strategy's definition, and chosen so that the strategies disagree.
 */
class TaskPlacementTest {
  /** A context with fixed normalisers, a given task mix and given task kinds per agent. */
  private record Context(
      long maxCpuMilli,
      long maxGpuMilli,
      TaskMix mix,
      Map<String, Map<String, Integer>> kinds,
      RandomGenerator random)
      implements PlacementContext {
    Context(long maxCpuMilli, long maxGpuMilli) {
      this(maxCpuMilli, maxGpuMilli, new TaskMix(), Map.of());
    }

    Context(
        long maxCpuMilli, long maxGpuMilli, TaskMix mix, Map<String, Map<String, Integer>> kinds) {
      this(maxCpuMilli, maxGpuMilli, mix, kinds, new Well19937c(7));
    }

    @Override
    public Map<String, Integer> kindsOn(String agentId) {
      return kinds.getOrDefault(agentId, Map.of());
    }
  }

  private static GpuRequest share(long cpu, int milli) {
    return new GpuRequest(cpu, 1, milli, Set.of());
  }

  private static Candidate node(int i, long cpu, int... free) {
    return new Candidate(i, "n" + i, new GpuNode(cpu, free, "V100"));
  }

  private static void assertChoice(int candidate, int[] devices, Choice c) {
    assertEquals(candidate, c.candidate(), "candidate");
    assertArrayEquals(devices, c.devices(), "devices");
  }

  // Roomy: 8 cores, two idle GPUs. Tight: 4 cores, a half-used GPU and an idle one.
  private static final List<Candidate> ROOMY_TIGHT =
      List.of(node(0, 8000, 1000, 1000), node(1, 4000, 500, 1000));
  private static final Context MAX_8_CORES_2_GPUS = new Context(8000, 2000);

  @Test
  void firstFitTakesTheFirstCandidateAndItsLowestDevices() {
    Choice c = TaskPlacements.get("first-fit").choose(share(2000, 400), ROOMY_TIGHT, null);
    assertChoice(0, new int[] {0}, c);
    assertNull(TaskPlacements.get("first-fit").choose(share(2000, 400), List.of(), null));
  }

  @Test
  void bestFitLeavesTheLeastNormalisedRoom() {
    // Roomy after a 2-core 400-milli task: ½·6000/8000 + ½·1600/2000 = 0.775;
    // tight: ½·2000/8000 + ½·1100/2000 = 0.4, the smaller; on its tightest device, the 500.
    Choice c =
        TaskPlacements.get("best-fit").choose(share(2000, 400), ROOMY_TIGHT, MAX_8_CORES_2_GPUS);
    assertChoice(1, new int[] {0}, c);
  }

  @Test
  void dotProductTakesTheSmallestAlignment() {
    // cpu term: free/8000 × 2000/8000; gpu term: free of the device/1000 × 0.4.
    // roomy: 0.25 + 0.4 = 0.65; tight on the 500 device: 0.125 + 0.2 = 0.325; tight on the
    // idle one: 0.125 + 0.4 = 0.525. Smallest: tight, device 0.
    Choice c =
        TaskPlacements.get("dot-product").choose(share(2000, 400), ROOMY_TIGHT, MAX_8_CORES_2_GPUS);
    assertChoice(1, new int[] {0}, c);
    // A share too large for the used device: the idle one (0.125 + 0.6×1 = 0.725) against the
    // roomy node (0.25 + 0.6 = 0.85): still tight, device 1.
    assertChoice(
        1,
        new int[] {1},
        TaskPlacements.get("dot-product")
            .choose(share(2000, 600), ROOMY_TIGHT, MAX_8_CORES_2_GPUS));
  }

  @Test
  void gpuPackingPrefersSharedDevicesThenBusyNodesThenSmallIdleNodes() {
    TaskPlacement packing = TaskPlacements.get("gpu-packing");
    Context ctx = new Context(64000, 8000);
    List<Candidate> nodes =
        List.of(
            node(0, 64000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000), // idle, 8 GPUs
            node(1, 64000, 1000, 1000), // idle, 2 GPUs
            node(2, 64000, 1000, 0), // busy node, one idle device
            node(3, 64000, 1000, 300)); // a shared device with 300 free
    // 200 milli fits the shared device: tier 1.
    assertChoice(3, new int[] {1}, packing.choose(share(1000, 200), nodes, ctx));
    // 500 does not: an idle device of a busy node, nodes 2 and 3 alike; the earlier wins.
    assertChoice(2, new int[] {0}, packing.choose(share(1000, 500), nodes, ctx));
    // Only idle nodes left: the one with fewer GPUs.
    assertChoice(1, new int[] {0}, packing.choose(share(1000, 500), nodes.subList(0, 2), ctx));
  }

  @Test
  void gpuClusteringKeepsLikeWithLike() {
    TaskPlacement clustering = TaskPlacements.get("gpu-clustering");
    Context ctx =
        new Context(
            8000,
            2000,
            new TaskMix(),
            Map.of(
                "n0", Map.of("500m", 1, "1x", 1), // 500m among others
                "n1", Map.of("500m", 2))); // only 500m
    // busy term: 25 × (2000 − free) / 2000. n0: 50 + 18.75; n1: 75 + 12.5; n1 wins although
    // n0 is busier; on n1 the only device with room.
    List<Candidate> nodes = List.of(node(0, 8000, 500, 0), node(1, 8000, 0, 1000));
    assertChoice(1, new int[] {1}, clustering.choose(share(1000, 500), nodes, ctx));
    // Two whole GPUs, a kind nobody runs: an idle node (25 + 0) beats a half-busy node running
    // other kinds (0 + 25 × 2000/4000), busier though it is.
    Context four = new Context(8000, 4000, new TaskMix(), Map.of("n0", Map.of("1x", 2)));
    List<Candidate> quads =
        List.of(node(0, 8000, 0, 0, 1000, 1000), node(1, 8000, 1000, 1000, 1000, 1000));
    GpuRequest twoWhole = new GpuRequest(1000, 2, 1000, Set.of());
    assertChoice(1, new int[] {0, 1}, clustering.choose(twoWhole, quads, four));
    // Once the idle node runs 2x tasks alone, a 2x task goes there ahead of a fresh idle node.
    Context later =
        new Context(
            8000, 4000, new TaskMix(), Map.of("n0", Map.of("1x", 2), "n1", Map.of("2x", 1)));
    List<Candidate> withFresh =
        List.of(
            node(0, 8000, 0, 0, 1000, 1000),
            node(2, 8000, 1000, 1000, 1000, 1000),
            node(1, 8000, 0, 0, 1000, 1000));
    assertChoice(2, new int[] {2, 3}, clustering.choose(twoWhole, withFresh, later));
  }

  @Test
  void fgdPlacesWhereFragmentationGrowsLeast() {
    TaskMix mix = new TaskMix();
    mix.add(share(1000, 500));
    Context ctx = new Context(8000, 2000, mix, Map.of());
    // Against a mix of 500-milli tasks: on the node with two 600 devices either choice leaves a
    // 100 fragment; on the idle node the 500 left is still usable: fragment 0. Best-fit would
    // take the busier node.
    List<Candidate> nodes = List.of(node(0, 8000, 600, 600), node(1, 8000, 1000, 1000));
    assertChoice(1, new int[] {0}, TaskPlacements.get("fgd").choose(share(1000, 500), nodes, ctx));
    assertChoice(
        0, new int[] {0}, TaskPlacements.get("best-fit").choose(share(1000, 500), nodes, ctx));
    // Within one node [1000, 600]: the 600 device would keep 100 (fragment), the idle one 500
    // (usable), so FGD takes the idle device where tightest-fit takes the 600.
    List<Candidate> one = List.of(node(0, 8000, 1000, 600));
    assertChoice(0, new int[] {0}, TaskPlacements.get("fgd").choose(share(1000, 500), one, ctx));
    assertChoice(
        0, new int[] {1}, TaskPlacements.get("best-fit").choose(share(1000, 500), one, ctx));
  }

  @Test
  void randomPicksEveryCandidateFromTheSeededStream() {
    List<Candidate> nodes = List.of(node(0, 8000, 1000), node(1, 8000, 1000), node(2, 8000, 1000));
    TaskPlacement random = TaskPlacements.get("random");
    Context a = new Context(8000, 1000, new TaskMix(), Map.of(), new Well19937c(11));
    Context b = new Context(8000, 1000, new TaskMix(), Map.of(), new Well19937c(11));
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 60; i++) {
      Choice x = random.choose(share(1000, 300), nodes, a);
      assertEquals(x.candidate(), random.choose(share(1000, 300), nodes, b).candidate());
      seen.add(x.candidate());
    }
    // 60 uniform draws from 3 miss one candidate with probability about 3 × (2/3)^60 < 1e-10.
    assertEquals(Set.of(0, 1, 2), seen);
  }

  @Test
  void unknownNamesListTheKnownOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TaskPlacements.get("tightest"));
    assertEquals(
        "unknown placement 'tightest' (known: first-fit, best-fit, dot-product, gpu-packing,"
            + " gpu-clustering, random, fgd)",
        e.getMessage());
  }
}
