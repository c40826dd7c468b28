package io.clustersim.core.scenario;

import io.clustersim.core.container.AgentRuntime;
import io.clustersim.core.container.ContainerSettings;
import io.clustersim.core.container.ContainerSpec;
import io.clustersim.core.container.Oversubscription;
import io.clustersim.core.container.OversubscriptionPolicies;
import io.clustersim.core.container.UsageProfile;
import io.clustersim.core.resources.Resource;
import io.clustersim.core.resources.Resources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the parts of a scenario about what runs inside agents: {@code machine_types}, {@code
 * containers}, {@code monitor}, {@code oversubscription}, and a task's {@code container}, {@code
 * usage} and a framework's {@code constraints}.
 */
final class RuntimeReader {
  private static final long SECOND = 1_000_000L;

  private final NodeReader in;

  RuntimeReader(NodeReader in) {
    this.in = in;
  }

  /**
   * A machine type: resources, attributes and containerizers that agents of the type share.
   *
   * @param resources its resources
   * @param attributes its attributes ({@code gpu_model} included when given)
   * @param containerizers its containerizers, or null for the agent's default
   */
  record MachineType(
      Resources resources, Map<String, String> attributes, List<String> containerizers) {}

  Map<String, MachineType> machineTypes(Node n) {
    Map<String, MachineType> types = new LinkedHashMap<>();
    if (n == null) {
      return types;
    }
    for (Node t : in.list(n)) {
      Node.MapNode m = in.map(t);
      in.allowOnly(m, "name", "resources", "attributes", "gpu_model", "containerizers");
      Node nameNode = in.require(m, "name");
      String name = in.string(nameNode);
      if (types.containsKey(name)) {
        throw in.error(nameNode, "machine type '" + name + "' is defined twice");
      }
      Map<String, String> attributes = attributes(in.get(m, "attributes"));
      if (in.get(m, "gpu_model") != null) {
        attributes.put("gpu_model", in.string(in.get(m, "gpu_model")));
      }
      types.put(
          name,
          new MachineType(
              in.resources(in.require(m, "resources"), Resource.UNRESERVED),
              attributes,
              in.get(m, "containerizers") == null
                  ? null
                  : containerizers(in.get(m, "containerizers"))));
    }
    return types;
  }

  Map<String, String> attributes(Node n) {
    Map<String, String> attributes = new TreeMap<>();
    if (n != null) {
      for (Map.Entry<String, Node> e : in.map(n).entries().entrySet()) {
        attributes.put(e.getKey(), in.string(e.getValue()));
      }
    }
    return attributes;
  }

  List<String> containerizers(Node n) {
    List<String> names = in.strings(n);
    if (names.isEmpty()) {
      throw in.error(n, "an agent needs at least one containerizer");
    }
    for (String c : names) {
      if (!ContainerSpec.TYPES.contains(c)) {
        throw in.error(
            n,
            "unknown containerizer '"
                + c
                + "' (known: "
                + String.join(", ", ContainerSpec.TYPES)
                + ")");
      }
    }
    return List.copyOf(names);
  }

  AgentRuntime runtime(Node containers, Node monitor, Node oversubscription) {
    ContainerSettings settings = ContainerSettings.DEFAULT;
    if (containers != null) {
      Node.MapNode m = in.map(containers);
      in.allowOnly(m, "mesos", "docker", "pull_bandwidth", "default_image_size", "images");
      long mesos = startup(m, "mesos", settings.mesosStartupMicros());
      long docker = startup(m, "docker", settings.dockerStartupMicros());
      double bandwidth =
          in.get(m, "pull_bandwidth") == null
              ? settings.pullMibPerSecond()
              : in.number(in.get(m, "pull_bandwidth"), 1e-6, 1e12);
      double defaultSize =
          in.get(m, "default_image_size") == null
              ? settings.defaultImageMib()
              : in.number(in.get(m, "default_image_size"), 0, 1e12);
      Map<String, Double> sizes = new TreeMap<>();
      if (in.get(m, "images") != null) {
        for (Map.Entry<String, Node> e : in.map(in.get(m, "images")).entries().entrySet()) {
          sizes.put(e.getKey(), in.number(e.getValue(), 0, 1e12));
        }
      }
      settings = new ContainerSettings(mesos, docker, bandwidth, defaultSize, sizes);
    }
    long monitorInterval = 0;
    if (monitor != null) {
      Node.MapNode m = in.map(monitor);
      in.allowOnly(m, "interval");
      monitorInterval = positive(m, "interval", 15 * SECOND);
    }
    Oversubscription over = null;
    if (oversubscription != null) {
      over = oversubscription(in.map(oversubscription));
    }
    return new AgentRuntime(settings, monitorInterval, over);
  }

