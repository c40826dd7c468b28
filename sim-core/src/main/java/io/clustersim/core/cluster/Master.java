package io.clustersim.core.cluster;

import io.clustersim.core.allocator.Allocation;
import io.clustersim.core.allocator.Allocator;
import io.clustersim.core.allocator.OfferSink;
import io.clustersim.core.allocator.Quota;
import io.clustersim.core.framework.Capability;
import io.clustersim.core.framework.ExecutorInfo;
import io.clustersim.core.framework.Filters;
import io.clustersim.core.framework.FrameworkInfo;
import io.clustersim.core.framework.InverseOffer;
import io.clustersim.core.framework.Offer;
import io.clustersim.core.framework.Operation;
import io.clustersim.core.framework.TaskInfo;
import io.clustersim.core.framework.TaskState;
import io.clustersim.core.framework.TaskStatus;
import io.clustersim.core.kernel.SimTime;
import io.clustersim.core.kernel.Simulation;
import io.clustersim.core.log.EventLog;
import io.clustersim.core.log.LogEvent;
import io.clustersim.core.net.Endpoint;
import io.clustersim.core.net.Message;
import io.clustersim.core.net.Network;
import io.clustersim.core.resources.ResourceException;
import io.clustersim.core.resources.Resources;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The leading master: the registry of agents and frameworks, offers, task and executor bookkeeping,
 * agent health checks and authentication. Allocation decisions are its {@link Allocator}'s.
 *
 * <p>Every change to an agent's offered or allocated resources is checked against the agent's total
 * at once; a violation stops the run with an {@link InvariantViolation}. All maps are insertion
 * ordered, so iteration follows the order of events, never hashing.
 */
public final class Master implements Endpoint, OfferSink {
  /** The master's network address. */
  public static final String ADDRESS = "master";

  private final String id;
  private final Simulation sim;
  private final Network net;
  private final EventLog log;
  private final Allocator allocator;
  private final MasterConfig config;
  private final Map<String, AgentEntry> agents = new LinkedHashMap<>();
  private final Map<String, FrameworkEntry> frameworks = new LinkedHashMap<>();
  private final Map<String, OfferEntry> offers = new LinkedHashMap<>();

  /** Frameworks removed for good: Mesos refuses their re-registration. */
  private final Set<String> removedFrameworks = new HashSet<>();

  /** Agents removed after missed pings: they may come back (a healed partition). */
  private final Set<String> unreachableAgents = new LinkedHashSet<>();

  private long nextOfferId;

  /** Outstanding inverse offers: id → {framework, agent}. */
  private final Map<String, String[]> inverseOffers = new LinkedHashMap<>();

  private long nextInverseOfferId;

  /** A master named {@code id}; it logs its election at once. */
  public Master(
      String id,
      Simulation sim,
      Network net,
      EventLog log,
      Allocator allocator,
      MasterConfig config) {
    this.id = id;
    this.sim = sim;
    this.net = net;
    this.log = log;
    this.allocator = allocator;
    this.config = config;
    log.emit(new LogEvent.MasterElected(id));
  }

  /**
   * A master elected after a failover. {@code registry} holds the agents the cluster had admitted
   * (Mesos's replicated registry): each may re-register with all it runs; those that have not done
   * so within agent_reregister_timeout are removed.
   */
  public Master(
      String id,
      Simulation sim,
      Network net,
      EventLog log,
      Allocator allocator,
      MasterConfig config,
      Collection<String> registry,
      Collection<String> unreachable) {
    this(id, sim, net, log, allocator, config);
    this.registry.addAll(registry);
    this.unreachableAgents.addAll(unreachable);
    sim.after(
        config.agentReregisterTimeoutMicros(),
        Simulation.PRIORITY_TIMER,
        () -> {
          for (String agentId : List.copyOf(this.registry)) {
            if (!dead && !agents.containsKey(agentId)) {
              // Marked unreachable, as Mesos does: it may still come back later.
              this.registry.remove(agentId);
              unreachableAgents.add(agentId);
              log.emit(new LogEvent.AgentRemoved(agentId, "reregister_timeout"));
              answerDeferred(agentId);
            }
          }
        });
  }

  /** This master dies (a failover fault): from now on it neither hears nor says anything. */
  public void crash() {
    dead = true;
    // The frameworks' outstanding offers die with it; the log closes them so that what it says
    // is offered stays true.
    for (OfferEntry o : offers.values()) {
      log.emit(new LogEvent.OfferRescinded(o.id(), o.frameworkId(), "master_failover"));
    }
  }

  /** The agents marked unreachable: the registry keeps them for a new leader. */
  public List<String> unreachableAgentIds() {
    return new ArrayList<>(unreachableAgents);
  }

  /** Whether this master crashed. */
  public boolean isDead() {
    return dead;
  }

  /** The agents admitted: what a new leader finds in the registry. */
  public List<String> agentIds() {
    // Those that re-registered, then those still expected: the registry outlives any leader.
    List<String> all = new ArrayList<>(agents.keySet());
    registry.stream().filter(id -> !agents.containsKey(id)).forEach(all::add);
    return all;
  }

  private boolean dead;

  /** Agents a previous leader admitted that have not re-registered with this one yet. */
  private final Set<String> registry = new LinkedHashSet<>();

  @Override
  public String address() {
    return ADDRESS;
  }

  /** The master's books now, with the allocator's view (for state dumps). */
  ClusterState state(long lastSeq) {
    List<ClusterState.Agent> agentViews = new ArrayList<>();
    List<ClusterState.Task> taskViews = new ArrayList<>();
    for (AgentEntry a : agents.values()) {
      agentViews.add(
          new ClusterState.Agent(
              a.id(),
              a.total,
              a.total.filter(r -> r.isReserved()),
              a.offered,
              a.allocated,
              a.available()));
      for (MasterTask t : a.tasks.values()) {
        taskViews.add(
            new ClusterState.Task(t.id, t.frameworkId, t.agentId, t.state.name(), t.resources));
      }
    }
    List<ClusterState.Framework> frameworkViews = new ArrayList<>();
    for (FrameworkEntry f : frameworks.values()) {
      frameworkViews.add(
          new ClusterState.Framework(
              f.info.id(), f.info.role(), f.active, f.offers.size(), f.tasks.size()));
    }
    List<ClusterState.Offer> offerViews = new ArrayList<>();
    for (OfferEntry o : offers.values()) {
      offerViews.add(
          new ClusterState.Offer(o.id(), o.frameworkId(), o.agentId(), o.role(), o.resources()));
    }
    return new ClusterState(
        sim.now(), lastSeq, agentViews, frameworkViews, offerViews, taskViews, allocator.state());
  }

