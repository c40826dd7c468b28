package io.clustersim.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {
  private static long[] draw(RandomGenerator r) {
    long[] out = new long[8];
    for (int i = 0; i < out.length; i++) {
      out[i] = r.nextLong();
    }
    return out;
  }

  @Test
  void sameSeedRunAndNameGiveTheSameSequence() {
    assertArrayEquals(
        draw(new RandomStreams(42, 0).stream("allocator")),
        draw(new RandomStreams(42, 0).stream("allocator")));
  }

  @Test
  void streamsAreIndependentOfEachOtherAndOfOrderOfCreation() {
    RandomStreams s = new RandomStreams(42, 0);
    long[] first = draw(s.stream("network"));
    s.stream("something-else").nextLong();
    // Another component drawing does not perturb this one.
    assertArrayEquals(first, draw(new RandomStreams(42, 0).stream("network")));
    assertFalse(Arrays.equals(first, draw(s.stream("allocator"))));
  }

  @Test
  void seedAndRunChangeTheSequence() {
    long[] base = draw(new RandomStreams(42, 0).stream("x"));
    assertFalse(Arrays.equals(base, draw(new RandomStreams(43, 0).stream("x"))));
    assertFalse(Arrays.equals(base, draw(new RandomStreams(42, 1).stream("x"))));
  }
}
