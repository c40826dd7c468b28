package io.clustersim.core.kernel;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The only source of randomness in a run: independent streams named by component.
 *
 * <p>Each stream's seed is the SHA-256 of (seed, run, name), in the manner of ns-3's (seed, run,
 * stream) triple, so adding a component never perturbs the numbers another component draws.
 */
public final class RandomStreams {
  private final long seed;
  private final int run;

  /** Streams of one run of one seed. */
  public RandomStreams(long seed, int run) {
    this.seed = seed;
    this.run = run;
  }

  /** The run's seed. */
  public long seed() {
    return seed;
  }

  /** A fresh generator for {@code name}; the same name always yields the same sequence. */
  public RandomGenerator stream(String name) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(ByteBuffer.allocate(12).putLong(seed).putInt(run).array());
      sha.update(name.getBytes(StandardCharsets.UTF_8));
      ByteBuffer digest = ByteBuffer.wrap(sha.digest());
      int[] words = new int[8];
      for (int i = 0; i < words.length; i++) {
        words[i] = digest.getInt();
      }
      return new Well19937c(words);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}
