package io.clustersim.core.scenario;

import io.clustersim.core.kernel.RandomStreams;
import io.clustersim.core.kernel.SimTime;
import io.clustersim.core.net.Link;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Random faults, drawn from the run's seed: {@code --chaos crash_agent=2/h,partition=1/h,
 * crash_framework=1/h,drop_messages=0.01}. Agent faults come per agent as a Poisson process at the
 * given rate (per agent and per second, minute, hour or day); an agent has one fault at a time: a
 * crashed agent restarts after 1 to 10 minutes, a partition heals after 10 seconds to 5 minutes
 * (uniform), and its next fault is drawn from then on. Scheduler crashes come the same way per
 * framework, each back after 10 seconds to 5 minutes; {@code crash_master} crashes the leader at
 * that rate, the crashed master back as a standby after 10 seconds to 5 minutes. {@code
 * drop_messages} loses each message with that probability for the whole run, {@code
 * duplicate_messages} delivers each one twice. The faults join the scenario's own, in time order.
 */
public final class Chaos {
  /** The kinds and what their value is. */
  public static final Map<String, String> KINDS =
      Map.of(
          "crash_agent", "a rate per agent, like 2/h",
          "partition", "a rate per agent, like 1/h",
          "crash_framework", "a rate per framework, like 1/h",
          "crash_master", "a rate for the cluster, like 1/h",
          "drop_messages", "a probability from 0 to 1",
          "duplicate_messages", "a probability from 0 to 1");

  private final Map<String, Double> rates;

  private Chaos(Map<String, Double> rates) {
    this.rates = rates;
  }

  /** Parses a spec; a bad one throws {@link IllegalArgumentException} naming the part. */
  public static Chaos parse(String spec) {
    Map<String, Double> rates = new LinkedHashMap<>();
    for (String part : spec.split(",")) {
      String[] kv = part.trim().split("=", 2);
      String kind = kv[0].trim();
      if (!KINDS.containsKey(kind)) {
        throw new IllegalArgumentException(
            "--chaos: unknown fault kind '"
                + kind
                + "' (known: crash_agent, partition, crash_framework, crash_master,"
                + " drop_messages, duplicate_messages)");
      }
      if (kv.length != 2 || kv[1].isBlank()) {
        throw new IllegalArgumentException("--chaos: " + kind + " needs " + KINDS.get(kind));
      }
      String v = kv[1].trim();
      double value;
      try {
        if (kind.endsWith("_messages")) {
          value = Double.parseDouble(v);
          if (!(value >= 0 && value <= 1)) {
            throw new NumberFormatException();
          }
        } else {
          String[] rate = v.split("/", 2);
          double per = rate.length == 1 ? 3600 : SimTime.parseDuration("1" + rate[1].trim()) / 1e6;
          value = Double.parseDouble(rate[0].trim()) / per;
          if (!(value >= 0) || Double.isInfinite(value)) {
            throw new NumberFormatException();
          }
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--chaos: " + kind + "=" + v + ": not " + KINDS.get(kind));
      }
      rates.put(kind, value);
    }
    return new Chaos(rates);
  }

  /** {@code scenario} with this chaos's faults for its seed; it must have a duration. */
  public Scenario addTo(Scenario scenario) {
    if (scenario.durationMicros() < 0) {
      throw new IllegalArgumentException("--chaos needs a duration (--duration or duration:)");
    }
    long end = scenario.durationMicros();
    RandomGenerator random = new RandomStreams(scenario.seed(), 0).stream("chaos");
    List<Scenario.Fault> faults = new ArrayList<>();
    double crash = rates.getOrDefault("crash_agent", 0.0);
    double partition = rates.getOrDefault("partition", 0.0);
    double total = crash + partition;
    if (total > 0) {
      ExponentialDistribution gap = new ExponentialDistribution(random, 1e6 / total);
      for (Scenario.Agent a : scenario.agents()) {
        long t = a.startMicros() + Math.round(gap.sample());
        while (t < end) {
          long down;
          if (random.nextDouble() * total < crash) {
            down = uniform(random, 60, 600);
            faults.add(new Scenario.Fault.CrashAgent(t, a.id(), down));
          } else {
            down = uniform(random, 10, 300);
            faults.add(new Scenario.Fault.Partition(t, List.of(a.id()), down));
          }
          t += down + Math.round(gap.sample());
        }
      }
    }
    double fwRate = rates.getOrDefault("crash_framework", 0.0);
    if (fwRate > 0) {
      ExponentialDistribution gap = new ExponentialDistribution(random, 1e6 / fwRate);
      for (Scenario.Framework f : scenario.frameworks()) {
        long t = f.startMicros() + Math.round(gap.sample());
        while (t < end) {
          long down = uniform(random, 10, 300);
          faults.add(new Scenario.Fault.CrashFramework(t, f.id(), down));
          t += down + Math.round(gap.sample());
        }
      }
    }
    double masterRate = rates.getOrDefault("crash_master", 0.0);
    if (masterRate > 0) {
      if (scenario.masters() < 2) {
        throw new IllegalArgumentException(
            "--chaos crash_master needs standby masters: set master.masters to 2 or more");
      }
      // Drawn last, so that adding it leaves the other kinds' faults as they were.
      ExponentialDistribution gap = new ExponentialDistribution(random, 1e6 / masterRate);
      long t = Math.round(gap.sample());
      while (t < end) {
        long down = uniform(random, 10, 300);
        faults.add(new Scenario.Fault.CrashMaster(t, "leader", down));
        t += Math.round(gap.sample());
      }
    }
    if (rates.getOrDefault("drop_messages", 0.0) > 0) {
      faults.add(
          new Scenario.Fault.DropMessages(0, rates.get("drop_messages"), SimTime.NEVER, Link.ALL));
    }
    if (rates.getOrDefault("duplicate_messages", 0.0) > 0) {
      faults.add(
          new Scenario.Fault.DuplicateMessages(
              0, rates.get("duplicate_messages"), SimTime.NEVER, Link.ALL));
    }
    return faults.isEmpty() ? scenario : scenario.withFaults(faults);
  }

  /** Whole milliseconds from {@code lo} to {@code hi} seconds, in microseconds. */
  private static long uniform(RandomGenerator random, int lo, int hi) {
    return (lo * 1000L + (long) (random.nextDouble() * (hi - lo) * 1000)) * 1000;
  }
}