  private long startup(Node.MapNode m, String type, long fallback) {
    Node n = in.get(m, type);
    if (n == null) {
      return fallback;
    }
    Node.MapNode c = in.map(n);
    in.allowOnly(c, "startup");
    return in.duration(c, "startup", fallback);
  }

  private long positive(Node.MapNode m, String key, long fallback) {
    long d = in.duration(m, key, fallback);
    if (d <= 0) {
      throw in.error(in.get(m, key), "'" + key + "' must be above 0");
    }
    return d;
  }

  private Oversubscription oversubscription(Node.MapNode m) {
    in.allowOnly(
        m, "estimator", "qos_controller", "interval", "qos_interval", "safety_margin", "fixed");
    String estimator = known(m, "estimator", "estimator", OversubscriptionPolicies.estimators());
    String controller =
        known(m, "qos_controller", "QoS controller", OversubscriptionPolicies.controllers());
    return new Oversubscription(
        OversubscriptionPolicies.estimator(estimator),
        OversubscriptionPolicies.controller(controller),
        positive(m, "interval", 15 * SECOND),
        positive(m, "qos_interval", SECOND),
        cpus(in.get(m, "safety_margin"), 0),
        cpus(in.get(m, "fixed"), 0));
  }

  /** The name under {@code key}, one of {@code names} (the first when absent). */
  private String known(Node.MapNode m, String key, String what, List<String> names) {
    String name = in.string(m, key, names.get(0));
    if (!names.contains(name)) {
      throw in.error(
          in.get(m, key),
          "unknown " + what + " '" + name + "' (known: " + String.join(", ", names) + ")");
    }
    return name;
  }

  /** The {@code cpus} of a resource map (the only resource oversubscribed), in thousandths. */
  private long cpus(Node n, long fallback) {
    if (n == null) {
      return fallback;
    }
    Resources r = in.resources(n, Resource.UNRESERVED);
    if (!r.filter(e -> !e.name().equals("cpus")).isEmpty()) {
      throw in.error(n, "only cpus are oversubscribed (compressible), not " + r);
    }
    return r.milli("cpus");
  }

  ContainerSpec container(Node n) {
    if (n == null) {
      return ContainerSpec.MESOS;
    }
    Node.MapNode m = in.map(n);
    in.allowOnly(m, "type", "image");
    Node typeNode = in.require(m, "type");
    String type = in.string(typeNode);
    String image = in.get(m, "image") == null ? null : in.string(in.get(m, "image"));
    try {
      return new ContainerSpec(type, image);
    } catch (IllegalArgumentException e) {
      throw in.error(image == null && type.equals("docker") ? n : typeNode, e.getMessage());
    }
  }

  /**
   * A usage profile: steps {@code {at, cpus, mem}}; a step leaves out what does not change, and
   * what the first step leaves out is the task's request.
   */
  UsageProfile usage(Node n, Resources request) {
    if (n == null) {
      return null;
    }
    List<UsageProfile.Step> steps = new ArrayList<>();
    long cpus = request.milli("cpus");
    long mem = request.milli("mem");
    long last = -1;
    for (Node s : in.list(n)) {
      Node.MapNode m = in.map(s);
      in.allowOnly(m, "at", "cpus", "mem");
      long at = in.duration(in.require(m, "at"));
      if (at <= last) {
        throw in.error(in.get(m, "at"), "usage steps must be in increasing time");
      }
      last = at;
      if (in.get(m, "cpus") != null) {
        cpus = Resources.toMilli("cpus", in.number(in.get(m, "cpus"), 0, 1e9));
      }
      if (in.get(m, "mem") != null) {
        mem = Resources.toMilli("mem", in.number(in.get(m, "mem"), 0, 1e15));
      }
      steps.add(new UsageProfile.Step(at, cpus, mem));
    }
    return new UsageProfile(steps);
  }
}