  /** The allocator's offers, as its {@code OfferSink}. */
  @Override
  public void offer(String frameworkId, List<Allocation> allocations) {
    if (dead) {
      return; // a run the old leader's allocator had already started reaches nobody
    }
    FrameworkEntry fw = frameworks.get(frameworkId);
    List<Offer> batch = new ArrayList<>();
    for (Allocation a : allocations) {
      AgentEntry agent = agents.get(a.agentId());
      if (agent == null) {
        throw violation("offer of " + a.resources() + " on unknown agent " + a.agentId());
      }
      checkAvailable(agent, a.resources(), "offer to " + frameworkId);
      if (fw == null || !fw.active) {
        // As Mesos does for offers to an inactive framework: give them straight back.
        allocator.recoverResources(frameworkId, a.agentId(), a.resources(), null);
        continue;
      }
      String offerId = "o-" + nextOfferId++;
      agent.offered = agent.offered.plus(a.resources());
      long timeout =
          config.offerTimeoutMicros() == SimTime.NEVER
              ? Simulation.NO_EVENT
              : sim.after(
                  config.offerTimeoutMicros(),
                  Simulation.PRIORITY_TIMER,
                  () -> rescind(offerId, "offer_timeout", true));
      offers.put(offerId, new OfferEntry(offerId, frameworkId, a, agent, timeout));
      fw.offers.add(offerId);
      log.emit(new LogEvent.Offer(offerId, frameworkId, a.role(), a.agentId(), a.resources()));
      batch.add(new Offer(offerId, a.agentId(), a.role(), a.resources(), agent.info.attributes()));
    }
    if (!batch.isEmpty()) {
      send(fw.address(), new Message.ResourceOffers(List.copyOf(batch)));
    }
  }

  /** The allocator's inverse offers: the framework is asked to give the agent back. */
  @Override
  public void inverseOffer(
      String frameworkId, String agentId, long startMicros, long durationMicros) {
    FrameworkEntry fw = frameworks.get(frameworkId);
    if (fw == null || !fw.active || !agents.containsKey(agentId)) {
      return;
    }
    String id = "io-" + nextInverseOfferId++;
    inverseOffers.put(id, new String[] {frameworkId, agentId});
    log.emit(new LogEvent.InverseOfferMade(id, frameworkId, agentId, startMicros, durationMicros));
    send(
        fw.address(),
        new Message.InverseOffers(
            List.of(new InverseOffer(id, agentId, startMicros, durationMicros))));
  }

  /**
   * An operator schedules maintenance: {@code agentId} will be unavailable from {@code startMicros}
   * for {@code durationMicros}; the frameworks using it get inverse offers.
   */
  public void scheduleMaintenance(String agentId, long startMicros, long durationMicros) {
    log.emit(new LogEvent.MaintenanceScheduled(agentId, startMicros, durationMicros));
    allocator.updateUnavailability(agentId, startMicros, durationMicros);
  }

  private void answerInverseOffer(Message.InverseOfferReply r) {
    String[] io = inverseOffers.get(r.inverseOfferId());
    if (io == null || !io[0].equals(r.frameworkId())) {
      return; // unknown or already answered: ignored, as a stale reply
    }
    inverseOffers.remove(r.inverseOfferId());
    log.emit(new LogEvent.InverseOfferAnswered(r.inverseOfferId(), r.frameworkId(), r.accepted()));
    allocator.updateInverseOffer(r.frameworkId(), io[1], r.accepted(), r.filters());
  }

  @Override
  public void receive(String from, Message m) {
    if (dead) {
      return;
    }
    if (m instanceof Message.RegisterAgent r) {
      registerAgent(r);
    } else if (m instanceof Message.Pong p) {
      AgentEntry a = agents.get(p.agentId());
      if (a != null) {
        a.ponged = true;
      }
    } else if (m instanceof Message.StatusUpdate u) {
      statusUpdate(u);
    } else if (m instanceof Message.UsageReport u) {
      AgentEntry a = agents.get(u.agentId());
      if (a != null) {
        log.emit(
            new LogEvent.AgentUsage(
                u.agentId(),
                Resources.scalar("cpus", u.usedCpusMilli() / 1000.0)
                    .plus(Resources.scalar("mem", u.usedMemMilli() / 1000.0)),
                a.allocated));
      }
    } else if (m instanceof Message.UpdateOversubscribed o) {
      updateOversubscribed(o.agentId(), o.revocable());
    } else if (m instanceof Message.StatusAck a) {
      FrameworkEntry fw = frameworks.get(a.frameworkId());
      if (fw != null) {
        fw.unacked.remove(a.taskId() + "/" + a.state().name());
      }
    } else if (m instanceof Message.ExecutorExited e) {
      executorExited(e);
    } else if (m instanceof Message.RegisterFramework r) {
      registerFramework(r.info(), r.reregister());
    } else if (m instanceof Message.AcceptOffers a) {
      accept(a);
    } else if (m instanceof Message.DeclineOffer d) {
      decline(d);
    } else if (m instanceof Message.InverseOfferReply r) {
      answerInverseOffer(r);
    } else if (m instanceof Message.ResourceRequest r) {
      if (frameworks.containsKey(r.frameworkId())) {
        allocator.requestResources(r.frameworkId(), r.requests());
      }
    } else if (m instanceof Message.SuppressOffers s) {
      if (frameworks.containsKey(s.frameworkId())) {
        allocator.suppressOffers(s.frameworkId());
        log.emit(new LogEvent.OfferSuppression(s.frameworkId(), true));
      }
    } else if (m instanceof Message.ReviveOffers r) {
      if (frameworks.containsKey(r.frameworkId())) {
        log.emit(new LogEvent.OfferSuppression(r.frameworkId(), false));
        allocator.reviveOffers(r.frameworkId());
      }
    } else if (m instanceof Message.KillTaskRequest k) {
      killTask(k);
    } else if (m instanceof Message.ReconcileTasks r) {
      reconcile(r);
    } else if (m instanceof Message.SetFrameworkActive s) {
      setActive(s.frameworkId(), s.active());
    } else if (m instanceof Message.FrameworkToExecutor f) {
      if (agents.containsKey(f.agentId())) {
        send(AgentProcess.address(f.agentId()), f);
      }
    } else {
      throw new IllegalStateException("master cannot handle " + m);
    }
  }

  // ------------------------------------------------------------------ agents

