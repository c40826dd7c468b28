package io.clustersim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.clustersim.allocators.Policies;
import io.clustersim.core.kernel.SimTime;
import io.clustersim.core.scenario.Scenario;
import io.clustersim.core.scenario.ScenarioException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code clustersim shrink}: delta debugging of a failing scenario. It works on the file's own
 * tree: drops list entries (agents, frameworks, actions, faults) by Zeller's ddmin, halves counts
 * (agent groups, batch tasks, service instances) and the duration, and keeps each change after
 * which the run with the given seed still fails the same way (the same broken invariant, or the
 * same expectation). A change that makes the file invalid (an action naming a dropped agent) is
 * simply not kept.
 */
@Command(
    name = "shrink",
    mixinStandardHelpOptions = true,
    description = {
      "Shrink a scenario that fails with a seed (an invariant or an expectation) to a smaller one"
          + " that fails the same way: entries of agents, frameworks, actions and faults are"
          + " dropped, counts and the duration halved, while the failure persists.",
      "Writes the smaller scenario and says how many runs it took. Exit 0 when written, 1 when"
          + " the run budget ran out first (the best so far is written), 2 when the scenario"
          + " does not fail with that seed."
    })
final class ShrinkCommand implements Callable<Integer> {
  private static final List<String> LISTS = List.of("actions", "faults", "frameworks", "agents");

  @Option(
      names = "--scenario",
      paramLabel = "FILE",
      required = true,
      description = "The failing scenario.")
  Path file;

  @Option(
      names = "--seed",
      paramLabel = "S",
      required = true,
      description = "The seed it fails with.")
  long seed;

  @Option(
      names = "--policy",
      paramLabel = "NAME",
      description = "Policy, overriding the scenario's.")
  String policy;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Where to write the smaller scenario (default: FILE-shrunk.yaml beside it).")
  Path out;

  @Option(
      names = "--max-runs",
      paramLabel = "N",
      description = "Give up after this many runs (default 2000).")
  int maxRuns = 2000;

  private final YAMLMapper yaml =
      new YAMLMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
  private int runs;
  private String signature;

