package io.clustersim.core.allocator;

import io.clustersim.core.kernel.Simulation;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * What the master gives its allocator: the clock and timers, its own random stream, its options and
 * the sink its offers leave through.
 *
 * @param simulation the kernel, for {@code now()} and timers at {@link Simulation#PRIORITY_TIMER}
 * @param random the allocator's own random stream
 * @param options allocation settings
 * @param sink where offers go
 */
public record AllocatorContext(
    Simulation simulation, RandomGenerator random, AllocatorOptions options, OfferSink sink) {
  /** Current simulated time in microseconds. */
  public long now() {
    return simulation.now();
  }

  /** Runs {@code action} after {@code delayMicros}, ordered among the master's timers. */
  public long after(long delayMicros, Runnable action) {
    return simulation.after(delayMicros, Simulation.PRIORITY_TIMER, action);
  }
}