  private void registerAgent(Message.RegisterAgent r) {
    AgentEntry known = agents.get(r.agentId());
    if (known != null) {
      known.generation = r.generation();
      // Hearing from it resets its health checks, as a pong would.
      known.ponged = true;
      known.missedPings = 0;
      // Re-registration: tasks the agent no longer runs were lost with its process; tasks it runs
      // that this master does not hold (their framework was removed meanwhile) are killed.
      for (MasterTask task : List.copyOf(known.tasks.values())) {
        if (!r.runningTasks().contains(task.frameworkId + "/" + task.id)) {
          loseTask(known, task, TaskState.TASK_LOST, "REASON_SLAVE_RESTARTED");
        }
      }
      for (String key : r.runningTasks()) {
        if (!known.tasks.containsKey(key)) {
          int slash = key.indexOf('/');
          send(
              AgentProcess.address(r.agentId()),
              new Message.KillTask(key.substring(0, slash), key.substring(slash + 1)));
        }
      }
      send(AgentProcess.address(r.agentId()), new Message.AgentRegistered(r.agentId()));
      return;
    }
    AgentEntry agent = new AgentEntry(new AgentInfo(r.agentId(), r.attributes()), r.resources());
    agent.generation = r.generation();
    agents.put(r.agentId(), agent);
    if (registry.contains(r.agentId())) {
      log.emit(new LogEvent.AgentReregistered(r.agentId()));
    } else {
      log.emit(new LogEvent.AgentAdded(r.agentId(), r.resources()));
    }
    send(AgentProcess.address(r.agentId()), new Message.AgentRegistered(r.agentId()));
    Map<String, Resources> used = new LinkedHashMap<>();
    if (registry.remove(r.agentId())) {
      adopt(agent, r, used, true);
      answerDeferred(r.agentId());
    } else if (unreachableAgents.remove(r.agentId())) {
      adopt(agent, r, used, false);
    } else {
      // A new agent holds no tasks of ours: anything it runs is killed.
      for (String key : r.runningTasks()) {
        int slash = key.indexOf('/');
        send(
            AgentProcess.address(agent.id()),
            new Message.KillTask(key.substring(0, slash), key.substring(slash + 1)));
      }
    }
    allocator.addAgent(agent.info, agent.total, used);
    ping(agent);
  }

  /**
   * An agent the master did not hold registers with what it still runs, and this master adopts
   * those tasks. After a healed partition ({@code failover} false, Mesos 1.x): only tasks of
   * partition-aware frameworks, reported {@code TASK_UNREACHABLE} → {@code TASK_RUNNING}; the
   * others were reported lost and are killed. After a master failover ({@code failover} true):
   * every task, unreported since the frameworks never heard otherwise; frameworks this master does
   * not know yet are recovered, inactive, from the agent's copy of their FrameworkInfo until they
   * re-register. Either way a task that would take the agent past its total is killed: a
   * framework's removal never reached the agent (a partition) and its resources were given away;
   * Mesos would adopt and overcommit (a deliberate difference). A custom executor's own resources
   * are not booked again.
   */
  private void adopt(
      AgentEntry agent, Message.RegisterAgent r, Map<String, Resources> used, boolean failover) {
    for (String key : r.runningTasks()) {
      int slash = key.indexOf('/');
      String frameworkId = key.substring(0, slash);
      String taskId = key.substring(slash + 1);
      Resources resources = r.taskResources().get(key);
      // A custom executor's own resources are booked with its first adopted task.
      ExecutorInfo executor = r.taskExecutors().get(key);
      String execKey = executor == null ? null : frameworkId + "/" + executor.id();
      Resources execResources =
          executor == null || agent.executors.containsKey(execKey)
              ? Resources.EMPTY
              : executor.resources();
      FrameworkEntry fw = null;
      if (resources != null
          && agent.total.contains(agent.allocated.plus(resources).plus(execResources))) {
        fw = frameworks.get(frameworkId);
        if (fw == null && failover && r.frameworks().get(frameworkId) != null) {
          fw = recoverFramework(r.frameworks().get(frameworkId));
        }
      }
      if (fw == null || !(failover || fw.info.has(Capability.PARTITION_AWARE))) {
        send(AgentProcess.address(agent.id()), new Message.KillTask(frameworkId, taskId));
        continue;
      }
      MasterTask task = new MasterTask(taskId, frameworkId, agent.id(), resources, executor);
      task.state = TaskState.TASK_RUNNING;
      agent.tasks.put(key, task);
      fw.tasks.put(taskId, task);
      if (!execResources.isEmpty()) {
        agent.executors.put(execKey, execResources);
      }
      agent.allocated = agent.allocated.plus(resources).plus(execResources);
      checkAgent(agent);
      used.merge(frameworkId, resources.plus(execResources), Resources::plus);
      if (!failover) {
        String why = "REASON_AGENT_REREGISTERED";
        log.emit(new LogEvent.TaskStatus(taskId, frameworkId, agent.id(), "TASK_RUNNING", why));
        toFramework(fw, new TaskStatus(taskId, agent.id(), TaskState.TASK_RUNNING, why));
      }
    }
  }

  /** A framework known only from an agent's report after a failover: inactive until it returns. */
  private FrameworkEntry recoverFramework(FrameworkInfo info) {
    FrameworkEntry fw = new FrameworkEntry(info);
    fw.connected = false;
    fw.active = false;
    frameworks.put(info.id(), fw);
    allocator.addFramework(info, Map.of(), false);
    return fw;
  }

  private void ping(AgentEntry agent) {
    agent.ponged = false;
    send(AgentProcess.address(agent.id()), new Message.Ping(agent.id()));
    agent.pingTimer =
        sim.after(
            config.agentPingTimeoutMicros(), Simulation.PRIORITY_TIMER, () -> pingTimeout(agent));
  }

  private void pingTimeout(AgentEntry agent) {
    if (dead) {
      return;
    }
    if (agent.ponged) {
      agent.missedPings = 0;
    } else if (++agent.missedPings >= config.maxAgentPingTimeouts()) {
      removeAgent(agent.id(), "unreachable", false);
      return;
    }
    ping(agent);
  }

  /**
   * An agent's capacity changes (a machine update in a trace). Outstanding offers on it are
   * rescinded first; the change applies only if the new total still holds what tasks and executors
   * use, since Mesos never takes resources away from running tasks. Returns whether it applied.
   */
  public boolean updateAgent(String agentId, Resources total) {
    AgentEntry agent = agents.get(agentId);
    if (agent == null) {
      return false;
    }
    for (OfferEntry o : List.copyOf(offers.values())) {
      if (o.agentId().equals(agentId)) {
        rescind(o.id(), "agent_updated", true);
      }
    }
    if (!total.contains(agent.allocated)) {
      return false;
    }
    agent.total = total;
    allocator.updateAgent(agentId, total);
    log.emit(new LogEvent.AgentUpdated(agentId, total));
    checkAgent(agent);
    return true;
  }

