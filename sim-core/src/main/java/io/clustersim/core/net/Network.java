package io.clustersim.core.net;

import io.clustersim.core.kernel.Simulation;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The one simulated network that every message crosses. A message sent at time t is delivered at t
 * + delay, in send order among messages due at the same instant. Messages to or from an isolated
 * address are dropped, which is how partitions are modelled; a crashed process simply ignores what
 * it receives.
 *
 * <p>The maps here are only looked up, never iterated, so their hash order cannot reach the output.
 */
public final class Network {
  private final Simulation sim;
  private final long delayMicros;
  private final Map<String, Endpoint> endpoints = new HashMap<>();
  private final Set<String> isolated = new HashSet<>();
  private long sent;
  private long dropped;
  private double lossRate;
  private long lossUntil;
  private RandomGenerator lossRandom;
  private long extraDelayMicros;
  private long extraDelayUntil;
  // Once delays vary, each link keeps its order (as TCP does): a message is delivered no earlier
  // than the one sent before it on the same link. Looked up only.
  private Map<String, Long> lastDelivery;

  /** A network on {@code sim} with a fixed one-way delivery delay. */
  public Network(Simulation sim, long delayMicros) {
    if (delayMicros < 0) {
      throw new IllegalArgumentException("negative network delay");
    }
    this.sim = sim;
    this.delayMicros = delayMicros;
  }

  /** Makes {@code endpoint} reachable at its address. */
  public void attach(Endpoint endpoint) {
    endpoints.put(endpoint.address(), endpoint);
  }

  /** Nobody listens at {@code address} any more: messages sent to it from now on are lost. */
  public void detach(String address) {
    endpoints.remove(address);
  }

  /** Cuts {@code address} off: messages to and from it are dropped until {@link #heal}. */
  public void isolate(String address) {
    isolated.add(address);
  }

  /** Reconnects {@code address}. */
  public void heal(String address) {
    isolated.remove(address);
  }

  /** Sends {@code message}; it is delivered after the network delay unless dropped. */
  public void send(String from, String to, Message message) {
    sent++;
    if (isolated.contains(from) || isolated.contains(to)) {
      dropped++;
      return;
    }
    if (lossRate > 0 && sim.now() < lossUntil && lossRandom.nextDouble() < lossRate) {
      dropped++;
      return;
    }
    Endpoint target = endpoints.get(to);
    if (target == null) {
      // A process that has left (a framework torn down) no longer receives anything.
      dropped++;
      return;
    }
    long delay = delayMicros + (sim.now() < extraDelayUntil ? extraDelayMicros : 0);
    if (lastDelivery != null) {
      long at = Math.max(sim.now() + delay, lastDelivery.getOrDefault(from + ">" + to, 0L));
      lastDelivery.put(from + ">" + to, at);
      delay = at - sim.now();
    }
    sim.after(
        delay,
        Simulation.PRIORITY_MESSAGE,
        () -> {
          // The link may have been cut while the message was in flight.
          if (isolated.contains(from) || isolated.contains(to)) {
            dropped++;
          } else {
            target.receive(from, message);
          }
        });
  }

  /**
   * Loses each message sent from now until {@code untilMicros} with probability {@code rate},
   * drawing from {@code random} (a named stream of the run, so losses are reproducible).
   */
  public void setLoss(double rate, long untilMicros, RandomGenerator random) {
    this.lossRate = rate;
    this.lossUntil = untilMicros;
    this.lossRandom = random;
  }

  /**
   * Delays every message sent from now until {@code untilMicros} by {@code extraMicros} more (a
   * congested network): messages keep their order among themselves, and one sent after the window
   * may overtake those still in flight.
   */
  public void setExtraDelay(long extraMicros, long untilMicros) {
    if (lastDelivery == null) {
      lastDelivery = new HashMap<>();
    }
    this.extraDelayMicros = extraMicros;
    this.extraDelayUntil = untilMicros;
  }

  /** Messages sent so far. */
  public long sent() {
    return sent;
  }

  /** Messages dropped so far. */
  public long dropped() {
    return dropped;
  }
}
