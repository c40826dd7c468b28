package io.clustersim.core.container;

import java.util.Map;

/**
 * Start-up costs of the containerizers (the scenario's {@code containers:} section). A container
 * starts after its containerizer's fixed latency, plus the pull of its image when the agent has not
 * pulled it yet: image size / pull bandwidth.
 *
 * @param mesosStartupMicros latency of a Mesos container
 * @param dockerStartupMicros latency of a docker container (daemon create and start)
 * @param pullMibPerSecond image pull bandwidth of one agent, MiB/s
 * @param defaultImageMib size of an image not listed in {@code imageMib}
 * @param imageMib image sizes, MiB
 */
public record ContainerSettings(
    long mesosStartupMicros,
    long dockerStartupMicros,
    double pullMibPerSecond,
    double defaultImageMib,
    Map<String, Double> imageMib) {
  /**
   * The defaults: no latency for a Mesos container (so that runs without containers keep their
   * timing), 1 s for docker, 100 MiB/s and 500 MiB images. These are our assumptions, not Mesos
   * figures: set them from measurements of the cluster being modelled.
   */
  public static final ContainerSettings DEFAULT =
      new ContainerSettings(0, 1_000_000, 100, 500, Map.of());

  /** Latency of {@code type}'s containerizer before the image pull. */
  public long startupMicros(String type) {
    return type.equals("docker") ? dockerStartupMicros : mesosStartupMicros;
  }

  /** How long pulling {@code image} takes. */
  public long pullMicros(String image) {
    double mib = imageMib.getOrDefault(image, defaultImageMib);
    return Math.round(mib / pullMibPerSecond * 1e6);
  }
}
