package io.clustersim.core.scenario;

import io.clustersim.core.allocator.AllocatorOptions;
import io.clustersim.core.allocator.Quota;
import io.clustersim.core.allocator.RoleConfig;
import io.clustersim.core.cluster.AgentProcess;
import io.clustersim.core.cluster.FrameworkProcess;
import io.clustersim.core.cluster.Master;
import io.clustersim.core.cluster.MasterConfig;
import io.clustersim.core.container.AgentRuntime;
import io.clustersim.core.container.ContainerSpec;
import io.clustersim.core.framework.Capability;
import io.clustersim.core.framework.Constraint;
import io.clustersim.core.framework.ExecutorInfo;
import io.clustersim.core.framework.Filters;
import io.clustersim.core.kernel.SimTime;
import io.clustersim.core.net.Link;
import io.clustersim.core.resources.Resource;
import io.clustersim.core.resources.Resources;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Loads and validates a scenario file (YAML, or JSON for {@code .json}) as {@code spec/scenario.md}
 * defines it. Every problem is a {@link ScenarioException} naming file, line, column and key: an
 * unknown key, a wrong type or unit, a negative duration, a dangling reference.
 */
public final class ScenarioLoader {
  private static final long SECOND = SimTime.SECONDS;

  private final Set<String> policies;
  private final Set<String> behaviours;
  private final List<String> placements;
  private final Set<String> traceFormats;
  private final List<String> groupings;
  private final List<String> tracePlacements;

  /**
   * A loader that accepts these policy, behaviour and placement names; the first placement is the
   * default.
   */
  public ScenarioLoader(Set<String> policies, Set<String> behaviours, List<String> placements) {
    this(policies, behaviours, placements, Set.of(), List.of());
  }

  /**
   * A loader that also accepts trace workloads of these formats, grouped by these keys (the
   * workloads module registers both).
   */
  public ScenarioLoader(
      Set<String> policies,
      Set<String> behaviours,
      List<String> placements,
      Set<String> traceFormats,
      List<String> groupings) {
    this(policies, behaviours, placements, traceFormats, groupings, List.of("first-fit"));
  }

  /** A loader that also knows the trace frameworks' placement strategies. */
  public ScenarioLoader(
      Set<String> policies,
      Set<String> behaviours,
      List<String> placements,
      Set<String> traceFormats,
      List<String> groupings,
      List<String> tracePlacements) {
    this.tracePlacements = tracePlacements;
    this.policies = policies;
    this.behaviours = behaviours;
    this.placements = placements;
    this.traceFormats = traceFormats;
    this.groupings = groupings;
  }

