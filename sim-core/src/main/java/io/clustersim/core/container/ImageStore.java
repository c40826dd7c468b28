package io.clustersim.core.container;

import java.util.HashMap;
import java.util.Map;

/**
 * One agent's images, per containerizer (the docker daemon's and the Mesos provisioner's stores are
 * separate): an image is pulled on its first use and cached from then on; a container that needs an
 * image still being pulled waits for that pull rather than starting another, as both stores do.
 * Pulls of different images do not slow each other (a simplification). O(1) per container.
 */
public final class ImageStore {
  // Looked up only; never iterated.
  private final Map<String, Long> readyAt = new HashMap<>();

  /** The outcome of asking for an image: when it is there, and whether this request pulls it. */
  public record Fetch(long readyAtMicros, boolean pulls) {}

  /** {@code image} for a {@code type} container at {@code now}. */
  public Fetch fetch(String type, String image, long now, ContainerSettings settings) {
    String key = type + " " + image;
    Long ready = readyAt.get(key);
    if (ready != null) {
      return new Fetch(Math.max(now, ready), false);
    }
    long at = now + settings.pullMicros(image);
    readyAt.put(key, at);
    return new Fetch(at, true);
  }

  /** A restarted agent keeps its images on disk: nothing to do. A wiped one forgets them. */
  public void clear() {
    readyAt.clear();
  }
}