  /**
   * An agent's revocable resources changed. As Mesos's master, offers holding revocable resources
   * on it are rescinded and the allocator gets the new total, which triggers an allocation there.
   * The total never drops below the revocable resources tasks hold (a launch may have crossed the
   * agent's estimate on the wire); the QoS controller, not the master, takes those back.
   */
  private void updateOversubscribed(String agentId, Resources revocable) {
    AgentEntry agent = agents.get(agentId);
    if (agent == null) {
      return;
    }
    for (OfferEntry o : List.copyOf(offers.values())) {
      if (o.agentId().equals(agentId) && !o.resources().revocable().isEmpty()) {
        rescind(o.id(), "oversubscription_changed", true);
      }
    }
    // No offer holds revocable resources any more: only what tasks hold can exceed the report.
    Resources held = agent.allocated.revocable();
    Resources total = agent.total.nonRevocable().plus(revocable.contains(held) ? revocable : held);
    if (total.equals(agent.total)) {
      return;
    }
    agent.total = total;
    allocator.updateAgent(agentId, total);
    log.emit(new LogEvent.AgentUpdated(agentId, total));
    checkAgent(agent);
  }

  /**
   * Removes an agent: unreachable after missed pings, or by an operator. Tasks become TASK_LOST, or
   * TASK_UNREACHABLE (TASK_GONE_BY_OPERATOR when removed by an operator) for partition-aware
   * frameworks, and every framework is told the agent is lost.
   */
  public void removeAgent(String agentId, String reason, boolean byOperator) {
    AgentEntry agent = agents.remove(agentId);
    if (agent == null) {
      return;
    }
    agent.removed = true;
    sim.cancel(agent.pingTimer);
    // As Mesos: the allocator forgets the agent first, so nothing on it is ever offered again.
    allocator.removeAgent(agentId);
    inverseOffers.values().removeIf(io -> io[1].equals(agentId));
    log.emit(new LogEvent.AgentRemoved(agentId, reason));
    if (!byOperator) {
      unreachableAgents.add(agentId);
    }
    for (OfferEntry o : List.copyOf(offers.values())) {
      if (o.agentId().equals(agentId)) {
        rescind(o.id(), "agent_removed", false);
      }
    }
    for (MasterTask task : List.copyOf(agent.tasks.values())) {
      FrameworkEntry fw = frameworks.get(task.frameworkId);
      boolean partitionAware = fw != null && fw.info.has(Capability.PARTITION_AWARE);
      TaskState state;
      if (!partitionAware) {
        state = TaskState.TASK_LOST;
      } else {
        state = byOperator ? TaskState.TASK_GONE_BY_OPERATOR : TaskState.TASK_UNREACHABLE;
      }
      String why = byOperator ? "REASON_SLAVE_REMOVED_BY_OPERATOR" : "REASON_SLAVE_REMOVED";
      task.state = state;
      agent.tasks.remove(task.frameworkId + "/" + task.id);
      if (fw != null) {
        fw.tasks.remove(task.id);
      }
      log.emit(new LogEvent.TaskStatus(task.id, task.frameworkId, agentId, state.name(), why));
      if (fw != null) {
        toFramework(fw, new TaskStatus(task.id, agentId, state, why));
      }
    }
    for (FrameworkEntry fw : frameworks.values()) {
      send(fw.address(), new Message.AgentLost(agentId));
    }
  }

  /**
   * Ends a task the agent cannot report on: the master frees its resources and tells the framework.
   */
  private void loseTask(AgentEntry agent, MasterTask task, TaskState state, String reason) {
    agent.tasks.remove(task.frameworkId + "/" + task.id);
    agent.allocated = agent.allocated.minus(task.resources);
    checkAgent(agent);
    allocator.recoverResources(task.frameworkId, agent.id(), task.resources, null);
    String execKey = task.frameworkId + "/" + task.executorId;
    if (task.executor != null
        && agent.executors.containsKey(execKey)
        && agent.tasks.values().stream()
            .noneMatch(t -> (t.frameworkId + "/" + t.executorId).equals(execKey))) {
      Resources held = agent.executors.remove(execKey);
      agent.allocated = agent.allocated.minus(held);
      allocator.recoverResources(task.frameworkId, agent.id(), held, null);
    }
    task.state = state;
    log.emit(new LogEvent.TaskStatus(task.id, task.frameworkId, agent.id(), state.name(), reason));
    FrameworkEntry fw = frameworks.get(task.frameworkId);
    if (fw != null) {
      fw.tasks.remove(task.id);
      toFramework(fw, new TaskStatus(task.id, agent.id(), state, reason));
    }
  }

  // ------------------------------------------------------------------ frameworks

  private void registerFramework(FrameworkInfo info, boolean reregister) {
    String refusal = authenticate(info);
    if (refusal != null) {
      log.emit(new LogEvent.RegistrationRefused(info.id(), refusal));
      send(FrameworkProcess.address(info.id()), new Message.FrameworkError(refusal));
      return;
    }
    if (removedFrameworks.contains(info.id())) {
      String why = "framework " + info.id() + " has been removed (its failover timeout passed)";
      log.emit(new LogEvent.RegistrationRefused(info.id(), why));
      send(FrameworkProcess.address(info.id()), new Message.FrameworkError(why));
      return;
    }
    FrameworkEntry existing = frameworks.get(info.id());
    if (existing != null) {
      send(existing.address(), new Message.FrameworkRegistered(info.id(), id));
      if (!existing.connected) {
        // Failover: the scheduler is back within failover_timeout and keeps its tasks; the status
        // updates of its absence follow, as the agents' retries would deliver them.
        existing.connected = true;
        sim.cancel(existing.failoverTimer);
        existing.failoverTimer = Simulation.NO_EVENT;
        for (Message m : List.copyOf(existing.unacked.values())) {
          net.send(ADDRESS, existing.address(), m);
        }
        armStatusRetry(existing);
        setActive(info.id(), true);
      }
      return;
    }
    FrameworkEntry fw = new FrameworkEntry(info);
    frameworks.put(info.id(), fw);
    if (!reregister) {
      // A framework failing over to a new leader was added long ago: the log says so once.
      log.emit(new LogEvent.FrameworkAdded(info.id(), info.role()));
    }
    send(fw.address(), new Message.FrameworkRegistered(info.id(), id));
    allocator.addFramework(info, Map.of(), true);
  }