  /** Reads and validates {@code file}. */
  public Scenario load(Path file) {
    String name = file.toString();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(name, r, name.endsWith(".json"), file.toAbsolutePath().getParent());
    } catch (NoSuchFileException e) {
      throw new ScenarioException(name + ": no such file");
    } catch (IOException e) {
      throw new ScenarioException(name + ": cannot read: " + e.getMessage());
    }
  }

  /** Parses scenario text; {@code name} is used in messages. */
  public Scenario parse(String name, String text) {
    return parse(name, new StringReader(text), name.endsWith(".json"), null);
  }

  /** {@code baseDir} (may be null) is what relative trace paths are resolved against. */
  private Scenario parse(String name, Reader reader, boolean json, Path baseDir) {
    Node root = new SourceParser(name).parse(reader, json);
    return new Reading(new NodeReader(name), name, baseDir).scenario(root);
  }

  /** One pass over one file, collecting ids as it goes to check references. */
  private final class Reading {
    private final NodeReader in;
    private final String file;
    private final Set<String> agentIds = new LinkedHashSet<>();
    private final Set<String> frameworkIds = new LinkedHashSet<>();
    private final Set<String> declaredRoles = new LinkedHashSet<>();
    private Set<String> knownRoles;
    private int masters = 1;

    private final Path baseDir;
    private final RuntimeReader runtimeReader;
    private Map<String, RuntimeReader.MachineType> machineTypes = Map.of();

    Reading(NodeReader in, String file, Path baseDir) {
      this.in = in;
      this.runtimeReader = new RuntimeReader(in);
      this.file = file;
      this.baseDir = baseDir;
    }

    Scenario scenario(Node rootNode) {
      Node.MapNode root = in.map(rootNode);
      in.allowOnly(
          root,
          "seed",
          "duration",
          "master",
          "allocator",
          "network",
          "agents",
          "frameworks",
          "workload",
          "actions",
          "faults",
          "expect",
          "machine_types",
          "containers",
          "monitor",
          "oversubscription");
      long seed = in.integer(root, "seed", 0, Long.MIN_VALUE, Long.MAX_VALUE);
      long duration = in.duration(root, "duration", -1);
      Node masterNode = in.get(root, "master");
      MasterConfig master =
          masterNode == null ? MasterConfig.defaults() : master(in.map(masterNode));
      long electionTimeout = 10 * SECOND;
      if (masterNode != null) {
        electionTimeout = in.duration(in.map(masterNode), "election_timeout", electionTimeout);
      }
      Node allocNode = in.get(root, "allocator");
      Node.MapNode alloc = allocNode == null ? null : in.map(allocNode);
      AllocatorOptions options = allocator(alloc, masterNode == null ? null : in.map(masterNode));
      String policy = "drf";
      if (alloc != null && in.get(alloc, "policy") != null) {
        Node p = in.get(alloc, "policy");
        policy = in.string(p);
        if (!policies.contains(policy)) {
          throw in.error(
              p, "unknown policy '" + policy + "' (known: " + String.join(", ", policies) + ")");
        }
      }
      long networkDelay = 0;
      Node netNode = in.get(root, "network");
      if (netNode != null) {
        Node.MapNode net = in.map(netNode);
        in.allowOnly(net, "delay");
        networkDelay = in.duration(net, "delay", 0);
      }
      machineTypes = runtimeReader.machineTypes(in.get(root, "machine_types"));
      AgentRuntime runtime =
          runtimeReader.runtime(
              in.get(root, "containers"),
              in.get(root, "monitor"),
              in.get(root, "oversubscription"));
      List<Scenario.Agent> agents = new ArrayList<>();
      Node agentsNode = in.get(root, "agents");
      if (agentsNode != null) {
        for (Node a : in.list(agentsNode)) {
          agents.addAll(agentGroup(a));
        }
      }
      List<Scenario.Framework> frameworks = new ArrayList<>();
      Node fwNode = in.get(root, "frameworks");
      if (fwNode != null) {
        for (Node f : in.list(fwNode)) {
          frameworks.add(framework(f));
        }
      }
      Scenario.Workload workload = null;
      if (in.get(root, "workload") != null) {
        workload = workload(in.get(root, "workload"));
      }
      List<Scenario.Action> actions = new ArrayList<>();
      Node actNode = in.get(root, "actions");
      if (actNode != null) {
        long last = 0;
        for (Node a : in.list(actNode)) {
          Scenario.Action action = action(a);
          actions.add(action);
          last = Math.max(last, action.atMicros());
        }
      }
      List<Scenario.Fault> faults = new ArrayList<>();
      Node faultNode = in.get(root, "faults");
      if (faultNode != null) {
        for (Node f : in.list(faultNode)) {
          faults.add(fault(f));
        }
      }
      List<Expectation> expectations = new ArrayList<>();
      Node expectNode = in.get(root, "expect");
      if (workload == null) {
        // Without a trace every role is known here; a trace's roles come from its grouping.
        knownRoles = new LinkedHashSet<>(declaredRoles);
        frameworks.forEach(f -> knownRoles.add(f.role()));
      }
      if (expectNode != null) {
        for (Node e : in.list(expectNode)) {
          expectations.add(expectation(e));
        }
      }
      if (duration < 0
          && workload == null
          && frameworks.stream().noneMatch(f -> f.tasks() != null)) {
        throw new ScenarioException(
            file
                + ": 'duration' is required unless some framework has finite work (a batch"
                + " framework's tasks): otherwise the run would never end");
      }
      return new Scenario(
          file,
          seed,
          duration,
          masters,
          electionTimeout,
          master,
          options,
          policy,
          networkDelay,
          List.copyOf(agents),
          List.copyOf(frameworks),
          workload,
          List.copyOf(actions),
          List.copyOf(faults),
          List.copyOf(expectations),
          runtime);
    }

    private MasterConfig master(Node.MapNode m) {
      in.allowOnly(
          m,
          "allocation_interval",
          "offer_timeout",
          "agent_ping_timeout",
          "max_agent_ping_timeouts",
          "masters",
          "election_timeout",
          "credentials",
          "acls",
          "agent_reregister_timeout");
      MasterConfig d = MasterConfig.defaults();
      long offerTimeout = SimTime.NEVER;
      if (in.get(m, "offer_timeout") != null) {
        offerTimeout = in.duration(in.get(m, "offer_timeout"));
        if (offerTimeout == 0) {
          throw in.error(in.get(m, "offer_timeout"), "must be positive (use null for no timeout)");
        }
      }
      long ping = in.duration(m, "agent_ping_timeout", d.agentPingTimeoutMicros());
      if (ping < SECOND || ping > 15 * 60 * SECOND) {
        throw in.error(in.get(m, "agent_ping_timeout"), "must be between 1s and 15m, as in Mesos");
      }
      int maxPings =
          (int) in.integer(m, "max_agent_ping_timeouts", d.maxAgentPingTimeouts(), 1, 1_000_000);
      masters = (int) in.integer(m, "masters", 1, 1, 99);
      long reregister =
          in.duration(m, "agent_reregister_timeout", d.agentReregisterTimeoutMicros());
      if (reregister < 600 * SECOND) {
        throw in.error(in.get(m, "agent_reregister_timeout"), "must be at least 10m, as in Mesos");
      }
      Map<String, String> credentials = new TreeMap<>();
      if (in.get(m, "credentials") != null) {
        for (Node c : in.list(in.get(m, "credentials"))) {
          Node.MapNode cm = in.map(c);
          in.allowOnly(cm, "principal", "secret");
          String principal = in.string(in.require(cm, "principal"));
          if (credentials.put(principal, in.string(in.require(cm, "secret"))) != null) {
            throw in.error(c, "duplicate credentials for principal '" + principal + "'");
          }
        }
      }
      Map<String, List<String>> acls = new TreeMap<>();
      if (in.get(m, "acls") != null) {
        for (Node a : in.list(in.get(m, "acls"))) {
          Node.MapNode am = in.map(a);
          in.allowOnly(am, "principal", "roles");
          String principal = in.string(in.require(am, "principal"));
          acls.computeIfAbsent(principal, p -> new ArrayList<>())
              .addAll(in.strings(in.require(am, "roles")));
        }
      }
      return new MasterConfig(offerTimeout, ping, maxPings, reregister, credentials, acls);
    }

    private AllocatorOptions allocator(Node.MapNode a, Node.MapNode masterNode) {
      AllocatorOptions d = AllocatorOptions.defaults();
      long interval = d.allocationIntervalMicros();
      if (masterNode != null && in.get(masterNode, "allocation_interval") != null) {
        interval = in.duration(in.get(masterNode, "allocation_interval"));
        if (interval == 0) {
          throw in.error(in.get(masterNode, "allocation_interval"), "must be positive");
        }
      }
      if (a == null) {
        return new AllocatorOptions(
            interval, d.minAllocatable(), List.of(), List.of(), true, d.slot());
      }
      in.allowOnly(
          a,
          "policy",
          "min_allocatable",
          "roles",
          "fair_sharing_excluded_resource_names",
          "filter_gpu_resources",
          "slot");
      List<Resources> minAllocatable = d.minAllocatable();
      if (in.get(a, "min_allocatable") != null) {
        minAllocatable = minAllocatable(in.get(a, "min_allocatable"));
      }
      List<RoleConfig> roles = new ArrayList<>();
      if (in.get(a, "roles") != null) {
        for (Node r : in.list(in.get(a, "roles"))) {
          roles.add(role(r));
        }
      }
      List<String> excluded =
          in.get(a, "fair_sharing_excluded_resource_names") == null
              ? List.of()
              : in.strings(in.get(a, "fair_sharing_excluded_resource_names"));
      boolean filterGpus =
          in.get(a, "filter_gpu_resources") == null || in.bool(in.get(a, "filter_gpu_resources"));
      Resources slot = d.slot();
      if (in.get(a, "slot") != null) {
        slot = in.resources(in.get(a, "slot"), Resource.UNRESERVED);
        if (slot.scalars().isEmpty()) {
          throw in.error(in.get(a, "slot"), "a slot needs at least one scalar resource");
        }
      }
      return new AllocatorOptions(
          interval, List.copyOf(minAllocatable), List.copyOf(roles), excluded, filterGpus, slot);
    }

    /**
     * A list of maps: an offer must contain all of one map. A single map reads like Mesos's default
     * flag cpus:0.01|mem:32: each entry alone suffices.
     */
    private List<Resources> minAllocatable(Node min) {
      List<Resources> sets = new ArrayList<>();
      if (min instanceof Node.ListNode) {
        for (Node set : in.list(min)) {
          sets.add(in.resources(set, Resource.UNRESERVED));
        }
      } else {
        for (Map.Entry<String, Node> e : in.map(min).entries().entrySet()) {
          Node v = e.getValue();
          sets.add(
              in.resources(
                  new Node.MapNode(v.line(), v.column(), v.path(), Map.of(e.getKey(), v)),
                  Resource.UNRESERVED));
        }
      }
      return List.copyOf(sets);
    }

    private RoleConfig role(Node n) {
      Node.MapNode m = in.map(n);
      in.allowOnly(m, "name", "weight", "quota");
      Node nameNode = in.require(m, "name");
      String name = roleName(nameNode);
      if (!declaredRoles.add(name)) {
        throw in.error(nameNode, "role '" + name + "' is declared twice");
      }
      double weight = in.get(m, "weight") == null ? 1.0 : in.number(in.get(m, "weight"), 1e-9, 1e9);
      Quota quota = Quota.NONE;
      if (in.get(m, "quota") != null) {
        topLevelOnly(in.get(m, "quota"), name);
        quota = quota(in.map(in.get(m, "quota")));
      }
      return new RoleConfig(name, weight, quota);
    }

    private void topLevelOnly(Node n, String role) {
      if (role.contains("/")) {
        throw in.error(n, "quota is supported on top-level roles only, not on '" + role + "'");
      }
    }

    private Quota quota(Node.MapNode q) {
      in.allowOnly(q, "guarantee", "limit", "role", "at");
      Resources guarantee =
          in.get(q, "guarantee") == null
              ? Resources.EMPTY
              : in.resources(in.get(q, "guarantee"), Resource.UNRESERVED);
      Resources limit =
          in.get(q, "limit") == null
              ? Resources.EMPTY
              : in.resources(in.get(q, "limit"), Resource.UNRESERVED);
      for (String name : guarantee.scalarNames()) {
        if (limit.scalarNames().contains(name) && limit.milli(name) < guarantee.milli(name)) {
          throw in.error(q, "the limit of " + name + " is below its guarantee");
        }
      }
      return new Quota(guarantee, limit);
    }

    private String roleName(Node n) {
      String role = in.string(n);
      if (role.isEmpty()
          || role.equals(".")
          || role.equals("..")
          || role.startsWith("-")
          || role.startsWith("/")
          || role.endsWith("/")
          || role.contains("//")
          || role.chars().anyMatch(Character::isWhitespace)) {
        throw in.error(n, "'" + role + "' is not a valid role name");
      }
      return role;
    }

    private void checkRoleDeclared(Node n, String role) {
      if (!declaredRoles.isEmpty() && !declaredRoles.contains(role) && !role.equals("*")) {
        throw in.error(
            n,
            "role '"
                + role
                + "' is not declared in allocator.roles (declared: "
                + String.join(", ", declaredRoles)
                + ")");
      }
    }

    private List<Scenario.Agent> agentGroup(Node n) {
      Node.MapNode m = in.map(n);
      in.allowOnly(
          m,
          "id",
          "count",
          "type",
          "resources",
          "reserved",
          "attributes",
          "containerizers",
          "start");
      Node idNode = in.require(m, "id");
      String id = in.string(idNode);
      int count = (int) in.integer(m, "count", 1, 1, 10_000_000);
      RuntimeReader.MachineType type = null;
      if (in.get(m, "type") != null) {
        Node typeNode = in.get(m, "type");
        type = machineTypes.get(in.string(typeNode));
        if (type == null) {
          throw in.error(
              typeNode,
              "unknown machine type '"
                  + in.string(typeNode)
                  + "' (declared: "
                  + (machineTypes.isEmpty() ? "none" : String.join(", ", machineTypes.keySet()))
                  + ")");
        }
        if (in.get(m, "resources") != null) {
          throw in.error(
              in.get(m, "resources"),
              "an agent takes its resources from 'type' or 'resources', not both");
        }
      }
      Resources resources =
          type != null
              ? type.resources()
              : in.resources(in.require(m, "resources"), Resource.UNRESERVED);
      Node reservedNode = in.get(m, "reserved");
      if (reservedNode != null) {
        Resources reserved = Resources.EMPTY;
        for (Map.Entry<String, Node> e : in.map(reservedNode).entries().entrySet()) {
          String role = e.getKey();
          if (role.equals("*")) {
            throw in.error(e.getValue(), "'*' means unreserved and cannot hold a reservation");
          }
          reserved = reserved.plus(in.resources(e.getValue(), role));
        }
        Resources asUnreserved = reserved.toUnreserved();
        if (!resources.contains(asUnreserved)) {
          throw in.error(
              reservedNode,
              "reservations " + asUnreserved + " exceed the agent's resources " + resources);
        }
        resources = resources.minus(asUnreserved).plus(reserved);
      }
      Map<String, String> attributes = new TreeMap<>();
      if (type != null) {
        attributes.putAll(type.attributes());
      }
      attributes.putAll(runtimeReader.attributes(in.get(m, "attributes")));
      List<String> containerizers =
          in.get(m, "containerizers") != null
              ? runtimeReader.containerizers(in.get(m, "containerizers"))
              : type != null && type.containerizers() != null
                  ? type.containerizers()
                  : ContainerSpec.AGENT_DEFAULT;
      long start = in.duration(m, "start", 0);
      List<Scenario.Agent> out = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String agentId = count == 1 ? id : id + "-" + i;
        if (!agentIds.add(agentId)) {
          throw in.error(idNode, "agent id '" + agentId + "' is used twice");
        }
        out.add(
            new Scenario.Agent(
                agentId, resources, new TreeMap<>(attributes), start, containerizers));
      }
      return out;
    }

    private Scenario.Framework framework(Node n) {
      Node.MapNode m = in.map(n);
      in.allowOnly(
          m,
          "id",
          "role",
          "principal",
          "secret",
          "start",
          "failover_timeout",
          "behaviour",
          "refuse_seconds",
          "accept_refuse_seconds",
          "tasks",
          "service",
          "capabilities",
          "placement",
          "min_allocatable",
          "reserve",
          "checkpoint",
          "reconcile_interval",
          "constraints");
      Node idNode = in.require(m, "id");
      String id = in.string(idNode);
      if (!frameworkIds.add(id)) {
        throw in.error(idNode, "framework id '" + id + "' is used twice");
      }
      String role = "*";
      if (in.get(m, "role") != null) {
        role = roleName(in.get(m, "role"));
        checkRoleDeclared(in.get(m, "role"), role);
      }
      Node behaviourNode = in.require(m, "behaviour");
      String behaviour = in.string(behaviourNode);
      if (!behaviours.contains(behaviour)) {
        throw in.error(
            behaviourNode,
            "unknown behaviour '" + behaviour + "' (known: " + String.join(", ", behaviours) + ")");
      }
      Filters refuse = Filters.DEFAULT;
      if (in.get(m, "refuse_seconds") != null) {
        refuse = Filters.refuseSeconds(in.number(in.get(m, "refuse_seconds"), 0, 1e12));
      }
      Filters acceptRefuse = refuse;
      if (in.get(m, "accept_refuse_seconds") != null) {
        acceptRefuse =
            Filters.refuseSeconds(in.number(in.get(m, "accept_refuse_seconds"), 0, 1e12));
      }
      Scenario.Tasks tasks = null;
      if (in.get(m, "tasks") != null) {
        tasks = tasks(in.map(in.get(m, "tasks")));
      }
      Scenario.Service service = null;
      if (in.get(m, "service") != null) {
        service = service(in.map(in.get(m, "service")));
      }
      if (behaviour.equals("batch") && tasks == null) {
        throw in.error(behaviourNode, "behaviour 'batch' needs a 'tasks' section");
      }
      if (behaviour.equals("service") && service == null) {
        throw in.error(behaviourNode, "behaviour 'service' needs a 'service' section");
      }
      if (tasks != null && !behaviour.equals("batch")) {
        throw in.error(in.get(m, "tasks"), "'tasks' is only used by behaviour 'batch'");
      }
      if (service != null && !behaviour.equals("service")) {
        throw in.error(in.get(m, "service"), "'service' is only used by behaviour 'service'");
      }
      Set<Capability> caps = EnumSet.noneOf(Capability.class);
      if (in.get(m, "capabilities") != null) {
        for (Node c : in.list(in.get(m, "capabilities"))) {
          try {
            caps.add(Capability.valueOf(in.string(c)));
          } catch (IllegalArgumentException e) {
            throw in.error(
                c, "unknown capability '" + in.string(c) + "' (known: " + capabilityNames() + ")");
          }
        }
      }
      if (tasks != null && tasks.revocable() && !caps.contains(Capability.REVOCABLE_RESOURCES)) {
        throw in.error(
            in.get(m, "tasks"),
            "revocable tasks need the framework's capability REVOCABLE_RESOURCES");
      }
      String placement = placements.get(0);
      if (in.get(m, "placement") != null) {
        Node p = in.get(m, "placement");
        placement = in.string(p);
        if (!placements.contains(placement)) {
          throw in.error(
              p,
              "unknown placement '"
                  + placement
                  + "' (known: "
                  + String.join(", ", placements)
                  + ")");
        }
      }
      return new Scenario.Framework(
          id,
          role,
          in.string(m, "principal", null),
          in.string(m, "secret", null),
          in.duration(m, "start", 0),
          in.duration(m, "failover_timeout", 0),
          behaviour,
          refuse,
          acceptRefuse,
          tasks,
          service,
          Set.copyOf(caps),
          placement,
          in.get(m, "min_allocatable") == null
              ? null
              : minAllocatable(in.get(m, "min_allocatable")),
          in.get(m, "reserve") != null && in.bool(in.get(m, "reserve")),
          in.get(m, "checkpoint") != null && in.bool(in.get(m, "checkpoint")),
          in.duration(m, "reconcile_interval", 0),
          constraints(in.get(m, "constraints")));
    }

    /** Marathon-style constraints: a list of {@code [attribute, OPERATOR(, value)]}. */
    private List<Constraint> constraints(Node n) {
      if (n == null) {
        return List.of();
      }
      List<Constraint> out = new ArrayList<>();
      for (Node c : in.list(n)) {
        List<String> parts = in.strings(c);
        if (parts.size() < 2 || parts.size() > 3) {
          throw in.error(
              c, "a constraint is [attribute, OPERATOR] or [attribute, OPERATOR, value]");
        }
        try {
          out.add(
              new Constraint(parts.get(0), parts.get(1), parts.size() == 3 ? parts.get(2) : null));
        } catch (IllegalArgumentException e) {
          throw in.error(c, e.getMessage());
        }
      }
      return List.copyOf(out);
    }

    private String capabilityNames() {
      List<String> names = new ArrayList<>();
      for (Capability c : Capability.values()) {
        names.add(c.name());
      }
      return String.join(", ", names);
    }

    private Scenario.Tasks tasks(Node.MapNode t) {
      in.allowOnly(
          t,
          "count",
          "resources",
          "duration",
          "max_per_offer",
          "executor",
          "container",
          "usage",
          "revocable");
      int count = (int) in.integer(in.require(t, "count"), 0, 100_000_000);
      Resources resources = in.resources(in.require(t, "resources"), Resource.UNRESERVED);
      if (resources.isEmpty()) {
        throw in.error(in.require(t, "resources"), "a task needs some resources");
      }
      long duration = in.duration(in.require(t, "duration"));
      int maxPerOffer =
          (int) in.integer(t, "max_per_offer", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
      ExecutorInfo executor = null;
      if (in.get(t, "executor") != null) {
        Node.MapNode e = in.map(in.get(t, "executor"));
        in.allowOnly(e, "id", "resources");
        executor =
            new ExecutorInfo(
                in.string(in.require(e, "id")),
                in.get(e, "resources") == null
                    ? Resources.EMPTY
                    : in.resources(in.get(e, "resources"), Resource.UNRESERVED));
      }
      return new Scenario.Tasks(
          count,
          resources,
          duration,
          maxPerOffer,
          executor,
          runtimeReader.container(in.get(t, "container")),
          runtimeReader.usage(in.get(t, "usage"), resources),
          in.get(t, "revocable") != null && in.bool(in.get(t, "revocable")));
    }

    private Scenario.Service service(Node.MapNode s) {
      in.allowOnly(s, "instances", "resources", "restart", "container", "usage");
      int instances = (int) in.integer(in.require(s, "instances"), 0, 10_000_000);
      Resources resources = in.resources(in.require(s, "resources"), Resource.UNRESERVED);
      if (resources.isEmpty()) {
        throw in.error(in.require(s, "resources"), "an instance needs some resources");
      }
      boolean restart = in.get(s, "restart") == null || in.bool(in.get(s, "restart"));
      return new Scenario.Service(
          instances,
          resources,
          restart,
          runtimeReader.container(in.get(s, "container")),
          runtimeReader.usage(in.get(s, "usage"), resources));
    }

    private Scenario.Workload workload(Node n) {
      Node.MapNode m = in.map(n);
      in.allowOnly(m, "trace");
      Node.MapNode t = in.map(in.require(m, "trace"));
      in.allowOnly(
          t,
          "format",
          "path",
          "window",
          "sample",
          "sample_machines",
          "max_tasks",
          "mode",
          "group_by",
          "reference_machine",
          "end_map",
          "skip_bad_rows",
          "lookahead",
          "events",
          "placement",
          "inflate",
          "usage");
      String format = in.string(in.require(t, "format"));
      if (!traceFormats.contains(format)) {
        throw in.error(
            in.require(t, "format"),
            "unknown trace format '"
                + format
                + "' (known: "
                + String.join(", ", traceFormats)
                + ")");
      }
      String events = null;
      if (in.get(t, "events") != null) {
        if (in.get(t, "path") != null) {
          throw in.error(in.get(t, "events"), "give either path or events, not both");
        }
        if (!format.equals("clustersim-events")) {
          throw in.error(in.get(t, "events"), "inline events need format: clustersim-events");
        }
        events = in.string(in.get(t, "events"));
      }
      String path = events != null ? "(inline)" : in.string(in.require(t, "path"));
      if (events == null && baseDir != null && !path.startsWith("/")) {
        path = baseDir.resolve(path).normalize().toString();
      }
      long from = 0;
      long to = -1;
      if (in.get(t, "window") != null) {
        List<Node> w = in.list(in.get(t, "window"));
        if (w.size() != 2) {
          throw in.error(in.get(t, "window"), "a window is [start, end]");
        }
        from = in.duration(w.get(0));
        to = in.duration(w.get(1));
        if (to <= from) {
          throw in.error(in.get(t, "window"), "the window's end must be after its start");
        }
      }
      double sample =
          in.get(t, "sample") == null ? 1.0 : in.number(in.get(t, "sample"), 1e-12, 1.0);
      double sampleMachines =
          in.get(t, "sample_machines") == null
              ? 1.0
              : in.number(in.get(t, "sample_machines"), 1e-12, 1.0);
      long maxTasks =
          in.get(t, "max_tasks") == null ? -1 : (long) in.number(in.get(t, "max_tasks"), 0, 1e15);
      String mode = "simulated";
      if (in.get(t, "mode") != null) {
        mode = in.string(in.get(t, "mode"));
        if (!Scenario.Workload.MODES.contains(mode)) {
          throw in.error(
              in.get(t, "mode"),
              "unknown mode '"
                  + mode
                  + "' (known: "
                  + String.join(", ", Scenario.Workload.MODES)
                  + ")");
        }
      }
      String groupBy = null;
      if (in.get(t, "group_by") != null) {
        groupBy = in.string(in.get(t, "group_by"));
        if (!groupings.contains(groupBy)) {
          throw in.error(
              in.get(t, "group_by"),
              "unknown grouping '" + groupBy + "' (known: " + String.join(", ", groupings) + ")");
        }
      }
      double refCpus = 0;
      double refMem = 0;
      if (in.get(t, "reference_machine") != null) {
        Node.MapNode r = in.map(in.get(t, "reference_machine"));
        in.allowOnly(r, "cpus", "mem");
        refCpus = in.get(r, "cpus") == null ? 0 : in.number(in.get(r, "cpus"), 1e-9, 1e9);
        refMem = in.get(r, "mem") == null ? 0 : in.number(in.get(r, "mem"), 1e-9, 1e15);
      }
      String endMap = null;
      if (in.get(t, "end_map") != null) {
        Node.MapNode e = in.map(in.get(t, "end_map"));
        in.allowOnly(e, "FINISH", "FAIL", "KILL", "EVICT", "LOST");
        List<String> parts = new ArrayList<>();
        for (String kind : List.of("FINISH", "FAIL", "KILL", "EVICT", "LOST")) {
          Node v = in.get(e, kind);
          if (v != null) {
            String state = in.string(v);
            if (!List.of("finished", "failed", "killed").contains(state)) {
              throw in.error(v, "unknown state '" + state + "' (known: finished, failed, killed)");
            }
            parts.add(kind + "=" + state);
          }
        }
        endMap = String.join(",", parts);
      }
      boolean skip = in.get(t, "skip_bad_rows") != null && in.bool(in.get(t, "skip_bad_rows"));
      long lookahead = in.get(t, "lookahead") == null ? -1 : in.duration(in.get(t, "lookahead"));
      String placement = null;
      if (in.get(t, "placement") != null) {
        placement = in.string(in.get(t, "placement"));
        if (!tracePlacements.contains(placement)) {
          throw in.error(
              in.get(t, "placement"),
              "unknown placement '"
                  + placement
                  + "' (known: "
                  + String.join(", ", tracePlacements)
                  + ")");
        }
      }
      boolean inflate = in.get(t, "inflate") != null && in.bool(in.get(t, "inflate"));
      String usage = null;
      if (in.get(t, "usage") != null) {
        usage = in.string(in.get(t, "usage"));
        if (!Scenario.Workload.USAGE_MODES.contains(usage)) {
          throw in.error(
              in.get(t, "usage"),
              "unknown usage mode '"
                  + usage
                  + "' (known: "
                  + String.join(", ", Scenario.Workload.USAGE_MODES)
                  + ")");
        }
      }
      return new Scenario.Workload(
          format,
          path,
          from,
          to,
          sample,
          mode,
          groupBy,
          sampleMachines,
          maxTasks,
          refCpus,
          refMem,
          endMap,
          skip,
          lookahead,
          events,
          placement,
          inflate,
          usage);
    }

    private long at(Node.MapNode m) {
      return in.duration(in.require(m, "at"));
    }

    private Scenario.Action action(Node n) {
      Node.MapNode m = in.map(n);
      long at = at(m);
      if (in.get(m, "add_agent") != null) {
        in.allowOnly(m, "at", "add_agent");
        Node.MapNode spec = in.map(in.get(m, "add_agent"));
        List<Scenario.Agent> group = agentGroup(spec);
        if (group.size() != 1) {
          throw in.error(spec, "add_agent adds one agent; leave out 'count'");
        }
        Scenario.Agent a = group.get(0);
        return new Scenario.Action.AddAgent(
            at, new Scenario.Agent(a.id(), a.resources(), a.attributes(), at, a.containerizers()));
      }
      if (in.get(m, "remove_agent") != null) {
        in.allowOnly(m, "at", "remove_agent");
        return new Scenario.Action.RemoveAgent(at, agentRef(in.get(m, "remove_agent")));
      }
      for (String kind : List.of("reserve", "unreserve")) {
        if (in.get(m, kind) != null) {
          in.allowOnly(m, "at", kind);
          Node.MapNode r = in.map(in.get(m, kind));
          in.allowOnly(r, "agent", "role", "resources");
          String agent = agentRef(in.require(r, "agent"));
          Node roleNode = in.require(r, "role");
          String role = roleName(roleNode);
          if (role.equals("*")) {
            throw in.error(roleNode, "'*' means unreserved and cannot hold a reservation");
          }
          Resources resources = in.resources(in.require(r, "resources"), role);
          return new Scenario.Action.Reservation(at, agent, resources, kind.equals("reserve"));
        }
      }
      if (in.get(m, "schedule_maintenance") != null) {
        in.allowOnly(m, "at", "schedule_maintenance");
        Node.MapNode w = in.map(in.get(m, "schedule_maintenance"));
        in.allowOnly(w, "agents", "start", "duration");
        List<String> ids = new ArrayList<>();
        for (Node a : in.list(in.require(w, "agents"))) {
          ids.add(agentRef(a));
        }
        long start = in.duration(in.require(w, "start"));
        long length = in.duration(in.require(w, "duration"));
        return new Scenario.Action.ScheduleMaintenance(at, List.copyOf(ids), start, length);
      }
      if (in.get(m, "set_weight") != null) {
        in.allowOnly(m, "at", "set_weight");
        Node.MapNode w = in.map(in.get(m, "set_weight"));
        in.allowOnly(w, "role", "weight");
        Node roleNode = in.require(w, "role");
        String role = roleName(roleNode);
        checkRoleDeclared(roleNode, role);
        return new Scenario.Action.SetWeight(
            at, role, in.number(in.require(w, "weight"), 1e-9, 1e9));
      }
      if (in.get(m, "set_quota") != null) {
        in.allowOnly(m, "at", "set_quota");
        Node.MapNode q = in.map(in.get(m, "set_quota"));
        Node roleNode = in.require(q, "role");
        String role = roleName(roleNode);
        checkRoleDeclared(roleNode, role);
        topLevelOnly(roleNode, role);
        Quota quota = quota(q);
        return new Scenario.Action.SetQuota(at, role, quota.guarantee(), quota.limit());
      }
      if (in.get(m, "framework") != null) {
        in.allowOnly(m, "at", "framework", "do", "refuse_seconds", "agent");
        String fw = frameworkRef(in.get(m, "framework"));
        Node verbNode = in.require(m, "do");
        String verb = in.string(verbNode);
        List<String> verbs =
            List.of(
                "return_offers",
                "decline_offers",
                "suppress",
                "revive",
                "deactivate",
                "activate",
                "unreserve");
        if (!verbs.contains(verb)) {
          throw in.error(
              verbNode,
              "unknown framework action '" + verb + "' (known: " + String.join(", ", verbs) + ")");
        }
        if (!verb.equals("decline_offers")) {
          for (String k : List.of("refuse_seconds", "agent")) {
            if (in.get(m, k) != null) {
              throw in.error(in.get(m, k), "'" + k + "' goes only with do: decline_offers");
            }
          }
        }
        Filters refuse = Filters.DEFAULT;
        if (in.get(m, "refuse_seconds") != null) {
          refuse = Filters.refuseSeconds(in.number(in.get(m, "refuse_seconds"), 0, 1e12));
        }
        String agent = in.get(m, "agent") == null ? null : agentRef(in.get(m, "agent"));
        return new Scenario.Action.FrameworkDoes(at, fw, verb, refuse, agent);
      }
      throw in.error(
          n,
          "an action needs one of: add_agent, remove_agent, set_weight, set_quota, reserve, unreserve,"
              + " schedule_maintenance, framework");
    }

    private Scenario.Fault fault(Node n) {
      Node.MapNode m = in.map(n);
      long at = at(m);
      if (in.get(m, "crash_agent") != null) {
        in.allowOnly(m, "at", "crash_agent", "restart_after");
        return new Scenario.Fault.CrashAgent(
            at, agentRef(in.get(m, "crash_agent")), in.duration(m, "restart_after", -1));
      }
      if (in.get(m, "partition") != null) {
        in.allowOnly(m, "at", "partition", "heal_after");
        List<String> ids = new ArrayList<>();
        for (Node a : in.list(in.get(m, "partition"))) {
          ids.add(agentRef(a));
        }
        return new Scenario.Fault.Partition(at, List.copyOf(ids), in.duration(m, "heal_after", -1));
      }
      if (in.get(m, "crash_master") != null) {
        in.allowOnly(m, "at", "crash_master", "restart_after");
        Node which = in.get(m, "crash_master");
        if (!in.string(which).equals("leader")) {
          throw in.error(which, "only the leader can crash (crash_master: leader)");
        }
        if (masters < 2 && in.get(m, "restart_after") == null) {
          throw in.error(
              which,
              "crash_master needs a standby: set master.masters to 2 or more (or give"
                  + " restart_after for a lone master that restarts)");
        }
        Node restart = in.get(m, "restart_after");
        long restartAfter =
            restart == null ? 0 : in.string(restart).equals("never") ? -1 : in.duration(restart);
        return new Scenario.Fault.CrashMaster(at, "leader", restartAfter);
      }
      if (in.get(m, "crash_framework") != null) {
        in.allowOnly(m, "at", "crash_framework", "restart_after");
        return new Scenario.Fault.CrashFramework(
            at, frameworkRef(in.get(m, "crash_framework")), in.duration(m, "restart_after", -1));
      }
      if (in.get(m, "crash_executor") != null) {
        in.allowOnly(m, "at", "crash_executor", "agent");
        String executor = in.string(in.get(m, "crash_executor"));
        return new Scenario.Fault.CrashExecutor(at, agentRef(in.require(m, "agent")), executor);
      }
      if (in.get(m, "delay_messages") != null) {
        in.allowOnly(m, "at", "delay_messages", "until", "link");
        long delay = in.duration(in.get(m, "delay_messages"));
        return new Scenario.Fault.DelayMessages(at, delay, until(m, at), link(m));
      }
      if (in.get(m, "drop_messages") != null) {
        in.allowOnly(m, "at", "drop_messages", "until", "link");
        double rate = in.number(in.get(m, "drop_messages"), 0, 1);
        return new Scenario.Fault.DropMessages(at, rate, until(m, at), link(m));
      }
      if (in.get(m, "duplicate_messages") != null) {
        in.allowOnly(m, "at", "duplicate_messages", "until", "link");
        double rate = in.number(in.get(m, "duplicate_messages"), 0, 1);
        return new Scenario.Fault.DuplicateMessages(at, rate, until(m, at), link(m));
      }
      throw in.error(
          n,
          "a fault needs one of: crash_agent, partition, crash_master, crash_framework,"
              + " crash_executor, drop_messages, delay_messages, duplicate_messages");
    }

    private long until(Node.MapNode m, long at) {
      long until = in.duration(m, "until", SimTime.NEVER);
      if (until != SimTime.NEVER && until <= at) {
        throw in.error(in.get(m, "until"), "'until' must be after 'at'");
      }
      return until;
    }

    /**
     * {@code link: {from: X, to: Y}}, each end optional (any), X and Y master, agents, frameworks.
     */
    private Link link(Node.MapNode m) {
      Node n = in.get(m, "link");
      if (n == null) {
        return Link.ALL;
      }
      Node.MapNode l = in.map(n);
      in.allowOnly(l, "from", "to");
      String from = in.get(l, "from") == null ? null : endpointRef(in.get(l, "from"));
      String to = in.get(l, "to") == null ? null : endpointRef(in.get(l, "to"));
      if (from == null && to == null) {
        throw in.error(n, "a link needs 'from', 'to' or both (leave 'link' out for every link)");
      }
      if (from != null && from.equals(to)) {
        throw in.error(n, "a link joins two different ends");
      }
      return new Link(from, to);
    }

    /** The network address of {@code master}, an agent or a framework named in a link. */
    private String endpointRef(Node n) {
      String id = in.string(n);
      boolean agent = agentIds.contains(id);
      boolean framework = frameworkIds.contains(id);
      if (id.equals("master")) {
        if (agent || framework) {
          throw in.error(n, "'master' is also an agent or framework id; rename it to use links");
        }
        return Master.ADDRESS;
      }
      if (agent && framework) {
        throw in.error(n, "'" + id + "' is both an agent and a framework id");
      }
      if (agent) {
        return AgentProcess.address(id);
      }
      if (framework) {
        return FrameworkProcess.address(id);
      }
      throw in.error(
          n,
          "a link end is master, an agent or a framework; no '"
              + id
              + "' is declared (agents: "
              + preview(agentIds)
              + "; frameworks: "
              + preview(frameworkIds)
              + ")");
    }

    private static final List<String> TASK_STATES =
        List.of(
            "launched",
            "staging",
            "starting",
            "running",
            "finished",
            "failed",
            "killed",
            "lost",
            "error",
            "gone");

    private Expectation expectation(Node n) {
      Node.MapNode m = in.map(n);
      String name = in.get(m, "name") == null ? null : in.string(in.get(m, "name"));
      if (in.get(m, "tasks") != null) {
        in.allowOnly(m, "name", "at", "framework", "tasks");
        long at = at(m);
        String fw = frameworkRef(in.require(m, "framework"));
        Node.MapNode counts = in.map(in.get(m, "tasks"));
        Map<String, Long> c = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : counts.entries().entrySet()) {
          if (!TASK_STATES.contains(e.getKey())) {
            throw in.error(
                e.getValue(),
                "unknown task state '"
                    + e.getKey()
                    + "' (known: "
                    + String.join(", ", TASK_STATES)
                    + ")");
          }
          c.put(e.getKey(), in.integer(e.getValue(), 0, Long.MAX_VALUE));
        }
        if (c.isEmpty()) {
          throw in.error(in.get(m, "tasks"), "name at least one state and its count");
        }
        return new Expectation.TaskCounts(
            name != null ? name : fw + " tasks " + c + " at " + SimTime.format(at),
            at,
            fw,
            Map.copyOf(c));
      }
      if (in.get(m, "dominant_share") != null) {
        in.allowOnly(m, "name", "role", "dominant_share", "from", "until");
        String role = in.string(in.require(m, "role"));
        if (knownRoles != null && !knownRoles.contains(role)) {
          throw in.error(
              in.get(m, "role"),
              "no framework is in role '"
                  + role
                  + "' (roles: "
                  + String.join(", ", knownRoles)
                  + ")");
        }
        Node.MapNode b = in.map(in.get(m, "dominant_share"));
        in.allowOnly(b, "min", "max");
        double min = in.get(b, "min") == null ? 0 : in.number(in.get(b, "min"), 0, 1);
        double max = in.get(b, "max") == null ? 1 : in.number(in.get(b, "max"), 0, 1);
        if (min > max) {
          throw in.error(in.get(m, "dominant_share"), "min " + min + " is above max " + max);
        }
        long from = in.duration(m, "from", 0);
        long until = in.duration(m, "until", -1);
        if (until >= 0 && until <= from) {
          throw in.error(in.get(m, "until"), "'until' must be after 'from'");
        }
        return new Expectation.ShareBounds(
            name != null ? name : "role " + role + " dominant share in [" + min + ", " + max + "]",
            role,
            min,
            max,
            from,
            until);
      }
      if (in.get(m, "no_starvation_longer_than") != null) {
        in.allowOnly(m, "name", "no_starvation_longer_than");
        long max = in.duration(in.get(m, "no_starvation_longer_than"));
        return new Expectation.NoStarvation(
            name != null ? name : "no starvation longer than " + SimTime.format(max), max);
      }
      if (in.get(m, "all_tasks_finished_by") != null) {
        in.allowOnly(m, "name", "all_tasks_finished_by");
        long by = in.duration(in.get(m, "all_tasks_finished_by"));
        return new Expectation.AllFinished(
            name != null ? name : "all tasks finished by " + SimTime.format(by), by);
      }
      throw in.error(
          n,
          "an expectation needs one of: tasks (with at and framework), dominant_share (with"
              + " role), no_starvation_longer_than, all_tasks_finished_by");
    }

    private String agentRef(Node n) {
      String id = in.string(n);
      if (!agentIds.contains(id)) {
        throw in.error(n, "no agent '" + id + "' is declared (agents: " + preview(agentIds) + ")");
      }
      return id;
    }

    private String frameworkRef(Node n) {
      String id = in.string(n);
      if (!frameworkIds.contains(id)) {
        throw in.error(
            n, "no framework '" + id + "' is declared (frameworks: " + preview(frameworkIds) + ")");
      }
      return id;
    }

    private String preview(Set<String> ids) {
      List<String> list = new ArrayList<>(ids);
      if (list.size() > 8) {
        return String.join(", ", list.subList(0, 8)) + ", ... " + (list.size() - 8) + " more";
      }
      return list.isEmpty() ? "none" : String.join(", ", list);
    }
  }
}
