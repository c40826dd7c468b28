package io.clustersim.allocators;

import io.clustersim.core.allocator.Allocation;
import io.clustersim.core.allocator.Allocator;
import io.clustersim.core.allocator.AllocatorContext;
import io.clustersim.core.allocator.Quota;
import io.clustersim.core.allocator.RoleConfig;
import io.clustersim.core.allocator.Sorter;
import io.clustersim.core.allocator.SorterFactory;
import io.clustersim.core.cluster.AgentInfo;
import io.clustersim.core.framework.Capability;
import io.clustersim.core.framework.Filters;
import io.clustersim.core.framework.FrameworkInfo;
import io.clustersim.core.resources.Resources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mesos's hierarchical allocator, assembled from a role sorter and one framework sorter per role.
 * With DRF sorters at both levels it is Mesos's default {@code HierarchicalDRFAllocator}.
 *
 * <p>One allocation run visits the candidate agents in a random order (drawn from the allocator's
 * seeded stream, as Mesos's {@code random_shuffle}); for each agent it walks the roles, and within
 * a role the frameworks, in sorter order, recomputed per agent. The first eligible framework
 * receives everything the agent has available for its role as one offer. A framework is skipped
 * when the resources are below {@code min_allocatable}, when it lacks the GPU capability for a GPU
 * agent, or when a refusal filter covers the candidate.
 *
 * <p>Runs happen every allocation interval over all agents, and at once (folded into one run per
 * instant) when an agent is added, a framework is added or activated, or offers are revived.
 *
 * <p>Cost of one run: O(A × (R + F_r)) sorter work for A candidate agents, R roles and F_r
 * frameworks per role, plus O(log F) per offer made; filters are checked per (framework, agent).
 */
public class HierarchicalAllocator implements Allocator {
  private final SorterFactory roleSorterFactory;
  private final SorterFactory frameworkSorterFactory;
  private final AgentOrder agentOrder;
  private final FrameworkPreference preference;
  private final Map<String, List<Resources>> demands = new HashMap<>();

  private AllocatorContext ctx;
  private Sorter roleSorter;
  private final Map<String, Sorter> frameworkSorters = new HashMap<>();
  private final Map<String, FrameworkState> frameworks = new LinkedHashMap<>();
  private final Map<String, AgentState> agents = new LinkedHashMap<>();
  private final Map<String, Double> weights = new HashMap<>();
  private final Map<String, Quota> quotas = new HashMap<>();
  private Resources clusterTotal = Resources.EMPTY;
  private final Set<String> candidates = new LinkedHashSet<>();
  private boolean allCandidates;
  private boolean runPending;
  private long runs;

  private static final class FrameworkState {
    final FrameworkInfo info;
    boolean active;
    boolean suppressed;

    /** What the framework holds, per agent, in the order it first got something there. */
    final Map<String, Resources> held = new LinkedHashMap<>();

    /** Refusal filters by agent. */
    final Map<String, List<RefusalFilter>> filters = new HashMap<>();

    FrameworkState(FrameworkInfo info, boolean active) {
      this.info = info;
      this.active = active;
    }
  }

  private static final class AgentState implements AgentLoad {
    final AgentInfo info;
    Resources total;
    Resources offeredOrAllocated = Resources.EMPTY;
    final Set<String> holders = new LinkedHashSet<>();
    boolean active = true;

    AgentState(AgentInfo info, Resources total) {
      this.info = info;
      this.total = total;
    }

    @Override
    public String id() {
      return info.id();
    }

    @Override
    public Resources total() {
      return total;
    }

    @Override
    public Resources offeredOrAllocated() {
      return offeredOrAllocated;
    }

    Resources available() {
      return total.minus(offeredOrAllocated);
    }
  }

  /** Mesos's allocator with the given sorters: agents in random order, sorter order within. */
  public HierarchicalAllocator(
      SorterFactory roleSorterFactory, SorterFactory frameworkSorterFactory) {
    this(roleSorterFactory, frameworkSorterFactory, AgentOrder.RANDOM, FrameworkPreference.NONE);
  }

  /**
   * An allocator whose role and framework orders come from the given sorters, visiting agents in
   * {@code agentOrder} and letting {@code preference} reorder each role's frameworks per agent.
   */
  public HierarchicalAllocator(
      SorterFactory roleSorterFactory,
      SorterFactory frameworkSorterFactory,
      AgentOrder agentOrder,
      FrameworkPreference preference) {
    this.roleSorterFactory = roleSorterFactory;
    this.frameworkSorterFactory = frameworkSorterFactory;
    this.agentOrder = agentOrder;
    this.preference = preference;
  }

  @Override
  public void initialize(AllocatorContext context) {
    this.ctx = context;
    this.roleSorter = roleSorterFactory.create(context.random(), context.options());
    for (RoleConfig r : context.options().roles()) {
      weights.put(r.name(), r.weight());
      quotas.put(r.name(), r.quota());
    }
    ctx.after(ctx.options().allocationIntervalMicros(), this::tick);
  }

  private void tick() {
    triggerAll();
    ctx.after(ctx.options().allocationIntervalMicros(), this::tick);
  }

  /** Number of allocation runs so far. */
  public long runs() {
    return runs;
  }

  // ------------------------------------------------------------------ frameworks

  @Override
  public void addFramework(
      FrameworkInfo framework, Map<String, Resources> usedByAgent, boolean active) {
    FrameworkState fw = new FrameworkState(framework, active);
    frameworks.put(framework.id(), fw);
    String role = framework.role();
    Sorter fs = frameworkSorters.get(role);
    if (fs == null) {
      fs = frameworkSorterFactory.create(ctx.random(), ctx.options());
      fs.addTotal(clusterTotal);
      frameworkSorters.put(role, fs);
      roleSorter.add(role);
      Double w = weights.get(role);
      if (w != null) {
        roleSorter.updateWeight(role, w);
      }
    }
    fs.add(framework.id());
    if (!active) {
      fs.deactivate(framework.id());
    }
    for (Map.Entry<String, Resources> e : usedByAgent.entrySet()) {
      AgentState agent = agents.get(e.getKey());
      if (agent != null) {
        track(fw, agent, e.getValue());
      }
    }
    if (active) {
      triggerAll();
    }
  }

  @Override
  public void removeFramework(String frameworkId) {
    FrameworkState fw = frameworks.remove(frameworkId);
    if (fw == null) {
      return;
    }
    demands.remove(frameworkId);
    for (Map.Entry<String, Resources> e : fw.held.entrySet()) {
      AgentState agent = agents.get(e.getKey());
      agent.offeredOrAllocated = agent.offeredOrAllocated.minus(e.getValue());
      agent.holders.remove(frameworkId);
      roleSorter.unallocated(fw.info.role(), e.getValue());
    }
    String role = fw.info.role();
    Sorter fs = frameworkSorters.get(role);
    fs.remove(frameworkId);
    if (fs.count() == 0) {
      frameworkSorters.remove(role);
      roleSorter.remove(role);
    }
  }

  @Override
  public void activateFramework(String frameworkId) {
    FrameworkState fw = frameworks.get(frameworkId);
    fw.active = true;
    if (!fw.suppressed) {
      frameworkSorters.get(fw.info.role()).activate(frameworkId);
    }
    triggerAll();
  }

  @Override
  public void deactivateFramework(String frameworkId) {
    FrameworkState fw = frameworks.get(frameworkId);
    fw.active = false;
    frameworkSorters.get(fw.info.role()).deactivate(frameworkId);
    fw.filters.clear();
  }

  @Override
  public void suppressOffers(String frameworkId) {
    FrameworkState fw = frameworks.get(frameworkId);
    fw.suppressed = true;
    frameworkSorters.get(fw.info.role()).deactivate(frameworkId);
  }

  @Override
  public void reviveOffers(String frameworkId) {
    FrameworkState fw = frameworks.get(frameworkId);
    fw.suppressed = false;
    fw.filters.clear();
    if (fw.active) {
      frameworkSorters.get(fw.info.role()).activate(frameworkId);
    }
    triggerAll();
  }

  // ------------------------------------------------------------------ agents

  @Override
  public void addAgent(AgentInfo info, Resources total, Map<String, Resources> usedByFramework) {
    AgentState agent = new AgentState(info, total);
    agents.put(info.id(), agent);
    addToPool(total);
    for (Map.Entry<String, Resources> e : usedByFramework.entrySet()) {
      FrameworkState fw = frameworks.get(e.getKey());
      if (fw != null) {
        track(fw, agent, e.getValue());
      }
    }
    trigger(info.id());
  }

  @Override
  public void removeAgent(String agentId) {
    AgentState agent = agents.remove(agentId);
    if (agent == null) {
      return;
    }
    for (String fwId : agent.holders) {
      FrameworkState fw = frameworks.get(fwId);
      Resources held = fw.held.remove(agentId);
      frameworkSorters.get(fw.info.role()).unallocated(fwId, held);
      roleSorter.unallocated(fw.info.role(), held);
    }
    for (FrameworkState fw : frameworks.values()) {
      fw.filters.remove(agentId);
    }
    removeFromPool(agent.total);
    candidates.remove(agentId);
  }

  @Override
  public void updateAgent(String agentId, Resources total) {
    AgentState agent = agents.get(agentId);
    if (!total.contains(agent.offeredOrAllocated)) {
      throw new IllegalStateException(
          "agent " + agentId + " cannot shrink to " + total + " below " + agent.offeredOrAllocated);
    }
    removeFromPool(agent.total);
    agent.total = total;
    addToPool(total);
    trigger(agentId);
  }

  @Override
  public void activateAgent(String agentId) {
    agents.get(agentId).active = true;
  }

  @Override
  public void deactivateAgent(String agentId) {
    agents.get(agentId).active = false;
  }

  private void addToPool(Resources total) {
    clusterTotal = clusterTotal.plus(total.scalars());
    roleSorter.addTotal(total);
    for (Sorter fs : frameworkSorters.values()) {
      fs.addTotal(total);
    }
  }

  private void removeFromPool(Resources total) {
    clusterTotal = clusterTotal.minus(total.scalars());
    roleSorter.removeTotal(total);
    for (Sorter fs : frameworkSorters.values()) {
      fs.removeTotal(total);
    }
  }

  // ------------------------------------------------------------------ resources

  @Override
  public void recoverResources(
      String frameworkId, String agentId, Resources resources, Filters filters) {
    AgentState agent = agents.get(agentId);
    FrameworkState fw = frameworks.get(frameworkId);
    if (agent == null || fw == null || resources.isEmpty()) {
      return; // already untracked when the agent or framework was removed
    }
    untrack(fw, agent, resources);
    if (filters != null && filters.refuseMicros() > 0) {
      // MESOS-4302: a filter lasts at least one allocation interval.
      long duration = Math.max(filters.refuseMicros(), ctx.options().allocationIntervalMicros());
      fw.filters
          .computeIfAbsent(agentId, k -> new ArrayList<>())
          .add(new RefusalFilter(resources, ctx.now() + duration));
    }
  }

  @Override
  public void requestResources(String frameworkId, List<Resources> requests) {
    if (!frameworks.containsKey(frameworkId)) {
      return;
    }
    if (requests.isEmpty()) {
      demands.remove(frameworkId);
    } else {
      demands.put(frameworkId, List.copyOf(requests));
    }
  }

  @Override
  public void updateWeight(String role, double weight) {
    weights.put(role, weight);
    if (roleSorter.contains(role)) {
      roleSorter.updateWeight(role, weight);
    }
  }

  @Override
  public void updateQuota(String role, Quota quota) {
    quotas.put(role, quota);
  }

  @Override
  public Resources offeredOrAllocated(String agentId) {
    AgentState agent = agents.get(agentId);
    return agent == null ? Resources.EMPTY : agent.offeredOrAllocated;
  }

  private void track(FrameworkState fw, AgentState agent, Resources resources) {
    agent.offeredOrAllocated = agent.offeredOrAllocated.plus(resources);
    agent.holders.add(fw.info.id());
    fw.held.merge(agent.info.id(), resources, Resources::plus);
    frameworkSorters.get(fw.info.role()).allocated(fw.info.id(), resources);
    roleSorter.allocated(fw.info.role(), resources);
  }

  private void untrack(FrameworkState fw, AgentState agent, Resources resources) {
    agent.offeredOrAllocated = agent.offeredOrAllocated.minus(resources);
    Resources left = fw.held.get(agent.info.id()).minus(resources);
    if (left.isEmpty()) {
      fw.held.remove(agent.info.id());
      agent.holders.remove(fw.info.id());
    } else {
      fw.held.put(agent.info.id(), left);
    }
    frameworkSorters.get(fw.info.role()).unallocated(fw.info.id(), resources);
    roleSorter.unallocated(fw.info.role(), resources);
  }

  // ------------------------------------------------------------------ allocation

  private void triggerAll() {
    allCandidates = true;
    schedule();
  }

  private void trigger(String agentId) {
    candidates.add(agentId);
    schedule();
  }

  private void schedule() {
    if (!runPending) {
      runPending = true;
      // Dispatched after everything else due at this instant, so a burst becomes one run.
      ctx.after(0, this::allocate);
    }
  }

  private void allocate() {
    runPending = false;
    runs++;
    List<AgentState> order = new ArrayList<>();
    if (allCandidates) {
      order.addAll(agents.values());
    } else {
      for (String id : candidates) {
        AgentState a = agents.get(id);
        if (a != null) {
          order.add(a);
        }
      }
    }
    allCandidates = false;
    candidates.clear();
    order.removeIf(a -> !a.active);
    agentOrder.order(order, ctx.random());

    Map<String, List<Allocation>> offers = new LinkedHashMap<>();
    long now = ctx.now();
    for (AgentState agent : order) {
      allocateAgent(agent, now, offers);
    }
    for (Map.Entry<String, List<Allocation>> e : offers.entrySet()) {
      ctx.sink().offer(e.getKey(), e.getValue());
    }
  }

  private void allocateAgent(AgentState agent, long now, Map<String, List<Allocation>> offers) {
    boolean gpuAgent = agent.total.milli("gpus") > 0;
    for (String role : roleSorter.sort()) {
      if (agent.available().isEmpty()) {
        return;
      }
      Sorter fs = frameworkSorters.get(role);
      List<String> sorted = fs.sort();
      if (preference != FrameworkPreference.NONE) {
        sorted =
            preference.reorder(sorted, agent.available().allocatableTo(role), agent.total, demands);
      }
      for (String fwId : sorted) {
        Resources available = agent.available().allocatableTo(role);
        if (available.isEmpty()) {
          break; // nothing left on this agent for this role; the next role may still see some
        }
        FrameworkState fw = frameworks.get(fwId);
        if (gpuAgent
            && ctx.options().filterGpuResources()
            && !fw.info.has(Capability.GPU_RESOURCES)) {
          continue;
        }
        if (!fw.info.has(Capability.REVOCABLE_RESOURCES)) {
          available = available.nonRevocable();
        }
        if (!allocatable(available) || filtered(fw, agent.info.id(), available, now)) {
          continue;
        }
        track(fw, agent, available);
        offers
            .computeIfAbsent(fwId, k -> new ArrayList<>())
            .add(new Allocation(role, agent.info.id(), available));
      }
    }
  }

  /** Mesos's {@code allocatable}: non-empty and containing at least one min_allocatable set. */
  private boolean allocatable(Resources candidate) {
    if (candidate.isEmpty()) {
      return false;
    }
    List<Resources> min = ctx.options().minAllocatable();
    if (min.isEmpty()) {
      return true;
    }
    for (Resources set : min) {
      if (candidate.containsQuantities(set)) {
        return true;
      }
    }
    return false;
  }

  private boolean filtered(FrameworkState fw, String agentId, Resources candidate, long now) {
    List<RefusalFilter> list = fw.filters.get(agentId);
    if (list == null) {
      return false;
    }
    list.removeIf(f -> f.expiresAt() < now);
    if (list.isEmpty()) {
      fw.filters.remove(agentId);
      return false;
    }
    for (RefusalFilter f : list) {
      if (f.blocks(candidate, now)) {
        return true;
      }
    }
    return false;
  }
}
