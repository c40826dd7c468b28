package io.clustersim.bench;

import io.clustersim.core.kernel.Simulation;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Kernel throughput in events per second with 1k, 100k and 1M events pending, next to a bare binary
 * heap of primitive longs doing the same hold-model work (pop the earliest, push one at a later
 * random time), which is the practical limit for any event queue on this machine.
 *
 * <p>Each operation is one event: the kernel pops it, runs its action, and the action schedules its
 * successor, so the number pending stays constant, as in a steady-state simulation.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// Parallel GC, as the clustersim launcher runs: G1's write barrier on every reference store into
// the kernel's action array (a fence and a card-table enqueue when the store crosses regions) costs
// more than the rest of the event at a million pending.
@Fork(
    value = 1,
    jvmArgsAppend = {"-XX:+UseParallelGC"})
@State(Scope.Thread)
public class KernelBenchmark {
  private static final int BATCH = 100_000;

  @Param({"1000", "100000", "1000000"})
  int pending;

  /**
   * How far ahead each event schedules its successor, uniformly: up to 1 s puts a million pending
   * events about one per microsecond, so equal times (which the kernel must order by priority and
   * sequence, and the bare heap need not) are common; up to 2000 s makes them rare.
   */
  @Param({"1s", "2000s"})
  String spread;

  private int range;

  private Simulation sim;
  private Runnable hold;
  private SplittableRandom random;
  private long[] heap;
  private int size;

  @Setup(Level.Trial)
  public void setUp() {
    range = spread.equals("2000s") ? 2_000_000_000 : 1_000_000;
    random = new SplittableRandom(42);
    sim = new Simulation();
    hold =
        new Runnable() {
          @Override
          public void run() {
            sim.after(1 + random.nextInt(range), Simulation.PRIORITY_MESSAGE, this);
          }
        };
    for (int i = 0; i < pending; i++) {
      sim.schedule(random.nextInt(range), Simulation.PRIORITY_MESSAGE, hold);
    }
    heap = new long[pending];
    size = 0;
    SplittableRandom r = new SplittableRandom(42);
    for (int i = 0; i < pending; i++) {
      push(r.nextInt(range));
    }
  }

  /** The kernel: {@value #BATCH} events per invocation. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long kernel() {
    for (int i = 0; i < BATCH; i++) {
      sim.step();
    }
    return sim.now();
  }

  /** A bare primitive binary heap doing the same pop-then-push per event. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long bareHeap() {
    long now = 0;
    for (int i = 0; i < BATCH; i++) {
      now = pop();
      push(now + 1 + random.nextInt(range));
    }
    return now;
  }

  private void push(long key) {
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (heap[parent] <= key) {
        break;
      }
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = key;
  }

  private long pop() {
    long top = heap[0];
    long last = heap[--size];
    int i = 0;
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      if (child + 1 < size && heap[child + 1] < heap[child]) {
        child++;
      }
      if (heap[child] >= last) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    if (size > 0) {
      heap[i] = last;
    }
    return top;
  }
}
