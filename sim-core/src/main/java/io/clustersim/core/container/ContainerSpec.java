package io.clustersim.core.container;

import java.util.List;

/**
 * How a task is containerized: by the {@code mesos} or the {@code docker} containerizer, with an
 * image or without (a Mesos container without an image runs on the agent's own filesystem).
 *
 * @param type {@code mesos} or {@code docker}
 * @param image the image, or null (a docker container always has one)
 */
public record ContainerSpec(String type, String image) {
  /** The containerizers an agent may run. */
  public static final List<String> TYPES = List.of("mesos", "docker");

  /** The Mesos agent's default {@code --containerizers}. */
  public static final List<String> AGENT_DEFAULT = List.of("mesos");

  /** A plain Mesos container: what a task without a {@code container} gets. */
  public static final ContainerSpec MESOS = new ContainerSpec("mesos", null);

  /** Checks the type and that a docker container names its image. */
  public ContainerSpec {
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException(
          "unknown containerizer '" + type + "' (known: " + String.join(", ", TYPES) + ")");
    }
    if (type.equals("docker") && image == null) {
      throw new IllegalArgumentException("a docker container needs an image");
    }
  }
}