  private String authenticate(FrameworkInfo info) {
    if (!config.credentials().isEmpty()) {
      if (info.principal() == null) {
        return "authentication required: no principal";
      }
      String secret = config.credentials().get(info.principal());
      if (secret == null) {
        return "authentication failed: unknown principal '" + info.principal() + "'";
      }
      if (!secret.equals(info.secret())) {
        return "authentication failed: wrong secret for principal '" + info.principal() + "'";
      }
    }
    if (!config.acls().isEmpty()) {
      List<String> roles = info.principal() == null ? null : config.acls().get(info.principal());
      if (roles == null || !(roles.contains(info.role()) || roles.contains("*"))) {
        return "not authorized: principal '"
            + info.principal()
            + "' may not register in role '"
            + info.role()
            + "'";
      }
    }
    return null;
  }

  private void setActive(String frameworkId, boolean active) {
    FrameworkEntry fw = frameworks.get(frameworkId);
    if (fw == null || fw.active == active) {
      return;
    }
    fw.active = active;
    log.emit(new LogEvent.FrameworkActivation(frameworkId, active));
    if (active) {
      allocator.activateFramework(frameworkId);
    } else {
      allocator.deactivateFramework(frameworkId);
      for (String offerId : List.copyOf(fw.offers)) {
        rescind(offerId, "framework_deactivated", true);
      }
    }
  }

  /**
   * The scheduler's connection broke (it crashed): the framework is deactivated, its offers
   * rescinded, and it is removed with its tasks unless it re-registers within its failover_timeout
   * (at once when that is 0, Mesos's default).
   */
  public void frameworkExited(String frameworkId) {
    if (dead) {
      return;
    }
    FrameworkEntry fw = frameworks.get(frameworkId);
    if (fw == null || !fw.connected) {
      return;
    }
    fw.connected = false;
    setActive(frameworkId, false);
    long timeout = fw.info.failoverTimeoutMicros();
    if (timeout <= 0) {
      removeFramework(frameworkId, "failover_timeout");
    } else {
      fw.failoverTimer =
          sim.after(
              timeout,
              Simulation.PRIORITY_TIMER,
              () -> {
                if (!dead && frameworks.get(frameworkId) == fw && !fw.connected) {
                  removeFramework(frameworkId, "failover_timeout");
                }
              });
    }
  }

  /**
   * Removes a framework: its offers are withdrawn, its tasks killed on their agents, and the
   * allocator frees everything it held.
   */
  public void removeFramework(String frameworkId, String reason) {
    FrameworkEntry fw = frameworks.get(frameworkId);
    if (fw == null) {
      return;
    }
    // The allocator frees what the offers held when it removes the framework below.
    for (String offerId : List.copyOf(fw.offers)) {
      rescind(offerId, "framework_removed", false);
    }
    frameworks.remove(frameworkId);
    removedFrameworks.add(frameworkId);
    sim.cancel(fw.failoverTimer);
    inverseOffers.values().removeIf(io -> io[0].equals(frameworkId));
    List<String> agentsWithTasks = new ArrayList<>();
    for (MasterTask task : fw.tasks.values()) {
      AgentEntry agent = agents.get(task.agentId);
      agent.tasks.remove(frameworkId + "/" + task.id);
      agent.allocated = agent.allocated.minus(task.resources);
      log.emit(
          new LogEvent.TaskStatus(
              task.id, frameworkId, task.agentId, "TASK_KILLED", "REASON_FRAMEWORK_REMOVED"));
      if (!agentsWithTasks.contains(task.agentId)) {
        agentsWithTasks.add(task.agentId);
      }
    }
    for (AgentEntry agent : agents.values()) {
      String prefix = frameworkId + "/";
      for (String key : List.copyOf(agent.executors.keySet())) {
        if (key.startsWith(prefix)) {
          agent.allocated = agent.allocated.minus(agent.executors.remove(key));
        }
      }
    }
    allocator.removeFramework(frameworkId);
    log.emit(new LogEvent.FrameworkRemoved(frameworkId, reason));
    for (String agentId : agentsWithTasks) {
      send(AgentProcess.address(agentId), new Message.ShutdownFramework(frameworkId));
    }
  }

  // ------------------------------------------------------------------ operator

  /**
   * An operator changes a role's weight. As Mesos's weights handler, when frameworks are registered
   * in that role (or below it), every outstanding offer is rescinded so the new weight takes
   * effect.
   */
  public void updateWeight(String role, double weight) {
    allocator.updateWeight(role, weight);
    if (hasFrameworksIn(role)) {
      for (String offerId : List.copyOf(offers.keySet())) {
        rescind(offerId, "weights_updated", true);
      }
    }
  }

  /**
   * An operator sets a role's quota. As Mesos's quota handler, offers are rescinded agent by agent,
   * in registration order, until what was rescinded covers the new guarantee (our simplification:
   * Mesos also visits at least one agent per framework of the role).
   */
  public void updateQuota(String role, Quota quota) {
    allocator.updateQuota(role, quota);
    Resources rescinded = Resources.EMPTY;
    for (String agentId : List.copyOf(agents.keySet())) {
      if (rescinded.toUnreserved().containsQuantities(quota.guarantee())) {
        break;
      }
      for (OfferEntry o : List.copyOf(offers.values())) {
        if (o.agentId().equals(agentId)) {
          rescinded = rescinded.plus(o.resources().scalars());
          rescind(o.id(), "quota_updated", true);
        }
      }
    }
  }