  @Override
  public Integer call() {
    ObjectNode root;
    try {
      JsonNode tree = yaml.readTree(Files.readString(file, StandardCharsets.UTF_8));
      if (!(tree instanceof ObjectNode o)) {
        throw new IllegalArgumentException(file + ": not a scenario (expected a mapping)");
      }
      root = o;
      if (root.has("workload")) {
        throw new IllegalArgumentException(
            file + ": shrink works on scenarios without a trace workload");
      }
      if (policy != null && !Policies.names().contains(policy)) {
        throw new IllegalArgumentException(
            "--policy: unknown policy '"
                + policy
                + "' (known: "
                + String.join(", ", Policies.names())
                + ")");
      }
      ScenarioRun.load(file); // bad input is reported as for run
    } catch (IOException e) {
      System.err.println("clustersim: cannot read " + file + ": " + e.getMessage());
      return Main.BAD_INPUT;
    } catch (ScenarioException | IllegalArgumentException e) {
      System.err.println("clustersim: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    signature = failure(root);
    if (signature == null) {
      System.err.printf(
          "clustersim: %s does not fail with seed %d: nothing to shrink%n", file, seed);
      return Main.BAD_INPUT;
    }
    String before = size(root);
    boolean progress = true;
    while (progress && runs < maxRuns) {
      progress = false;
      for (String list : LISTS) {
        progress |= ddmin(root, list);
      }
      progress |= halveCounts(root);
      progress |= halveDuration(root);
    }
    // The file reproduces on its own: the seed and the policy it failed with go into it.
    root.put("seed", seed);
    if (policy != null) {
      if (!(root.get("allocator") instanceof ObjectNode)) {
        root.putObject("allocator");
      }
      ((ObjectNode) root.get("allocator")).put("policy", policy);
    }
    Path target = out != null ? out : defaultOut(file);
    try {
      Path parent = target.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(
          target,
          "# shrunk by clustersim shrink from "
              + file.getFileName()
              + " (seed "
              + seed
              + "): "
              + signature
              + "\n"
              + yaml.writeValueAsString(root),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      System.err.println("clustersim: --out: cannot write " + target + ": " + e.getMessage());
      return Main.BAD_INPUT;
    }
    System.out.printf(
        "shrunk in %d runs: %s -> %s; still fails (%s); written to %s%n",
        runs, before, size(root), signature, target);
    return runs >= maxRuns ? Main.INVARIANT : 0;
  }

  private static Path defaultOut(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    return file.resolveSibling(stem + "-shrunk.yaml");
  }

  /** The failure's kind with a fixed part of its text, or null if the run passes or is invalid. */
  private String failure(ObjectNode candidate) {
    runs++;
    Scenario s;
    try {
      s = ScenarioRun.loader().parse(file.toString(), yaml.writeValueAsString(candidate));
    } catch (ScenarioException | IOException | IllegalArgumentException e) {
      return null;
    }
    s = s.withSeed(seed);
    if (policy != null) {
      s = s.withPolicy(policy);
    }
    ExploreCommand.Finding f = ExploreCommand.runOne(s, seed);
    if (f.kind() == null) {
      return null;
    }
    // An invariant's message names ids and amounts that change as the scenario shrinks.
    return f.kind().equals("invariant")
        ? "invariant violated"
        : "expectation " + f.detail().substring(0, f.detail().indexOf(':'));
  }

  private boolean stillFails(ObjectNode candidate) {
    return runs < maxRuns && signature.equals(failure(candidate));
  }

  /** Zeller's ddmin over the entries of list {@code key}; true if it dropped any. */
  private boolean ddmin(ObjectNode root, String key) {
    if (!(root.get(key) instanceof ArrayNode list) || list.isEmpty()) {
      return false;
    }
    boolean changed = false;
    ObjectNode none = root.deepCopy();
    none.remove(key);
    if (stillFails(none)) {
      root.remove(key);
      return true;
    }
    int n = 2;
    while (list.size() >= 2 && runs < maxRuns) {
      int size = list.size();
      int chunk = (size + n - 1) / n;
      boolean reduced = false;
      for (int start = 0; start < size && !reduced; start += chunk) {
        ArrayNode complement = list.arrayNode();
        for (int i = 0; i < size; i++) {
          if (i < start || i >= start + chunk) {
            complement.add(list.get(i).deepCopy());
          }
        }
        ObjectNode candidate = root.deepCopy();
        candidate.set(key, complement);
        if (stillFails(candidate)) {
          root.set(key, complement);
          list = complement;
          n = Math.max(n - 1, 2);
          reduced = true;
          changed = true;
        }
      }
      if (!reduced) {
        if (n >= size) {
          break;
        }
        n = Math.min(2 * n, size);
      }
    }
    return changed;
  }

  /** Halves agent counts, batch task counts and service instances while the failure persists. */
  private boolean halveCounts(ObjectNode root) {
    boolean changed = false;
    List<String[]> paths = new ArrayList<>();
    paths.add(new String[] {"agents", "count"});
    paths.add(new String[] {"frameworks", "tasks", "count"});
    paths.add(new String[] {"frameworks", "service", "instances"});
    for (String[] p : paths) {
      if (!(root.get(p[0]) instanceof ArrayNode list)) {
        continue;
      }
      for (int i = 0; i < list.size(); i++) {
        while (runs < maxRuns) {
          ObjectNode holder = holder(list.get(i), p);
          String field = p[p.length - 1];
          if (holder == null || !holder.has(field) || holder.get(field).asLong() <= 1) {
            break;
          }
          long half = holder.get(field).asLong() / 2;
          ObjectNode candidate = root.deepCopy();
          holder(((ArrayNode) candidate.get(p[0])).get(i), p).put(field, half);
          if (!stillFails(candidate)) {
            break;
          }
          holder.put(field, half);
          changed = true;
        }
      }
    }
    return changed;
  }

  private static ObjectNode holder(JsonNode entry, String[] path) {
    JsonNode n = entry;
    for (int k = 1; k < path.length - 1; k++) {
      n = n == null ? null : n.get(path[k]);
    }
    return n instanceof ObjectNode o ? o : null;
  }

  /** Halves the duration (in whole seconds, down to 1 s) while the failure persists. */
  private boolean halveDuration(ObjectNode root) {
    boolean changed = false;
    while (root.has("duration") && runs < maxRuns) {
      long micros;
      try {
        micros = SimTime.parseDuration(root.get("duration").asText());
      } catch (IllegalArgumentException e) {
        return changed;
      }
      long halfSeconds = micros / 2_000_000;
      if (halfSeconds < 1) {
        return changed;
      }
      ObjectNode candidate = root.deepCopy();
      candidate.put("duration", halfSeconds + "s");
      if (!stillFails(candidate)) {
        return changed;
      }
      root.put("duration", halfSeconds + "s");
      changed = true;
    }
    return changed;
  }

  /** Agents and frameworks counted with their counts, and the other lists' lengths. */
  private static String size(ObjectNode root) {
    long agents = 0;
    if (root.get("agents") instanceof ArrayNode a) {
      for (JsonNode n : a) {
        agents += n.has("count") ? n.get("count").asLong() : 1;
      }
    }
    int frameworks = root.get("frameworks") instanceof ArrayNode f ? f.size() : 0;
    int actions = root.get("actions") instanceof ArrayNode ac ? ac.size() : 0;
    int faults = root.get("faults") instanceof ArrayNode fa ? fa.size() : 0;
    return agents
        + " agents, "
        + frameworks
        + " frameworks, "
        + actions
        + " actions, "
        + faults
        + " faults, duration "
        + (root.has("duration") ? root.get("duration").asText() : "none");
  }
}
