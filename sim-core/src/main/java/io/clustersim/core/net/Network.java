package io.clustersim.core.net;

import io.clustersim.core.kernel.Simulation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
  private long duplicated;
  // Faults on links, in the order they were added; expired ones are pruned as messages are sent.
  private final List<LinkFault> faults = new ArrayList<>();
  // Once delays vary, each link keeps its order (as TCP does): a message is delivered no earlier
  // than the one sent before it on the same link. Looked up only.
  private Map<String, Long> lastDelivery;

  private enum Kind {
    LOSS,
    DELAY,
    DUPLICATION
  }

  private record LinkFault(
      Kind kind, Link link, double rate, long extraMicros, long until, RandomGenerator random) {}

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

  /**
   * Sends {@code message}; it is delivered after the network delay unless dropped. Cost: O(1), plus
   * O(f) for f link faults in force.
   */
  public void send(String from, String to, Message message) {
    sent++;
    if (isolated.contains(from) || isolated.contains(to)) {
      dropped++;
      return;
    }
    long extra = 0;
    boolean duplicate = false;
    if (!faults.isEmpty()) {
      long now = sim.now();
      faults.removeIf(f -> f.until() <= now);
      for (LinkFault f : faults) {
        if (!f.link().carries(from, to)) {
          continue;
        }
        switch (f.kind()) {
          case LOSS -> {
            if (f.rate() > 0 && f.random().nextDouble() < f.rate()) {
              dropped++;
              return;
            }
          }
          case DELAY -> extra += f.extraMicros();
          case DUPLICATION -> duplicate |= f.rate() > 0 && f.random().nextDouble() < f.rate();
        }
      }
    }
    Endpoint target = endpoints.get(to);
    if (target == null) {
      // A process that has left (a framework torn down) no longer receives anything.
      dropped++;
      return;
    }
    long delay = delayMicros + extra;
    if (lastDelivery != null) {
      long at = Math.max(sim.now() + delay, lastDelivery.getOrDefault(from + ">" + to, 0L));
      lastDelivery.put(from + ">" + to, at);
      delay = at - sim.now();
    }
    deliver(from, to, target, message, delay);
    if (duplicate) {
      // The copy is a retransmission: it arrives one network delay after the original, outside
      // the link's order, as a stale resend would.
      duplicated++;
      deliver(from, to, target, message, delay + delayMicros);
    }
  }

  private void deliver(String from, String to, Endpoint target, Message message, long delay) {
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
   * Loses each message sent on {@code link} from now until {@code untilMicros} with probability
   * {@code rate}, drawing from {@code random} (a named stream of the run, so losses are
   * reproducible). Faults add up: each one in force may lose the message.
   */
  public void addLoss(Link link, double rate, long untilMicros, RandomGenerator random) {
    faults.add(new LinkFault(Kind.LOSS, link, rate, 0, untilMicros, random));
  }

  /**
   * Delays every message sent on {@code link} from now until {@code untilMicros} by {@code
   * extraMicros} more (a congested link): messages keep their order on each link, and one sent
   * after the window may overtake those still in flight on other links. Delays in force add up.
   */
  public void addDelay(Link link, long extraMicros, long untilMicros) {
    if (lastDelivery == null) {
      lastDelivery = new HashMap<>();
    }
    faults.add(new LinkFault(Kind.DELAY, link, 0, extraMicros, untilMicros, null));
  }

  /**
   * Delivers each message sent on {@code link} from now until {@code untilMicros} twice with
   * probability {@code rate}, the copy one network delay after the original.
   */
  public void addDuplication(Link link, double rate, long untilMicros, RandomGenerator random) {
    faults.add(new LinkFault(Kind.DUPLICATION, link, rate, 0, untilMicros, random));
  }

  /** Messages sent so far. */
  public long sent() {
    return sent;
  }

  /** Messages dropped so far. */
  public long dropped() {
    return dropped;
  }

  /** Messages delivered twice so far. */
  public long duplicated() {
    return duplicated;
  }
}
