package io.clustersim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clustersim.core.kernel.SimTime;
import io.clustersim.core.net.Link;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --chaos}: random faults from the seed, one at a time per agent, at the asked rate. */
class ChaosTest {
  private static Scenario scenario(int agents, String duration, long seed) {
    StringBuilder yaml =
        new StringBuilder("seed: " + seed + "\nduration: " + duration + "\nagents:\n");
    yaml.append("  - {id: a, count: ").append(agents).append(", resources: {cpus: 1, mem: 1}}\n");
    return new ScenarioLoader(
            java.util.Set.of("drf"), java.util.Set.of("batch"), List.of("first-fit"))
        .parse("t.yaml", yaml.toString());
  }

  @Test
  void faultsComeFromTheSeedOneAtATimePerAgent() {
    Chaos chaos = Chaos.parse("crash_agent=6/h, partition=6/h, drop_messages=0.01");
    List<Scenario.Fault> a = chaos.addTo(scenario(4, "10h", 1)).faults();
    assertEquals(a, chaos.addTo(scenario(4, "10h", 1)).faults());
    assertNotEquals(a, chaos.addTo(scenario(4, "10h", 2)).faults());
    assertTrue(a.contains(new Scenario.Fault.DropMessages(0, 0.01, SimTime.NEVER, Link.ALL)));
    long[] freeAt = new long[4];
    long last = -1;
    for (Scenario.Fault f : a) {
      assertTrue(f.atMicros() >= last, "in time order");
      last = f.atMicros();
      assertTrue(f.atMicros() < 10 * 3600 * SimTime.SECONDS);
      if (f instanceof Scenario.Fault.CrashAgent c) {
        int i = Integer.parseInt(c.agentId().substring(2));
        assertTrue(c.atMicros() >= freeAt[i], "one fault at a time on " + c.agentId());
        assertTrue(c.restartAfterMicros() >= 60 * SimTime.SECONDS);
        assertTrue(c.restartAfterMicros() <= 600 * SimTime.SECONDS);
        freeAt[i] = c.atMicros() + c.restartAfterMicros();
      } else if (f instanceof Scenario.Fault.Partition p) {
        int i = Integer.parseInt(p.agentIds().get(0).substring(2));
        assertTrue(p.atMicros() >= freeAt[i], "one fault at a time on " + p.agentIds());
        assertTrue(p.healAfterMicros() >= 10 * SimTime.SECONDS);
        assertTrue(p.healAfterMicros() <= 300 * SimTime.SECONDS);
        freeAt[i] = p.atMicros() + p.healAfterMicros();
      }
    }
  }

  @Test
  void theRateIsPerAgentAndHour() {
    // One agent, 1 crash an hour while up, each down 5.5 min on average: a renewal process with a
    // mean cycle of 65.5 min, so about 1000 h / 65.5 min = 916 crashes in 1000 hours.
    long crashes =
        Chaos.parse("crash_agent=1/h").addTo(scenario(1, "1000h", 7)).faults().stream()
            .filter(f -> f instanceof Scenario.Fault.CrashAgent)
            .count();
    assertTrue(Math.abs(crashes - 916) < 92, "crashes " + crashes);
    long perMinute = Chaos.parse("partition=1/m").addTo(scenario(1, "10h", 7)).faults().size();
    // Mean cycle 1 min + 155 s: about 600 min / 3.58 min = 167.
    assertTrue(Math.abs(perMinute - 167) < 30, "partitions " + perMinute);
  }

  @Test
  void masterCrashesComeAtTheClusterRateEachBackAsAStandby() {
    // A Poisson process of 2 an hour over 1000 h: about 2000 crashes (standard deviation 45).
    Scenario three =
        new ScenarioLoader(java.util.Set.of("drf"), java.util.Set.of("batch"), List.of("first-fit"))
            .parse("t.yaml", "seed: 3\nduration: 1000h\nmaster: {masters: 3}\n");
    List<Scenario.Fault> crashes = Chaos.parse("crash_master=2/h").addTo(three).faults();
    assertTrue(Math.abs(crashes.size() - 2000) < 180, "crashes " + crashes.size());
    for (Scenario.Fault f : crashes) {
      Scenario.Fault.CrashMaster c = (Scenario.Fault.CrashMaster) f;
      assertTrue(c.restartAfterMicros() >= 10 * SimTime.SECONDS);
      assertTrue(c.restartAfterMicros() <= 300 * SimTime.SECONDS);
    }
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Chaos.parse("crash_master=1/h").addTo(scenario(1, "1h", 1)));
    assertTrue(e.getMessage().contains("master.masters to 2"), e.getMessage());
  }

  @Test
  void badSpecsAreNamed() {
    assertThrows(IllegalArgumentException.class, () -> Chaos.parse("meteor=1/h"));
    assertThrows(IllegalArgumentException.class, () -> Chaos.parse("crash_framework=-1/h"));
    assertThrows(IllegalArgumentException.class, () -> Chaos.parse("crash_agent=fast"));
    assertThrows(IllegalArgumentException.class, () -> Chaos.parse("drop_messages=2"));
    assertThrows(IllegalArgumentException.class, () -> Chaos.parse("partition"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Chaos.parse("crash_agent=1/h").addTo(scenario(1, "1h", 1).withDuration(-1)));
    assertTrue(e.getMessage().contains("needs a duration"), e.getMessage());
  }
}
