package io.clustersim.core.container;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs under limits, worked out by hand: work at limit / wanted speed while throttled. */
class UsageProfileTest {
  private static final long S = 1_000_000L;

  private static UsageProfile.Step step(long atSeconds, long cpusMilli, long memMilli) {
    return new UsageProfile.Step(atSeconds * S, cpusMilli, memMilli);
  }

  @Test
  void throttlingStretchesOnlyTheStepsAboveTheLimit() {
    // 1 core limit; 10 s of work at 0.5 core, 20 s at 2 cores (half speed: 40 s), 30 s at 1.
    UsageProfile p =
        new UsageProfile(List.of(step(0, 500, 100), step(10, 2000, 100), step(30, 1000, 100)));
    UsageProfile.Plan plan = p.plan(60 * S, 1000, 0);
    assertEquals((10 + 40 + 30) * S, plan.endMicros());
    assertEquals(20 * S, plan.throttledMicros());
    assertEquals(-1, plan.oomMicros());
    assertArrayEquals(new long[] {0, 10 * S, 50 * S}, plan.wallAt());
    // While throttled it uses its limit, not what it wants.
    assertArrayEquals(new long[] {500, 1000, 1000}, plan.cpuUsed());
    assertEquals(1, plan.stepAt(49 * S));
    assertEquals(2, plan.stepAt(50 * S));
  }

  @Test
  void theOomKillerEndsTheRunAtTheFirstStepAboveTheMemoryLimit() {
    // 3 cores wanted on 1 for the first 10 s of work (30 s), then 2 GiB on a 1 GiB limit.
    UsageProfile p = new UsageProfile(List.of(step(0, 3000, 512_000), step(10, 1000, 2_048_000)));
    UsageProfile.Plan plan = p.plan(60 * S, 1000, 1_024_000);
    assertEquals(30 * S, plan.oomMicros());
    assertEquals(-1, plan.endMicros());
    assertEquals(20 * S, plan.throttledMicros());
  }

  @Test
  void stepsAfterTheEndAndUnlimitedTasksChangeNothing() {
    UsageProfile p = new UsageProfile(List.of(step(0, 500, 100), step(90, 9000, 9_999_000)));
    // The task's 60 s of work end before the memory step at 90 s.
    assertEquals(60 * S, p.plan(60 * S, 1000, 1_024_000).endMicros());
    // No limits: nothing is throttled or killed; a task without an end has none.
    UsageProfile.Plan open = p.plan(-1, 0, 0);
    assertEquals(-1, open.endMicros());
    assertEquals(-1, open.oomMicros());
    assertEquals(-1, open.stepAt(-1));
  }

  @Test
  void anImageIsPulledOnceAndWaitedForWhileItIsPulled() {
    ContainerSettings s = new ContainerSettings(0, S, 100, 500, java.util.Map.of("big", 1000.0));
    ImageStore store = new ImageStore();
    assertEquals(new ImageStore.Fetch(10 * S, true), store.fetch("docker", "big", 0, s));
    // Asked again during the pull: wait for the same one.
    assertEquals(new ImageStore.Fetch(10 * S, false), store.fetch("docker", "big", 4 * S, s));
    // After it: at once.
    assertEquals(new ImageStore.Fetch(12 * S, false), store.fetch("docker", "big", 12 * S, s));
    // The Mesos containerizer's store is separate; an unlisted image is 500 MiB: 5 s.
    assertEquals(new ImageStore.Fetch(17 * S, true), store.fetch("mesos", "big", 7 * S, s));
    assertEquals(new ImageStore.Fetch(5 * S, true), store.fetch("docker", "other", 0, s));
  }
}
