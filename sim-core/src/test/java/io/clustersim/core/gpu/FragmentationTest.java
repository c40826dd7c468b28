package io.clustersim.core.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clustersim.core.resources.Resources;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fragmentation measure of Weng et al. (ATC '23, section 3) on nodes small enough to work out
 * by hand. The definition: F_n(m) is all of node n's free milli-GPU when task m cannot run there,
 * else the free milli-GPU of the devices with less room than m's per-device share.
 */
class FragmentationTest {
  // 8 cores free, four V100s with 1000, 600, 300 and 0 milli free: 1,900 milli free in all.
  private static final GpuNode NODE = new GpuNode(8000, new int[] {1000, 600, 300, 0}, "V100");

  private static GpuRequest share(long cpu, int milli) {
    return new GpuRequest(cpu, 1, milli, Set.of());
  }

  @Test
  void aShareThatFitsLeavesTheDevicesTooSmallForItAsFragment() {
    // 500 milli fits on the 1000 and the 600 device; the 300 and the 0 are too small: 300.
    assertEquals(300, Fragmentation.of(NODE, share(1000, 500)));
    // 200 milli fits on all three devices with anything free; only the full one is too small,
    // and it has nothing free: no fragment at all.
    assertEquals(0, Fragmentation.of(NODE, share(1000, 200)));
    // 700 milli fits only on the idle device: 600 + 300 are fragment.
    assertEquals(900, Fragmentation.of(NODE, share(1000, 700)));
  }

  @Test
  void aTaskThatCannotRunMakesAllFreeGpuAFragment() {
    // Two whole GPUs: one idle device only.
    assertEquals(1900, Fragmentation.of(NODE, new GpuRequest(1000, 2, 1000, Set.of())));
    // Needs more CPU than the node has free.
    assertEquals(1900, Fragmentation.of(NODE, share(9000, 100)));
    // A CPU-only task uses no GPU, so every free GPU is idle capacity it cannot use.
    assertEquals(1900, Fragmentation.of(NODE, new GpuRequest(1000, 0, 0, Set.of())));
    // Asks for a T4; the node has V100s.
    assertEquals(1900, Fragmentation.of(NODE, new GpuRequest(1000, 1, 100, Set.of("T4"))));
    // ... but a task that accepts V100 among others runs.
    assertEquals(0, Fragmentation.of(NODE, new GpuRequest(1000, 1, 100, Set.of("T4", "V100"))));
  }

  @Test
  void againstAMixTheFragmentIsTheExpectationOverTheTypicalShapes() {
    TaskMix mix = new TaskMix();
    for (int i = 0; i < 5; i++) {
      mix.add(share(1000, 500));
    }
    for (int i = 0; i < 3; i++) {
      mix.add(new GpuRequest(1000, 2, 1000, Set.of()));
    }
    mix.add(share(1000, 700));
    mix.add(share(1000, 700));
    // 10 tasks: 5 + 3 = 8 cover 60%, so the 700-milli shape is not typical; 5/8 and 3/8.
    TaskMix.Weighted[] typical = mix.typical();
    assertEquals(2, typical.length);
    assertEquals(share(1000, 500), typical[0].task());
    assertEquals(5 / 8.0, typical[0].p(), 1e-12);
    assertEquals(3 / 8.0, typical[1].p(), 1e-12);
    assertEquals(5 / 8.0 * 300 + 3 / 8.0 * 1900, Fragmentation.of(NODE, typical), 1e-9);
    // A node without GPUs has nothing to fragment.
    assertEquals(0, Fragmentation.of(new GpuNode(8000, new int[0], null), typical), 0);
  }

  @Test
  void aNodeAfterAPlacementHasLessFreeOnTheDevicesTaken() {
    GpuNode after = NODE.after(share(2000, 400), new int[] {1});
    assertEquals(6000, after.cpuMilli());
    assertEquals(1500, after.gpuFreeTotal());
    assertEquals(200, after.gpuFree()[1]);
    // The original is unchanged: placement strategies try many options on the same view.
    assertEquals(600, NODE.gpuFree()[1]);
  }

  @Test
  void requestsReadFromResourcesAreSharesOrWholeDevices() {
    GpuRequest shareOfOne =
        GpuRequest.of(Resources.scalar("cpus", 2).plus(Resources.scalar("gpus", 0.46)), Set.of());
    assertEquals(new GpuRequest(2000, 1, 460, Set.of()), shareOfOne);
    assertEquals("460m", shareOfOne.kind());
    GpuRequest two =
        GpuRequest.of(Resources.scalar("cpus", 2).plus(Resources.scalar("gpus", 2)), Set.of());
    assertEquals(new GpuRequest(2000, 2, 1000, Set.of()), two);
    assertEquals("2x", two.kind());
    assertEquals(2000, two.totalMilli());
  }
}
