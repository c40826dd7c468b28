package io.clustersim.allocators;

import io.clustersim.core.allocator.Allocation;
import io.clustersim.core.allocator.Allocator;
import io.clustersim.core.allocator.AllocatorContext;
import io.clustersim.core.allocator.AllocatorState;
import io.clustersim.core.allocator.Quota;
import io.clustersim.core.allocator.RoleConfig;
import io.clustersim.core.allocator.Sorter;
import io.clustersim.core.allocator.SorterFactory;
import io.clustersim.core.cluster.AgentInfo;
import io.clustersim.core.framework.Capability;
import io.clustersim.core.framework.Filters;
import io.clustersim.core.framework.FrameworkInfo;
import io.clustersim.core.resources.Resource;
import io.clustersim.core.resources.Resources;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

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

  /** Top-level role → unreserved non-revocable scalars its subtree holds offered or allocated. */
  private final Map<String, Resources> quotaHeld = new HashMap<>();

  /** Top-level role → every reservation of its subtree on any agent, as unreserved quantities. */
  private final Map<String, Resources> reservations = new HashMap<>();

  private final Set<String> candidates = new LinkedHashSet<>();

  /** Agents with scheduled maintenance, in the order it was scheduled. */
  private final Set<String> inMaintenance = new LinkedHashSet<>();

  private boolean allCandidates;
  private boolean runPending;

  private final ArrayDeque<Integer> freeIndices = new ArrayDeque<>();
  private int nextIndex;
  private long nextEpoch;

  /** Bumped whenever the set of frameworks that could be offered something changes. */
  private long frameworksVersion;

  /** Bumped whenever anything is tracked or untracked, or the pool changes. */
  private long booksVersion;

  private static final class FrameworkState {
    final FrameworkInfo info;
    boolean active;
    boolean suppressed;

    /**
     * What it holds on each agent and its refusal filters there, by agent index (null: nothing). A
     * revive is offered every agent and declines nearly all: one framework's slots for all agents
     * lie together, where per-agent tables would put each in a cache line of its own.
     */
    Resources[] held = new Resources[0];

    RefusalFilter[] filters = new RefusalFilter[0];

    /** Agents where it holds something (so that its removal stops looking once all are found). */
    int holdings;

    /** Filters made under another epoch no longer count (revive, deactivation, a new framework). */
    long epoch;

    final boolean gpuCapable;
    final boolean revocableCapable;

    FrameworkState(FrameworkInfo info, boolean active) {
      this.info = info;
      this.active = active;
      this.gpuCapable = info.has(Capability.GPU_RESOURCES);
      this.revocableCapable = info.has(Capability.REVOCABLE_RESOURCES);
    }
  }

  private static final class AgentState implements AgentLoad {
    final AgentInfo info;
    Resources total;
    Resources offeredOrAllocated = Resources.EMPTY;

    /** The frameworks holding something here, in the order they came to (a set, in a list). */
    final List<FrameworkState> holders = new ArrayList<>();

    /** Dense index into each framework's slots; reused after the agent is removed. */
    int index;

    boolean active = true;

    /** Set when the allocator forgets the agent; an allocation's handle then no longer counts. */
    boolean removed;

    // Undoes the last track: a declined offer leaves the books as they were before it.
    Resources usedBeforeTrack;
    Resources trackedResources;
    Resources usedAfterTrack;

    // The idle-agent shortcut: nothing could be offered here at this version of the frameworks
    // (and books), with these resources available, until this time.
    long idleVersion = -1;
    long idleUntil;
    Resources idleAvailable;

    // Maintenance: the scheduled unavailability (start < 0: none), the frameworks holding an
    // unanswered inverse offer for this agent, and their inverse-offer filters (expiry, inclusive).
    long maintenanceStart = -1;
    long maintenanceDuration;
    final Set<String> inverseOutstanding = new LinkedHashSet<>();
    final Map<String, Long> inverseFilters = new HashMap<>();

    Resources heldBy(FrameworkState fw) {
      return index < fw.held.length ? fw.held[index] : null;
    }

    void hold(FrameworkState fw, Resources resources) {
      if (index >= fw.held.length) {
        fw.held = Arrays.copyOf(fw.held, Math.max(index + 1, 2 * fw.held.length));
      }
      fw.holdings += (resources != null ? 1 : 0) - (fw.held[index] != null ? 1 : 0);
      fw.held[index] = resources;
    }

    boolean isIdle(long version, long now) {
      return idleVersion == version && now <= idleUntil && available().equals(idleAvailable);
    }

    void markIdle(long until, Resources available, long version) {
      idleVersion = version;
      idleUntil = until;
      idleAvailable = available;
    }

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

    // Memoised on the identity of the two immutable values it is computed from: a run asks for
    // it several times per agent, and most agents do not change between runs.
    private Resources availableOf;
    private Resources availableTotal;
    private Resources availableUsed;

    Resources available() {
      if (total != availableTotal || offeredOrAllocated != availableUsed) {
        availableOf = total.minus(offeredOrAllocated);
        availableTotal = total;
        availableUsed = offeredOrAllocated;
      }
      return availableOf;
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
    if (stopped) {
      return;
    }
    triggerAll();
    ctx.after(ctx.options().allocationIntervalMicros(), this::tick);
  }

  private boolean stopped;

  @Override
  public void stop() {
    stopped = true;
  }

  // ------------------------------------------------------------------ frameworks

  @Override
  public void addFramework(
      FrameworkInfo framework, Map<String, Resources> usedByAgent, boolean active) {
    frameworksVersion++;
    FrameworkState fw = new FrameworkState(framework, active);
    fw.epoch = ++nextEpoch;
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
    syncRole(role, fs);
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
    frameworksVersion++;
    FrameworkState fw = frameworks.remove(frameworkId);
    if (fw == null) {
      return;
    }
    demands.remove(frameworkId);
    for (String agentId : inMaintenance) {
      agents.get(agentId).inverseOutstanding.remove(frameworkId);
      agents.get(agentId).inverseFilters.remove(frameworkId);
    }
    // Free everything it held, through the same books as any recovery (sums: order-free).
    for (AgentState agent : agents.values()) {
      if (fw.holdings == 0) {
        break;
      }
      Resources held = agent.heldBy(fw);
      if (held != null) {
        untrack(fw, agent, held);
      }
    }
    String role = fw.info.role();
    Sorter fs = frameworkSorters.get(role);
    fs.remove(frameworkId);
    if (fs.count() == 0) {
      frameworkSorters.remove(role);
      roleSorter.remove(role);
    } else {
      syncRole(role, fs);
    }
  }

  @Override
  public void activateFramework(String frameworkId) {
    frameworksVersion++;
    FrameworkState fw = frameworks.get(frameworkId);
    fw.active = true;
    if (!fw.suppressed) {
      setActive(fw, true);
    }
    triggerAll();
  }

  @Override
  public void deactivateFramework(String frameworkId) {
    frameworksVersion++;
    FrameworkState fw = frameworks.get(frameworkId);
    fw.active = false;
    setActive(fw, false);
    fw.epoch = ++nextEpoch; // drops all its filters
  }

  @Override
  public void suppressOffers(String frameworkId) {
    frameworksVersion++;
    FrameworkState fw = frameworks.get(frameworkId);
    fw.suppressed = true;
    setActive(fw, false);
  }

  /** Activates or deactivates a framework in its role's sorter, and the role with it. */
  private void setActive(FrameworkState fw, boolean active) {
    String role = fw.info.role();
    Sorter fs = frameworkSorters.get(role);
    if (active) {
      fs.activate(fw.info.id());
    } else {
      fs.deactivate(fw.info.id());
    }
    syncRole(role, fs);
  }

  /**
   * A role is active in the role sorter while one of its frameworks is: Mesos keeps the others in
   * the order and finds no framework in them; leaving them out gives the same offers without
   * visiting every idle role for every agent.
   */
  private void syncRole(String role, Sorter fs) {
    if (fs.hasActive()) {
      roleSorter.activate(role);
    } else {
      roleSorter.deactivate(role);
    }
  }

  @Override
  public void reviveOffers(String frameworkId) {
    frameworksVersion++;
    FrameworkState fw = frameworks.get(frameworkId);
    fw.suppressed = false;
    fw.epoch = ++nextEpoch; // drops all its filters
    // Revive also clears every inverse-offer filter of the framework.
    for (String agentId : inMaintenance) {
      agents.get(agentId).inverseFilters.remove(frameworkId);
    }
    if (fw.active) {
      setActive(fw, true);
    }
    triggerAll();
  }

  // ------------------------------------------------------------------ agents

  @Override
  public void addAgent(AgentInfo info, Resources total, Map<String, Resources> usedByFramework) {
    AgentState agent = new AgentState(info, total);
    agent.index = freeIndices.isEmpty() ? nextIndex++ : freeIndices.pop();
    agents.put(info.id(), agent);
    if (paused && agents.size() >= recoveryTarget) {
      resume();
    }
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
    agent.removed = true;
    for (FrameworkState fw : List.copyOf(agent.holders)) {
      untrack(fw, agent, agent.heldBy(fw));
    }
    // The slot goes to the next agent added: no filter of this one may stay in it. O(F).
    for (FrameworkState fw : frameworks.values()) {
      if (agent.index < fw.filters.length) {
        fw.filters[agent.index] = null;
      }
    }
    freeIndices.push(agent.index);
    removeFromPool(agent.total);
    candidates.remove(agentId);
    inMaintenance.remove(agentId);
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
    booksVersion++;
    for (Resource r : total.reserved().scalars().entries()) {
      reservations.merge(topRole(r.role()), Quantities.of(r.quantity()), Resources::plus);
    }
    clusterTotal = clusterTotal.plus(total.scalars());
    roleSorter.addTotal(total);
    for (Sorter fs : frameworkSorters.values()) {
      fs.addTotal(total);
    }
  }

  private void removeFromPool(Resources total) {
    booksVersion++;
    for (Resource r : total.reserved().scalars().entries()) {
      reservations.computeIfPresent(
          topRole(r.role()), (k, v) -> v.minus(Quantities.of(r.quantity())));
    }
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
    if (refuse(fw, agent, resources, filters)) {
      expireLater(fw, List.of(agent), filters);
    }
  }

  /**
   * A batch is settled agent by agent, and in the sorters once, with the sum: the shares only
   * matter at the next allocation run, and a sum of quantities is exact (thousandths).
   */
  @Override
  public void recoverResources(String frameworkId, List<Allocation> returned, Filters filters) {
    FrameworkState fw = frameworks.get(frameworkId);
    if (fw == null) {
      return;
    }
    Resources sum = Resources.EMPTY;
    List<AgentState> filtered = new ArrayList<>();
    for (Allocation a : returned) {
      AgentState agent =
          a.handle() instanceof AgentState s && !s.removed ? s : agents.get(a.agentId());
      if (agent == null || a.resources().isEmpty()) {
        continue;
      }
      untrackOnAgent(fw, agent, a.resources());
      if (refuse(fw, agent, a.resources(), filters)) {
        filtered.add(agent);
      }
      sum = sum.plus(a.resources().scalars());
    }
    untrackShares(fw, sum);
    if (!filtered.isEmpty()) {
      expireLater(fw, filtered, filters);
    }
  }

  /** Refusal filters held, expired or not, over every agent and framework (for tests). */
  int filtersHeld() {
    int n = 0;
    for (FrameworkState fw : frameworks.values()) {
      for (RefusalFilter head : fw.filters) {
        for (RefusalFilter f = head; f != null; f = f.next) {
          n++;
        }
      }
    }
    return n;
  }

  /** Filters made together: one framework's, on these agents, expiring at the same time. */
  private record FilterBatch(
      long expiresAt, long seq, FrameworkState fw, List<AgentState> agents) {}

  /** Batches of filters by expiry (then creation), to drop them once expired, as Mesos does. */
  private final PriorityQueue<FilterBatch> filterExpiries =
      new PriorityQueue<>(
          Comparator.comparingLong(FilterBatch::expiresAt).thenComparingLong(FilterBatch::seq));

  private long filterBatches;

  private void expireLater(FrameworkState fw, List<AgentState> filtered, Filters filters) {
    filterExpiries.add(
        new FilterBatch(ctx.now() + filterDuration(filters), filterBatches++, fw, filtered));
  }

  /**
   * Drops the filters expired by now. Mesos removes each filter with a timer when it expires; a
   * filter of a framework that is never offered the agent again would otherwise be kept for ever (a
   * replay's suppressed frameworks leave one on every agent). O(agents of the batch), once.
   */
  private void dropExpiredFilters(long now) {
    while (!filterExpiries.isEmpty() && filterExpiries.peek().expiresAt() < now) {
      FilterBatch b = filterExpiries.poll();
      RefusalFilter[] table = b.fw().filters;
      for (AgentState agent : b.agents()) {
        // A removed agent's slot may be a newer agent's: only expired filters go, whoever's.
        int i = agent.index;
        if (i < table.length && table[i] != null) {
          table[i] = table[i].withoutExpired(now);
        }
      }
    }
  }

  /** Sets the refusal filter, if any; true if one was set. */
  private boolean refuse(
      FrameworkState fw, AgentState agent, Resources resources, Filters filters) {
    if (filters != null && filters.refuseMicros() > 0) {
      long duration = filterDuration(filters);
      RefusalFilter[] table = fw.filters;
      int i = agent.index;
      if (i >= table.length) {
        table = fw.filters = Arrays.copyOf(table, Math.max(i + 1, 2 * table.length));
      }
      RefusalFilter older = table[i];
      if (older != null && older.epoch != fw.epoch) {
        older = null;
      }
      table[i] = new RefusalFilter(resources, ctx.now() + duration, fw.epoch, older);
      return true;
    }
    return false;
  }

  private long filterDuration(Filters filters) {
    // MESOS-4302: a filter lasts at least one allocation interval.
    return Math.max(filters.refuseMicros(), ctx.options().allocationIntervalMicros());
  }

  @Override
  public void updateAllocation(String frameworkId, String agentId, Resources from, Resources to) {
    AgentState agent = agents.get(agentId);
    FrameworkState fw = frameworks.get(frameworkId);
    if (agent == null || fw == null) {
      return;
    }
    booksVersion++;
    // The agent's total changes form, not quantity: the pools stay equal, the reservation books
    // move (reservations count as quota consumption).
    removeFromPool(agent.total);
    agent.total = agent.total.minus(from).plus(to);
    addToPool(agent.total);
    agent.offeredOrAllocated = agent.offeredOrAllocated.minus(from).plus(to);
    agent.trackedResources = null; // the books changed form: nothing to undo
    agent.hold(fw, agent.heldBy(fw).minus(from).plus(to));
    quotaHeld.merge(
        topRole(fw.info.role()),
        Quantities.of(to),
        (held, add) -> held.minus(Quantities.of(from)).plus(add));
  }

  @Override
  public void updateUnavailability(String agentId, long startMicros, long durationMicros) {
    AgentState agent = agents.get(agentId);
    if (agent == null) {
      return;
    }
    agent.maintenanceStart = startMicros;
    agent.maintenanceDuration = durationMicros;
    agent.inverseOutstanding.clear();
    agent.inverseFilters.clear();
    if (startMicros < 0) {
      inMaintenance.remove(agentId);
    } else {
      inMaintenance.add(agentId);
    }
    trigger(agentId);
  }

  @Override
  public void updateInverseOffer(
      String frameworkId, String agentId, boolean accepted, Filters filters) {
    AgentState agent = agents.get(agentId);
    if (agent == null) {
      return;
    }
    agent.inverseOutstanding.remove(frameworkId);
    if (filters != null && filters.refuseMicros() > 0) {
      agent.inverseFilters.put(frameworkId, ctx.now() + filters.refuseMicros());
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
    frameworksVersion++;
    quotas.put(role, quota);
  }

  @Override
  public AllocatorState state() {
    List<String> roles = roleSorter.sort();
    Map<String, List<String>> order = new LinkedHashMap<>();
    for (String role : roles) {
      order.put(role, frameworkSorters.get(role).sort());
    }
    List<String> suppressed = new ArrayList<>();
    for (FrameworkState fw : frameworks.values()) {
      if (fw.suppressed) {
        suppressed.add(fw.info.id());
      }
    }
    long now = ctx.now();
    List<AllocatorState.Filter> filters = new ArrayList<>();
    for (AgentState agent : agents.values()) {
      for (FrameworkState fw : frameworks.values()) {
        if (agent.index >= fw.filters.length) {
          continue;
        }
        for (RefusalFilter f = fw.filters[agent.index]; f != null; f = f.next) {
          if (f.epoch == fw.epoch && f.expiresAt >= now) {
            filters.add(
                new AllocatorState.Filter(agent.info.id(), fw.info.id(), f.refused, f.expiresAt));
          }
        }
      }
    }
    return new AllocatorState(roles, order, suppressed, filters);
  }

  @Override
  public Resources offeredOrAllocated(String agentId) {
    AgentState agent = agents.get(agentId);
    return agent == null ? Resources.EMPTY : agent.offeredOrAllocated;
  }

  private void track(FrameworkState fw, AgentState agent, Resources resources) {
    booksVersion++;
    quotaHeld.merge(topRole(fw.info.role()), Quantities.of(resources), Resources::plus);
    agent.usedBeforeTrack = agent.offeredOrAllocated;
    agent.trackedResources = resources;
    agent.offeredOrAllocated = agent.offeredOrAllocated.plus(resources);
    agent.usedAfterTrack = agent.offeredOrAllocated;
    Resources before = agent.heldBy(fw);
    if (before == null) {
      agent.holders.add(fw);
      agent.hold(fw, resources);
    } else {
      agent.hold(fw, before.plus(resources));
    }
    frameworkSorters.get(fw.info.role()).allocated(fw.info.id(), resources);
    roleSorter.allocated(fw.info.role(), resources);
  }

  private void untrack(FrameworkState fw, AgentState agent, Resources resources) {
    untrackOnAgent(fw, agent, resources);
    untrackShares(fw, resources);
  }

  private void untrackOnAgent(FrameworkState fw, AgentState agent, Resources resources) {
    booksVersion++;
    // A declined offer leaves the agent as it was before the run: restoring the very value the
    // free resources were memoised on saves the arithmetic and recomputing them at the next run.
    if (resources == agent.trackedResources && agent.offeredOrAllocated == agent.usedAfterTrack) {
      agent.offeredOrAllocated = agent.usedBeforeTrack;
    } else {
      agent.offeredOrAllocated = agent.offeredOrAllocated.minus(resources);
    }
    agent.trackedResources = null;
    Resources left = agent.heldBy(fw).minus(resources);
    if (left.isEmpty()) {
      agent.hold(fw, null);
      agent.holders.remove(fw);
    } else {
      agent.hold(fw, left);
    }
  }

  /** The role's quota consumption and the sorters' shares, less {@code resources}. */
  private void untrackShares(FrameworkState fw, Resources resources) {
    if (resources.isEmpty()) {
      return;
    }
    quotaHeld.computeIfPresent(
        topRole(fw.info.role()), (k, v) -> v.minus(Quantities.of(resources)));
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

  /**
   * Runs one allocation over every agent now, outside the batch loop: for tools and benchmarks that
   * drive an allocator without a cluster around it.
   */
  public void allocateNow() {
    allCandidates = true;
    allocate();
  }

  @Override
  public long runs() {
    return runs;
  }

  private long runs;

  /** Mesos's --allocator_agent_recovery_factor default. */
  static final double AGENT_RECOVERY_FACTOR = 0.8;

  /** Mesos's --allocator_recovery_timeout default: 10 minutes. */
  static final long RECOVERY_TIMEOUT_MICROS = 600_000_000L;

  private boolean paused;
  private int recoveryTarget;

  @Override
  public void recover(int expectedAgents) {
    if (!hasGuarantees()) {
      return; // no quota, no pause (hierarchical.cpp recover)
    }
    paused = true;
    recoveryTarget = (int) Math.floor(AGENT_RECOVERY_FACTOR * expectedAgents);
    ctx.after(RECOVERY_TIMEOUT_MICROS, this::resume);
    if (agents.size() >= recoveryTarget) {
      resume();
    }
  }

  private void resume() {
    if (paused) {
      paused = false;
      triggerAll();
    }
  }

  private void allocate() {
    if (paused || stopped) {
      runPending = false;
      return; // recovering after a master failover, with quota set
    }
    runs++;
    runPending = false;
    dropExpiredFilters(ctx.now());
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

    Run run = new Run();
    // An agent that had nothing to offer stays so until its resources, the frameworks or a
    // filter's expiry change; with quota, offers also depend on the rest of the cluster, so the
    // allocator's books must not have changed either.
    long version = quotas.isEmpty() ? frameworksVersion : frameworksVersion * 31 + booksVersion;
    Map<AgentState, Long> idle = new IdentityHashMap<>();
    if (!run.required.isEmpty() || hasGuarantees()) {
      agentOrder.order(order, ctx.random());
      for (AgentState agent : order) {
        if (!agent.isIdle(version, run.now)) {
          idle.put(agent, allocateGuarantees(agent, run));
        }
      }
    }
    agentOrder.order(order, ctx.random());
    for (AgentState agent : order) {
      if (agent.isIdle(version, run.now)) {
        continue;
      }
      Resources before = agent.available();
      long stage1 = idle.getOrDefault(agent, Long.MAX_VALUE);
      long stage2 = allocateFairShare(agent, run);
      long until = stage1 < 0 || stage2 < 0 ? -1 : Math.min(stage1, stage2);
      // The version to compare next time is the one after this run's own offers.
      agent.markIdle(until, before, until < 0 ? -1 : version);
    }
    for (Map.Entry<String, List<Allocation>> e : run.offers.entrySet()) {
      ctx.sink().offer(e.getKey(), e.getValue());
    }
    generateInverseOffers(order, run.now);
  }

  /**
   * Mesos's {@code generateInverseOffers}: for each candidate agent with maintenance scheduled,
   * every active framework that holds resources there, has no unanswered inverse offer for it and
   * no live inverse-offer filter, is asked to give the agent back.
   */
  private void generateInverseOffers(List<AgentState> order, long now) {
    if (inMaintenance.isEmpty()) {
      return;
    }
    for (AgentState agent : order) {
      if (agent.maintenanceStart < 0) {
        continue;
      }
      for (FrameworkState fw : agent.holders) {
        String fwId = fw.info.id();
        Long filteredUntil = agent.inverseFilters.get(fwId);
        if (!fw.active
            || agent.inverseOutstanding.contains(fwId)
            || (filteredUntil != null && now <= filteredUntil)) {
          continue;
        }
        agent.inverseOutstanding.add(fwId);
        ctx.sink()
            .inverseOffer(fwId, agent.info.id(), agent.maintenanceStart, agent.maintenanceDuration);
      }
    }
  }

  /**
   * The state of one allocation run: the offers made so far, and Mesos's headroom books. {@code
   * required} is the sum over top-level roles with quota of their unmet guarantees; {@code
   * availableHeadroom} is every agent's free unreserved, non-revocable capacity.
   */
  private final class Run {
    final Map<String, List<Allocation>> offers = new LinkedHashMap<>();
    final long now = ctx.now();
    Resources required = Resources.EMPTY;
    Resources availableHeadroom = Resources.EMPTY;

    Run() {
      for (String role : new TreeSet<>(quotas.keySet())) {
        Quota q = quotas.get(role);
        if (!role.contains("/") && !q.guarantee().isEmpty()) {
          required = required.plus(Quantities.of(q.guarantee()).minusFloored(consumed(role)));
        }
      }
      if (!required.isEmpty()) {
        for (AgentState a : agents.values()) {
          availableHeadroom = availableHeadroom.plus(Quantities.of(a.available()));
        }
      }
    }

    /** What headroom lets a role take beyond its guarantee. */
    Resources capByHeadroom(Resources extra) {
      return required.isEmpty()
          ? extra
          : Quantities.shrink(extra, availableHeadroom.minusFloored(required));
    }

    void offer(FrameworkState fw, AgentState agent, String role, Resources resources) {
      track(fw, agent, resources);
      offers
          .computeIfAbsent(fw.info.id(), k -> new ArrayList<>())
          .add(new Allocation(role, agent.info.id(), resources, agent));
    }
  }

  private boolean hasGuarantees() {
    for (Quota q : quotas.values()) {
      if (!q.guarantee().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** The quota of {@code role}; only top-level roles have one. */
  private Quota quotaOf(String role) {
    return role.contains("/") ? Quota.NONE : quotas.getOrDefault(role, Quota.NONE);
  }

  /** The parts of an offer quota never limits: reservations, ranges, revocable resources. */
  private static Resources unlimitedParts(Resources r) {
    return r.filter(e -> e.isReserved() || !e.isScalar() || e.revocable());
  }

  /**
   * Stage 1: frameworks of roles with unmet guarantees get up to the guarantee first. Returns as
   * {@link #allocateFairShare} does, for the idle-agent shortcut.
   */
  private long allocateGuarantees(AgentState agent, Run run) {
    long idleUntil = Long.MAX_VALUE;
    for (String role : roleSorter.sort()) {
      Quota quota = quotaOf(role);
      if (quota.guarantee().isEmpty()) {
        continue;
      }
      if (agent.available().isEmpty()) {
        return idleUntil;
      }
      Resources unsat = Quantities.of(quota.guarantee()).minusFloored(consumed(role));
      // As in stage 2, the offer depends on the framework only through REVOCABLE_RESOURCES.
      Resources available = null;
      Resources[] toOffer = new Resources[2];
      Resources[] taken = new Resources[2];
      Resources[] guaranteed = new Resources[2];
      Boolean[] allocatable = new Boolean[2];
      for (String fwId : frameworkSorters.get(role).ordered()) {
        if (unsat.isEmpty()) {
          break;
        }
        if (available == null) {
          available = agent.available().allocatableTo(role);
        }
        if (available.isEmpty()) {
          break;
        }
        FrameworkState fw = frameworks.get(fwId);
        if (gpuBarred(agent, fw)) {
          continue;
        }
        int variant = fw.revocableCapable ? 1 : 0;
        if (toOffer[variant] == null) {
          Resources avail = variant == 1 ? available : available.nonRevocable();
          Resources q = Quantities.of(avail);
          Resources g = Quantities.shrink(q, unsat);
          Resources extra = q.minus(g);
          extra = Quantities.shrinkToLimits(extra, quota.limit(), consumed(role).plus(g));
          extra = run.capByHeadroom(extra);
          guaranteed[variant] = g;
          taken[variant] = g.plus(extra);
          toOffer[variant] =
              g.isEmpty() ? Resources.EMPTY : unlimitedParts(avail).plus(taken[variant]);
          allocatable[variant] = allocatable(toOffer[variant], ctx.options().minAllocatable());
        }
        Resources offer = toOffer[variant];
        long blocked = blockedUntil(fw, agent, offer, allocatable[variant], run.now);
        if (blocked >= 0) {
          idleUntil = Math.min(idleUntil, blocked);
          continue;
        }
        run.offer(fw, agent, role, offer);
        unsat = unsat.minusFloored(taken[variant]);
        run.required = run.required.minusFloored(guaranteed[variant]);
        run.availableHeadroom = run.availableHeadroom.minusFloored(taken[variant]);
        available = null;
        toOffer = new Resources[2];
        allocatable = new Boolean[2];
        idleUntil = -1;
      }
    }
    return idleUntil;
  }

  /**
   * Stage 2: everything left, in fair-share order, within limits and the headroom. Returns -1 if it
   * made an offer on the agent; otherwise until when nothing can change that (the earliest expiry
   * of the filters that blocked, or {@link Long#MAX_VALUE}), for the idle-agent shortcut.
   */
  private long allocateFairShare(AgentState agent, Run run) {
    long idleUntil = Long.MAX_VALUE;
    for (String role : roleSorter.ordered()) {
      if (agent.available().isEmpty()) {
        return -1;
      }
      Sorter fs = frameworkSorters.get(role);
      if (!fs.hasActive()) {
        continue; // every framework of the role is suppressed or inactive: nothing to offer
      }
      Quota quota = quotaOf(role);
      Iterable<String> sorted =
          preference == FrameworkPreference.NONE
              ? fs.ordered()
              : preference.reorder(
                  fs.sort(), agent.available().allocatableTo(role), agent.total, demands);
      // What the role may be offered here depends only on the framework's REVOCABLE_RESOURCES
      // capability, so it is computed once per variant until an offer changes the agent.
      Resources available = null;
      Resources[] toOffer = new Resources[2];
      Boolean[] allocatable = new Boolean[2];
      for (String fwId : sorted) {
        if (available == null) {
          available = agent.available().allocatableTo(role);
        }
        if (available.isEmpty()) {
          break; // nothing left on this agent for this role; the next role may still see some
        }
        FrameworkState fw = frameworks.get(fwId);
        if (gpuBarred(agent, fw)) {
          continue;
        }
        int variant = fw.revocableCapable ? 1 : 0;
        if (toOffer[variant] == null) {
          Resources avail = variant == 1 ? available : available.nonRevocable();
          if (quota.limit().isEmpty() && run.required.isEmpty()) {
            // Nothing to cap: the quota-limited parts and the rest add up to the whole again.
            toOffer[variant] = avail;
          } else {
            Resources extra = Quantities.of(avail);
            extra = Quantities.shrinkToLimits(extra, quota.limit(), consumed(role));
            extra = run.capByHeadroom(extra);
            toOffer[variant] = unlimitedParts(avail).plus(extra);
          }
          allocatable[variant] = allocatable(toOffer[variant], ctx.options().minAllocatable());
        }
        Resources offer = toOffer[variant];
        long blocked = blockedUntil(fw, agent, offer, allocatable[variant], run.now);
        if (blocked >= 0) {
          idleUntil = Math.min(idleUntil, blocked);
          continue;
        }
        run.offer(fw, agent, role, offer);
        if (!run.required.isEmpty()) { // the headroom is only kept while guarantees are unmet
          run.availableHeadroom = run.availableHeadroom.minusFloored(Quantities.of(offer));
        }
        available = null;
        toOffer = new Resources[2];
        allocatable = new Boolean[2];
        idleUntil = -1;
      }
    }
    return idleUntil;
  }

  /**
   * Whether {@code fw} may take {@code offer} now: -1 if it may; {@link Long#MAX_VALUE} if the
   * offer is below its min_allocatable ({@code allocatableByDefault} answers for the master's
   * sets); otherwise until when a refusal filter blocks it.
   */
  private long blockedUntil(
      FrameworkState fw,
      AgentState agent,
      Resources offer,
      boolean allocatableByDefault,
      long now) {
    boolean ok =
        fw.info.minAllocatable() == null
            ? allocatableByDefault
            : allocatable(offer, fw.info.minAllocatable());
    return ok ? filteredUntil(fw, agent, offer, now) : Long.MAX_VALUE;
  }

  private boolean gpuBarred(AgentState agent, FrameworkState fw) {
    return !fw.gpuCapable && agent.total.milli("gpus") > 0 && ctx.options().filterGpuResources();
  }

  /**
   * Mesos's {@code allocatable}: non-empty and containing at least one of the min_allocatable sets,
   * the framework's own when it set them (an empty list of its own accepts anything).
   */
  private boolean allocatable(Resources candidate, FrameworkState fw) {
    return allocatable(
        candidate,
        fw.info.minAllocatable() != null
            ? fw.info.minAllocatable()
            : ctx.options().minAllocatable());
  }

  private static boolean allocatable(Resources candidate, List<Resources> min) {
    if (candidate.isEmpty()) {
      return false;
    }
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

  /**
   * Quota consumption of a top-level role: what its subtree holds offered or allocated of
   * unreserved, non-revocable scalars, plus every reservation of its subtree, used or not.
   */
  private Resources consumed(String role) {
    String top = topRole(role);
    return quotaHeld
        .getOrDefault(top, Resources.EMPTY)
        .plus(reservations.getOrDefault(top, Resources.EMPTY));
  }

  private static String topRole(String role) {
    int slash = role.indexOf('/');
    return slash < 0 ? role : role.substring(0, slash);
  }

  /**
   * Until when a refusal filter keeps {@code candidate} from {@code fw} on the agent: the latest
   * expiry among the live filters that block it, or -1 if none does. Expired filters are dropped.
   */
  private long filteredUntil(FrameworkState fw, AgentState agent, Resources candidate, long now) {
    RefusalFilter[] table = fw.filters;
    int i = agent.index;
    if (i >= table.length) {
      return -1;
    }
    RefusalFilter head = table[i];
    if (head == null) {
      return -1;
    }
    if (head.epoch != fw.epoch) {
      table[i] = null;
      return -1;
    }
    long until = -1;
    boolean expired = false;
    for (RefusalFilter f = head; f != null; f = f.next) {
      if (f.expiresAt < now) {
        expired = true;
      } else if (f.blocks(candidate, now)) {
        until = Math.max(until, f.expiresAt);
      }
    }
    if (expired) {
      table[i] = head.withoutExpired(now);
    }
    return until;
  }
}