  private boolean hasFrameworksIn(String role) {
    for (FrameworkEntry fw : frameworks.values()) {
      if (Resources.isSelfOrAncestor(role, fw.info.role())) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ offers

  private void accept(Message.AcceptOffers a) {
    FrameworkEntry fw = frameworks.get(a.frameworkId());
    if (fw == null) {
      return;
    }
    List<OfferEntry> used = new ArrayList<>();
    String agentId = null;
    boolean valid = !a.offerIds().isEmpty();
    for (String offerId : a.offerIds()) {
      OfferEntry o = offers.get(offerId);
      if (o == null
          || !o.frameworkId().equals(fw.info.id())
          || (agentId != null && !agentId.equals(o.agentId()))) {
        valid = false;
        break;
      }
      agentId = o.agentId();
      used.add(o);
    }
    if (!valid) {
      // Mesos drops the operations of an accept that names an unknown or rescinded offer.
      TaskState state =
          fw.info.has(Capability.PARTITION_AWARE) ? TaskState.TASK_DROPPED : TaskState.TASK_LOST;
      for (Operation op : a.operations()) {
        if (op instanceof Operation.Launch launch) {
          for (TaskInfo t : launch.tasks()) {
            log.emit(
                new LogEvent.TaskStatus(
                    t.id(), fw.info.id(), null, state.name(), "REASON_INVALID_OFFERS"));
            toFramework(fw, new TaskStatus(t.id(), null, state, "REASON_INVALID_OFFERS"));
          }
        }
      }
      return;
    }
    AgentEntry agent = agents.get(agentId);
    Resources remaining = Resources.EMPTY;
    for (OfferEntry o : used) {
      takeOffer(o);
      remaining = remaining.plus(o.resources());
      log.emit(new LogEvent.OfferAccepted(o.id(), fw.info.id(), refuse(a.filters())));
    }
    for (Operation op : a.operations()) {
      if (op instanceof Operation.Launch launch) {
        remaining = launch(fw, agent, remaining, launch.tasks());
      } else if (op instanceof Operation.Reserve r) {
        remaining = convert(fw, agent, remaining, r.resources(), true);
      } else if (op instanceof Operation.Unreserve u) {
        remaining = convert(fw, agent, remaining, u.resources(), false);
      }
    }
    if (!remaining.isEmpty()) {
      allocator.recoverResources(fw.info.id(), agentId, remaining, a.filters());
    }
  }

  /**
   * RESERVE or UNRESERVE inside an accepted offer: converts {@code resources} (written reserved to
   * the framework's role) from or to their unreserved form in what the offer still holds and in the
   * agent's total. An invalid operation is refused and logged; the offer goes on.
   */
  private Resources convert(
      FrameworkEntry fw,
      AgentEntry agent,
      Resources remaining,
      Resources resources,
      boolean reserve) {
    String role = fw.info.role();
    String name = reserve ? "RESERVE" : "UNRESERVE";
    Resources reserved = resources;
    Resources unreserved = resources.toUnreserved();
    String why = null;
    if (resources.isEmpty() || !resources.equals(resources.reservedTo(role))) {
      why = "resources must be reserved to the framework's role '" + role + "'";
    } else if (!resources.revocable().isEmpty()) {
      why = "revocable resources cannot be reserved";
    } else if (!remaining.contains(reserve ? unreserved : reserved)) {
      why = "the offer does not hold " + (reserve ? unreserved : reserved);
    }
    if (why != null) {
      log.emit(new LogEvent.OperationFailed(agent.id(), fw.info.id(), name, why));
      return remaining;
    }
    Resources from = reserve ? unreserved : reserved;
    Resources to = reserve ? reserved : unreserved;
    agent.total = agent.total.minus(from).plus(to);
    allocator.updateAllocation(fw.info.id(), agent.id(), from, to);
    log.emit(new LogEvent.Reservation(agent.id(), fw.info.id(), role, reserved, reserve));
    return remaining.minus(from).plus(to);
  }

  private Resources launch(
      FrameworkEntry fw, AgentEntry agent, Resources remaining, List<TaskInfo> tasks) {
    String agentId = agent.id();
    for (TaskInfo t : tasks) {
      Resources needed = t.resources();
      String execKey = t.executor() == null ? null : fw.info.id() + "/" + t.executor().id();
      boolean newExecutor = execKey != null && !agent.executors.containsKey(execKey);
      if (newExecutor) {
        needed = needed.plus(t.executor().resources());
      }
      if (fw.tasks.containsKey(t.id()) || !remaining.contains(needed)) {
        String error = "REASON_TASK_INVALID";
        log.emit(new LogEvent.TaskStatus(t.id(), fw.info.id(), agentId, "TASK_ERROR", error));
        toFramework(fw, new TaskStatus(t.id(), agentId, TaskState.TASK_ERROR, error));
        continue;
      }
      remaining = remaining.minus(needed);
      agent.allocated = agent.allocated.plus(needed);
      checkAgent(agent);
      if (newExecutor) {
        agent.executors.put(execKey, t.executor().resources());
      }
      MasterTask task = new MasterTask(t.id(), fw.info.id(), agentId, t.resources(), t.executor());
      fw.tasks.put(t.id(), task);
      agent.tasks.put(fw.info.id() + "/" + t.id(), task);
      log.emit(
          new LogEvent.TaskLaunched(
              t.id(), fw.info.id(), agentId, task.executorId, t.resources(), t.submittedMicros()));
      send(
          AgentProcess.address(agentId),
          new Message.RunTask(
              fw.info.id(), t, newExecutor ? t.executor() : null, fw.info, agent.generation));
    }
    return remaining;
  }

  /**
   * An operator reserves ({@code reserve}) or unreserves resources on an agent, as Mesos's {@code
   * /reserve} and {@code /unreserve} endpoints: outstanding offers on the agent are rescinded first
   * so the resources are free; if they still are not, the request fails and is logged.
   */
  public void operatorReservation(String agentId, Resources reserved, boolean reserve) {
    AgentEntry agent = agents.get(agentId);
    String name = reserve ? "RESERVE" : "UNRESERVE";
    if (agent == null) {
      log.emit(new LogEvent.OperationFailed(agentId, null, name, "agent is not registered"));
      return;
    }
    for (OfferEntry o : List.copyOf(offers.values())) {
      if (o.agentId().equals(agentId)) {
        rescind(o.id(), "operator_" + name.toLowerCase(Locale.ROOT), true);
      }
    }
    Resources from = reserve ? reserved.toUnreserved() : reserved;
    Resources to = reserve ? reserved : reserved.toUnreserved();
    if (!agent.available().contains(from)) {
      log.emit(
          new LogEvent.OperationFailed(
              agentId, null, name, "the agent does not have " + from + " free"));
      return;
    }
    agent.total = agent.total.minus(from).plus(to);
    allocator.updateAgent(agentId, agent.total);
    String role = reserved.entries().isEmpty() ? null : reserved.entries().get(0).role();
    log.emit(new LogEvent.Reservation(agentId, null, role, reserved, reserve));
  }

  private static long refuse(Filters filters) {
    return (filters == null ? Filters.DEFAULT : filters).refuseMicros();
  }

  private void decline(Message.DeclineOffer d) {
    List<Allocation> returned = new ArrayList<>(d.offerIds().size());
    for (String offerId : d.offerIds()) {
      OfferEntry o = offers.get(offerId);
      if (o == null || !o.frameworkId().equals(d.frameworkId())) {
        continue; // a decline of an offer already gone is ignored, as in Mesos
      }
      takeOffer(o);
      log.emit(new LogEvent.OfferDeclined(o.id(), o.frameworkId(), refuse(d.filters())));
      returned.add(o.allocation());
    }
    if (!returned.isEmpty()) {
      allocator.recoverResources(d.frameworkId(), returned, d.filters());
    }
  }

  /** Removes an outstanding offer from the books, leaving its resources to the caller. */
  private void takeOffer(OfferEntry o) {
    offers.remove(o.id());
    sim.cancel(o.timeout());
    FrameworkEntry fw = frameworks.get(o.frameworkId());
    if (fw != null) {
      fw.offers.remove(o.id());
    }
    AgentEntry agent = o.agent();
    if (!agent.removed) {
      agent.offered = agent.offered.minus(o.resources());
    }
  }

  private void rescind(String offerId, String reason, boolean recover) {
    if (dead) {
      return;
    }
    OfferEntry o = offers.get(offerId);
    if (o == null) {
      return;
    }
    takeOffer(o);
    log.emit(new LogEvent.OfferRescinded(o.id(), o.frameworkId(), reason));
    if (recover) {
      allocator.recoverResources(o.frameworkId(), o.agentId(), o.resources(), null);
    }
    FrameworkEntry fw = frameworks.get(o.frameworkId());
    if (fw != null) {
      send(fw.address(), new Message.RescindOffer(o.id()));
    }
  }

  // ------------------------------------------------------------------ tasks

  private void statusUpdate(Message.StatusUpdate u) {
    TaskStatus s = u.status();
    // Acknowledged whatever happens next, so that the agent stops sending it.
    send(
        AgentProcess.address(u.agentId()),
        new Message.StatusUpdateAck(u.frameworkId(), s.taskId(), s.state()));
    AgentEntry agent = agents.get(u.agentId());
    FrameworkEntry fw = frameworks.get(u.frameworkId());
    if (agent != null && fw == null && removedFrameworks.contains(u.frameworkId())) {
      // An update of a removed framework's task: the agent missed the shutdown, as in Mesos it
      // is told again.
      send(AgentProcess.address(u.agentId()), new Message.ShutdownFramework(u.frameworkId()));
    }
    if (agent == null || fw == null) {
      return; // the agent or framework was removed and its tasks already accounted for
    }
    MasterTask task = agent.tasks.get(u.frameworkId() + "/" + s.taskId());
    if (task == null) {
      return;
    }
    if (s.state().progress() <= task.state.progress() && task.state != TaskState.TASK_STAGING) {
      return; // a duplicate (a retry that crossed its acknowledgement) or a late one
    }
    task.state = s.state();
    log.emit(
        new LogEvent.TaskStatus(
            s.taskId(), u.frameworkId(), u.agentId(), s.state().name(), s.reason()));
    if (s.state().isTerminal()) {
      agent.tasks.remove(u.frameworkId() + "/" + s.taskId());
      fw.tasks.remove(s.taskId());
      agent.allocated = agent.allocated.minus(task.resources);
      checkAgent(agent);
      allocator.recoverResources(u.frameworkId(), u.agentId(), task.resources, null);
    }
    toFramework(fw, s);
  }

  private void executorExited(Message.ExecutorExited e) {
    AgentEntry agent = agents.get(e.agentId());
    if (agent == null) {
      return;
    }
    Resources held = agent.executors.remove(e.frameworkId() + "/" + e.executorId());
    if (held != null) {
      agent.allocated = agent.allocated.minus(held);
      checkAgent(agent);
      allocator.recoverResources(e.frameworkId(), e.agentId(), held, null);
    }
    log.emit(new LogEvent.ExecutorExited(e.executorId(), e.frameworkId(), e.agentId(), e.status()));
    FrameworkEntry fw = frameworks.get(e.frameworkId());
    if (fw != null) {
      send(fw.address(), new Message.ExecutorLost(e.executorId(), e.agentId(), e.status()));
    }
  }

  private void killTask(Message.KillTaskRequest k) {
    FrameworkEntry fw = frameworks.get(k.frameworkId());
    if (fw == null) {
      return;
    }
    MasterTask task = fw.tasks.get(k.taskId());
    if (task != null) {
      send(AgentProcess.address(task.agentId), new Message.KillTask(k.frameworkId(), k.taskId()));
      return;
    }
    TaskState state =
        fw.info.has(Capability.PARTITION_AWARE) ? TaskState.TASK_UNKNOWN : TaskState.TASK_LOST;
    toFramework(fw, new TaskStatus(k.taskId(), null, state, "REASON_RECONCILIATION"));
  }

  private void reconcile(Message.ReconcileTasks r) {
    FrameworkEntry fw = frameworks.get(r.frameworkId());
    if (fw == null) {
      return;
    }
    if (r.taskIds().isEmpty()) {
      for (MasterTask t : fw.tasks.values()) {
        toFramework(fw, new TaskStatus(t.id, t.agentId, t.state, "REASON_RECONCILIATION"));
      }
      return;
    }
    for (String taskId : r.taskIds()) {
      MasterTask t = fw.tasks.get(taskId);
      String agentId = r.agents().get(taskId);
      TaskStatus pending = t == null ? unackedTerminal(fw, taskId) : null;
      if (t != null) {
        toFramework(fw, new TaskStatus(t.id, t.agentId, t.state, "REASON_RECONCILIATION"));
      } else if (pending != null) {
        // Ended, with the update not acknowledged yet: Mesos keeps such a task until then and
        // answers with its last state.
        toFramework(
            fw,
            new TaskStatus(taskId, pending.agentId(), pending.state(), "REASON_RECONCILIATION"));
      } else if (agentId != null && registry.contains(agentId)) {
        // Its agent has not re-registered with this master yet: answered when it does (or when
        // it is given up), as Mesos does not answer for transitioning agents.
        List<String[]> waiting = deferredReconcile.computeIfAbsent(agentId, a -> new ArrayList<>());
        if (waiting.stream().noneMatch(w -> w[0].equals(fw.info.id()) && w[1].equals(taskId))) {
          waiting.add(new String[] {fw.info.id(), taskId});
        }
      } else if (agentId != null && unreachableAgents.contains(agentId)) {
        // Its agent is marked unreachable and may come back: Mesos answers TASK_UNREACHABLE
        // (TASK_LOST to a framework that is not partition-aware), not that the task is gone.
        TaskState state =
            fw.info.has(Capability.PARTITION_AWARE)
                ? TaskState.TASK_UNREACHABLE
                : TaskState.TASK_LOST;
        toFramework(fw, new TaskStatus(taskId, agentId, state, "REASON_RECONCILIATION"));
      } else {
        answerUnknown(fw, taskId, agentId);
      }
    }
  }

  /** The terminal update of {@code taskId} the framework has not acknowledged yet, or null. */
  private static TaskStatus unackedTerminal(FrameworkEntry fw, String taskId) {
    for (Message m : fw.unacked.values()) {
      if (m instanceof Message.StatusToFramework s
          && s.status().taskId().equals(taskId)
          && s.status().state().isTerminal()) {
        return s.status();
      }
    }
    return null;
  }

  private void answerUnknown(FrameworkEntry fw, String taskId, String agentId) {
    TaskState gone =
        fw.info.has(Capability.PARTITION_AWARE) ? TaskState.TASK_GONE : TaskState.TASK_LOST;
    // Logged, so that the log ends a task whose launch this master never saw (a launch lost before
    // a failover) the way the framework learns of it.
    log.emit(
        new LogEvent.TaskStatus(
            taskId, fw.info.id(), agentId, gone.name(), "REASON_RECONCILIATION"));
    toFramework(fw, new TaskStatus(taskId, agentId, gone, "REASON_RECONCILIATION"));
  }

  /** Reconciliation waiting for an agent of the registry: answers what it did not bring back. */
  private void answerDeferred(String agentId) {
    List<String[]> waiting = deferredReconcile.remove(agentId);
    if (waiting == null) {
      return;
    }
    for (String[] w : waiting) {
      FrameworkEntry fw = frameworks.get(w[0]);
      if (fw != null && !fw.tasks.containsKey(w[1])) {
        answerUnknown(fw, w[1], agentId);
      }
    }
  }

  private final Map<String, List<String[]>> deferredReconcile = new LinkedHashMap<>();

  // ------------------------------------------------------------------ invariants

  private void checkAvailable(AgentEntry agent, Resources wanted, String what) {
    Resources free;
    try {
      free = agent.available();
    } catch (ResourceException e) {
      throw violation(agent.describe() + ": " + e.getMessage());
    }
    if (!free.contains(wanted)) {
      throw violation(
          what
              + " of "
              + wanted
              + " exceeds what is free on "
              + agent.describe()
              + " (free "
              + free
              + ")");
    }
  }

  private void checkAgent(AgentEntry agent) {
    try {
      agent.available();
    } catch (ResourceException e) {
      throw violation("offered plus allocated exceeds the total on " + agent.describe());
    }
  }

  private InvariantViolation violation(String message) {
    return new InvariantViolation(Math.max(0, log.size() - 1), message);
  }

  /**
   * The end-of-run conservation check: on every agent, the allocator's offered-or-allocated equals
   * the master's offered plus allocated, offers add up to what is offered, and tasks plus executors
   * add up to what is allocated.
   */
  /**
   * At the end of a run nothing is lost: every task this master holds live for a connected
   * framework is known to that framework, and every task the framework was told is starting or
   * running is live here; except tasks with a status update or a reconciliation on its way, and
   * tasks on agents this master does not hold (it cannot know; a framework learns of those, and of
   * launches that never arrived, by reconciliation). Throws {@link InvariantViolation} otherwise.
   */
  void checkFrameworkViews(Map<String, FrameworkProcess> processes, long lastSeq) {
    for (FrameworkEntry fw : frameworks.values()) {
      FrameworkProcess p = processes.get(fw.info.id());
      if (p == null || !p.isUp() || !fw.connected) {
        continue;
      }
      Set<String> inFlight = new HashSet<>();
      for (String key : fw.unacked.keySet()) {
        inFlight.add(key.substring(0, key.lastIndexOf('/')));
      }
      for (MasterTask t : fw.tasks.values()) {
        TaskState seen = p.view().get(t.id);
        // A task still staging at the master was never confirmed by an agent: its launch may be
        // lost, or a duplicated accept may have had it reported lost to the framework; only
        // reconciliation (or the agent re-registering) settles it, as in Mesos.
        if (!t.state.isTerminal()
            && t.state != TaskState.TASK_STAGING
            && seen == null
            && !inFlight.contains(t.id)
            && !p.killing(t.id)) {
          throw new InvariantViolation(
              lastSeq,
              "framework "
                  + fw.info.id()
                  + " does not know that its task "
                  + t.id
                  + " is "
                  + t.state
                  + " on agent "
                  + t.agentId);
        }
      }
      for (Map.Entry<String, TaskState> e : p.view().entrySet()) {
        String taskId = e.getKey();
        if (e.getValue() == TaskState.TASK_STAGING
            || e.getValue() == TaskState.TASK_UNREACHABLE
            || inFlight.contains(taskId)
            || p.reconciling(taskId)) {
          // Staging: asked for, never heard of (a lost launch shows up only on reconciliation).
          continue;
        }
        String agent = p.agentOf(taskId);
        if (agent != null && !agents.containsKey(agent)) {
          continue;
        }
        MasterTask t = fw.tasks.get(taskId);
        if (t == null || t.state.isTerminal()) {
          throw new InvariantViolation(
              lastSeq,
              "framework "
                  + fw.info.id()
                  + " believes its task "
                  + taskId
                  + " is "
                  + e.getValue()
                  + " but the master holds no such live task");
        }
      }
    }
  }

  public void checkConservation() {
    for (AgentEntry agent : agents.values()) {
      checkAgent(agent);
      Resources offered = Resources.EMPTY;
      for (OfferEntry o : offers.values()) {
        if (o.agentId().equals(agent.id())) {
          offered = offered.plus(o.resources());
        }
      }
      Resources allocated = Resources.EMPTY;
      for (MasterTask t : agent.tasks.values()) {
        allocated = allocated.plus(t.resources);
      }
      for (Resources e : agent.executors.values()) {
        allocated = allocated.plus(e);
      }
      if (!offered.equals(agent.offered) || !allocated.equals(agent.allocated)) {
        throw violation(
            agent.describe()
                + " but its offers add up to "
                + offered
                + " and its tasks to "
                + allocated);
      }
      Resources fromAllocator = allocator.offeredOrAllocated(agent.id());
      if (!fromAllocator.equals(agent.offered.plus(agent.allocated))) {
        throw violation(
            agent.describe()
                + " but the allocator counts "
                + fromAllocator
                + " as offered or allocated");
      }
    }
  }

  private void send(String to, Message m) {
    net.send(ADDRESS, to, m);
  }

  /**
   * A status update to a framework, sent reliably, as the agents' retries make it in Mesos: kept
   * until the framework acknowledges it; while the framework is disconnected it waits.
   */
  private void toFramework(FrameworkEntry fw, TaskStatus status) {
    Message m = new Message.StatusToFramework(status);
    fw.unacked.put(status.taskId() + "/" + status.state().name(), m);
    if (fw.connected) {
      armStatusRetry(fw);
      net.send(ADDRESS, fw.address(), m);
    }
  }

  private void armStatusRetry(FrameworkEntry fw) {
    if (fw.statusRetry != Simulation.NO_EVENT || fw.unacked.isEmpty()) {
      return;
    }
    fw.statusRetry =
        sim.after(
            AgentProcess.STATUS_RETRY_MICROS,
            Simulation.PRIORITY_TIMER,
            () -> {
              fw.statusRetry = Simulation.NO_EVENT;
              if (dead || frameworks.get(fw.info.id()) != fw || !fw.connected) {
                return;
              }
              for (Message m : List.copyOf(fw.unacked.values())) {
                net.send(ADDRESS, fw.address(), m);
              }
              armStatusRetry(fw);
            });
  }
}
