package io.clustersim.bench;

import io.clustersim.core.container.UsageProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-task costs inside an agent: planning a run under its limits when it starts (O(steps),
 * once per task) and finding the usage step in force at a monitor sample (O(log steps), once per
 * task per sample).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class AgentInternalsBenchmark {
  @Param({"4", "64"})
  int steps;

  private UsageProfile profile;
  private UsageProfile.Plan plan;
  private long probe;

  @Setup
  public void setUp() {
    List<UsageProfile.Step> s = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      s.add(new UsageProfile.Step(i * 10_000_000L, 500 + (i % 3) * 1000, 1_000_000L + i));
    }
    profile = new UsageProfile(s);
    plan = profile.plan(steps * 10_000_000L, 1000, 4_000_000L);
  }

  @Benchmark
  public UsageProfile.Plan planARun() {
    return profile.plan(steps * 10_000_000L, 1000, 4_000_000L);
  }

  @Benchmark
  public int stepAtASample() {
    probe = (probe + 7_777_777L) % (steps * 15_000_000L);
    return plan.stepAt(probe);
  }
}
