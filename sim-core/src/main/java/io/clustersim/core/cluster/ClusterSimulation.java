package io.clustersim.core.cluster;

import io.clustersim.core.allocator.Allocator;
import io.clustersim.core.allocator.AllocatorContext;
import io.clustersim.core.allocator.Quota;
import io.clustersim.core.framework.FrameworkInfo;
import io.clustersim.core.framework.Scheduler;
import io.clustersim.core.kernel.RandomStreams;
import io.clustersim.core.kernel.SimTime;
import io.clustersim.core.kernel.Simulation;
import io.clustersim.core.log.EventListener;
import io.clustersim.core.log.EventLog;
import io.clustersim.core.log.LogEvent;
import io.clustersim.core.net.Link;
import io.clustersim.core.net.Network;
import io.clustersim.core.resources.ResourceException;
import io.clustersim.core.resources.Resources;
import io.clustersim.core.scenario.Scenario;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * One run of a scenario: builds the master, agents and frameworks on one kernel, schedules the
 * scenario's inputs, and runs until the duration or until the workload drains.
 *
 * <p>Inputs due at the same instant run in file order: agents, then frameworks, then actions, then
 * faults, because they are scheduled in that order at {@link Simulation#PRIORITY_INPUT} and ties
 * break by sequence number. The master's timers come after them at the same instant.
 */
public final class ClusterSimulation {
  /** A run without a duration stops here if its workload never drains: 7 simulated days. */
  public static final long DRAIN_LIMIT = 7 * 24 * 3600 * SimTime.SECONDS;

  private final Scenario scenario;
  private final Simulation sim = new Simulation();
  private final RandomStreams streams;
  private final Network net;
  private final EventLog log;
  private Allocator allocator;
  private Master master;
  private Supplier<Allocator> allocatorFactory;
  private int leaders;
  // Weights and quotas set while running: the registry keeps them for a new leader.
  private final Map<String, Double> weights = new LinkedHashMap<>();
  private final Map<String, Quota> quotas = new LinkedHashMap<>();
  private final SchedulerFactory schedulers;
  // In creation order: a new leader notifies them in that order.
  private final Map<String, AgentProcess> agents = new LinkedHashMap<>();
  private final Map<String, FrameworkProcess> frameworks = new LinkedHashMap<>();
  private final List<FiniteWork> finiteWork = new ArrayList<>();
  private final Workload workload;
  private int inputsDue;
  private boolean maybeDrained;

  /**
   * A run of {@code scenario} under {@code allocator}. {@code events} (may be null) receives the
   * event log; listeners see every event.
   */
  public ClusterSimulation(
      Scenario scenario,
      Allocator allocator,
      SchedulerFactory schedulers,
      OutputStream events,
      List<EventListener> listeners) {
    this(scenario, allocator, schedulers, null, events, listeners);
  }

  /**
   * A run of {@code scenario} under {@code allocator} with a {@code workload} (may be null) that
   * feeds inputs while the run goes. {@code events} (may be null) receives the event log; listeners
   * see every event.
   */
  public ClusterSimulation(
      Scenario scenario,
      Allocator allocator,
      SchedulerFactory schedulers,
      Workload workload,
      OutputStream events,
      List<EventListener> listeners) {
    this.scenario = scenario;
    this.mastersUp = scenario.masters();
    this.workload = workload;
    this.allocator = allocator;
    this.schedulers = schedulers;
    this.streams = new RandomStreams(scenario.seed(), 0);
    this.net = new Network(sim, scenario.networkDelayMicros());
    this.log = new EventLog(sim);
    if (events != null) {
      log.writeTo(events);
    }
    for (EventListener l : listeners) {
      log.addListener(l);
    }
    log.addListener(
        (t, seq, e) -> {
          if (e instanceof LogEvent.TaskStatus) {
            maybeDrained = true;
          }
        });
    this.master = new Master("master-0", sim, net, log, allocator, scenario.master());
    net.attach(master);
    allocator.initialize(
        new AllocatorContext(sim, streams.stream("allocator"), scenario.allocator(), master));
    scheduleInputs();
    if (workload != null) {
      finiteWork.add(workload);
      workload.start(new Control());
    }
  }

  /**
   * How to make the allocator of a master elected after a failover (each leader rebuilds its own:
   * filters and tie-break counts are lost, as in Mesos). Needed for {@code crash_master}.
   */
  public ClusterSimulation allocatorFactory(Supplier<Allocator> factory) {
    this.allocatorFactory = factory;
    return this;
  }

  /** The leader dies; a standby is elected after the election timeout. */
  // Master processes up, the leader included; a crashed one comes back as a standby.
  private int mastersUp;

  // Set while no master leads and none is up to be elected: the first to come back is.
  private boolean awaitingStandby;

  private void crashMaster(long restartAfterMicros) {
    Master old = master;
    if (old.isDead()) {
      return; // no leader to crash: an election is already under way
    }
    old.crash();
    allocator.stop();
    mastersUp--;
    net.detach(Master.ADDRESS);
    for (AgentProcess a : agents.values()) {
      a.leaderLost();
    }
    for (FrameworkProcess f : frameworks.values()) {
      f.leaderLost();
    }
    if (restartAfterMicros >= 0) {
      sim.after(restartAfterMicros, Simulation.PRIORITY_INPUT, () -> masterBack(old));
    }
    if (mastersUp > 0) {
      // A standby wins the election once ZooKeeper expires the leader's session.
      sim.after(scenario.electionTimeoutMicros(), Simulation.PRIORITY_INPUT, () -> elect(old));
    } else {
      awaitingStandby = true;
    }
  }

  /** A crashed master process is up again, as a standby; it leads at once if nobody does. */
  private void masterBack(Master old) {
    mastersUp++;
    if (awaitingStandby) {
      awaitingStandby = false;
      elect(old);
    }
  }

  private void elect(Master old) {
    if (allocatorFactory == null) {
      throw new IllegalStateException("crash_master needs an allocator factory for the new leader");
    }
    leaders++;
    Allocator next = allocatorFactory.get();
    Master leader =
        new Master(
            "master-" + leaders,
            sim,
            net,
            log,
            next,
            scenario.master(),
            old.agentIds(),
            old.unreachableAgentIds());
    net.attach(leader);
    next.initialize(
        new AllocatorContext(
            sim, streams.stream("allocator/" + leaders), scenario.allocator(), leader));
    weights.forEach(next::updateWeight);
    quotas.forEach(next::updateQuota);
    next.recover(old.agentIds().size());
    master = leader;
    allocator = next;
    for (AgentProcess a : agents.values()) {
      a.newLeader();
    }
    for (FrameworkProcess f : frameworks.values()) {
      f.newLeader();
    }
  }

  /** The cluster as a workload sees it. */
  private final class Control implements ClusterControl {
    @Override
    public long now() {
      return sim.now();
    }

    @Override
    public RandomStreams streams() {
      return streams;
    }

    @Override
    public void input(long at, Runnable action) {
      ClusterSimulation.this.input(Math.max(at, sim.now()), action);
    }

    @Override
    public void addAgent(String id, Resources resources, Map<String, String> attributes) {
      startAgent(new Scenario.Agent(id, resources, attributes, sim.now()));
    }

    @Override
    public void removeAgent(String id, String reason) {
      AgentProcess agent = agents.remove(id);
      if (agent != null) {
        agent.crash();
        net.detach(agent.address());
      }
      master.removeAgent(id, reason, true);
    }

    @Override
    public void taskUsage(
        String agentId,
        String frameworkId,
        String taskId,
        long cpusMilli,
        long memMilli,
        boolean enforceMemory) {
      AgentProcess agent = agents.get(agentId);
      if (agent != null) {
        agent.measured(frameworkId + "/" + taskId, cpusMilli, memMilli, enforceMemory);
      }
    }

    @Override
    public boolean updateAgent(String id, Resources total) {
      return master.updateAgent(id, total);
    }

    @Override
    public void addFramework(FrameworkInfo info, Scheduler scheduler) {
      FrameworkProcess process = new FrameworkProcess(info, scheduler, sim, net, streams);
      process.afterStatusUpdate(() -> maybeDrained = true);
      frameworks.put(info.id(), process);
      net.attach(process);
      process.start();
    }

    @Override
    public void removeFramework(String id, String reason) {
      FrameworkProcess process = frameworks.remove(id);
      if (process != null) {
        process.stop();
        net.detach(process.address());
      }
      master.removeFramework(id, reason);
    }
  }

  private void input(long at, Runnable action) {
    inputsDue++;
    sim.schedule(
        at,
        Simulation.PRIORITY_INPUT,
        () -> {
          inputsDue--;
          maybeDrained = true;
          action.run();
        });
  }

  private void scheduleInputs() {
    for (Scenario.Agent a : scenario.agents()) {
      input(a.startMicros(), () -> startAgent(a));
    }
    for (Scenario.Framework f : scenario.frameworks()) {
      Scheduler scheduler = schedulers.create(f);
      if (scheduler instanceof FiniteWork w) {
        finiteWork.add(w);
      }
      FrameworkInfo info =
          new FrameworkInfo(
              f.id(),
              f.role(),
              f.principal(),
              f.secret(),
              f.failoverTimeoutMicros(),
              f.capabilities(),
              f.minAllocatable(),
              f.checkpoint());
      FrameworkProcess process = new FrameworkProcess(info, scheduler, sim, net, streams);
      process.afterStatusUpdate(() -> maybeDrained = true);
      process.reconcileEvery(f.reconcileIntervalMicros());
      frameworks.put(f.id(), process);
      net.attach(process);
      input(f.startMicros(), process::start);
    }
    for (Scenario.Action a : scenario.actions()) {
      input(a.atMicros(), () -> act(a));
    }
    for (Scenario.Fault f : scenario.faults()) {
      input(f.atMicros(), () -> inject(f));
    }
  }

  private void startAgent(Scenario.Agent a) {
    MasterConfig mc = scenario.master();
    AgentProcess agent =
        new AgentProcess(
            a.id(),
            a.resources(),
            a.attributes(),
            sim,
            net,
            mc.agentPingTimeoutMicros() * mc.maxAgentPingTimeouts(),
            mc.agentPingTimeoutMicros());
    agent.configure(scenario.runtime(), a.containerizers(), log);
    agents.put(a.id(), agent);
    net.attach(agent);
    agent.start();
  }

  private void act(Scenario.Action action) {
    if (action instanceof Scenario.Action.AddAgent a) {
      startAgent(a.agent());
    } else if (action instanceof Scenario.Action.RemoveAgent r) {
      AgentProcess agent = agents.get(r.agentId());
      if (agent != null) {
        agent.crash(); // the operator shuts the agent down
      }
      master.removeAgent(r.agentId(), "removed_by_operator", true);
    } else if (action instanceof Scenario.Action.Reservation r) {
      master.operatorReservation(r.agentId(), r.resources(), r.reserve());
    } else if (action instanceof Scenario.Action.ScheduleMaintenance s) {
      for (String agentId : s.agentIds()) {
        master.scheduleMaintenance(agentId, s.startMicros(), s.durationMicros());
      }
    } else if (action instanceof Scenario.Action.SetWeight w) {
      master.updateWeight(w.role(), w.weight());
      weights.put(w.role(), w.weight());
    } else if (action instanceof Scenario.Action.SetQuota q) {
      master.updateQuota(q.role(), new Quota(q.guarantee(), q.limit()));
      quotas.put(q.role(), new Quota(q.guarantee(), q.limit()));
    } else if (action instanceof Scenario.Action.FrameworkDoes f) {
      FrameworkProcess fw = frameworks.get(f.framework());
      switch (f.verb()) {
        case "return_offers" -> fw.returnOffers();
        case "decline_offers" -> fw.declineOffers(f.refuse(), f.agent());
        case "suppress" -> fw.suppressOffers();
        case "revive" -> fw.reviveOffers();
        case "deactivate" -> fw.setActive(false);
        case "activate" -> fw.setActive(true);
        case "unreserve" -> fw.unreserveHeld();
        default -> throw new IllegalStateException("unknown framework action " + f.verb());
      }
    }
  }

  private void inject(Scenario.Fault fault) {
    if (fault instanceof Scenario.Fault.CrashAgent c) {
      log.emit(
          new LogEvent.Fault(
              "crash_agent",
              List.of(
                  Map.entry("agent", c.agentId()),
                  Map.entry("restart_after", restartText(c.restartAfterMicros())))));
      AgentProcess agent = agents.get(c.agentId());
      if (agent == null || !agent.isUp()) {
        return;
      }
      agent.crash();
      if (c.restartAfterMicros() >= 0) {
        sim.after(c.restartAfterMicros(), Simulation.PRIORITY_INPUT, agent::start);
      }
    } else if (fault instanceof Scenario.Fault.CrashFramework c) {
      log.emit(
          new LogEvent.Fault(
              "crash_framework",
              List.of(
                  Map.entry("framework", c.frameworkId()),
                  Map.entry("restart_after", restartText(c.restartAfterMicros())))));
      FrameworkProcess fw = frameworks.get(c.frameworkId());
      if (fw == null || !fw.isUp()) {
        return;
      }
      fw.crash();
      // The master learns of it when the connection breaks, one network delay later.
      sim.after(
          scenario.networkDelayMicros(),
          Simulation.PRIORITY_INPUT,
          () -> master.frameworkExited(c.frameworkId()));
      if (c.restartAfterMicros() >= 0) {
        sim.after(c.restartAfterMicros(), Simulation.PRIORITY_INPUT, fw::restart);
      }
    } else if (fault instanceof Scenario.Fault.CrashMaster c) {
      List<Map.Entry<String, String>> params = new ArrayList<>();
      params.add(Map.entry("master", c.which()));
      if (c.restartAfterMicros() != 0) {
        params.add(Map.entry("restart_after", restartText(c.restartAfterMicros())));
      }
      log.emit(new LogEvent.Fault("crash_master", params));
      crashMaster(c.restartAfterMicros());
    } else if (fault instanceof Scenario.Fault.Partition p) {
      log.emit(
          new LogEvent.Fault(
              "partition",
              List.of(
                  Map.entry("agents", String.join(",", p.agentIds())),
                  Map.entry("heal_after", restartText(p.healAfterMicros())))));
      for (String id : p.agentIds()) {
        net.isolate(AgentProcess.address(id));
      }
      if (p.healAfterMicros() >= 0) {
        sim.after(
            p.healAfterMicros(),
            Simulation.PRIORITY_INPUT,
            () -> p.agentIds().forEach(id -> net.heal(AgentProcess.address(id))));
      }
    } else if (fault instanceof Scenario.Fault.DropMessages d) {
      log.emit(
          new LogEvent.Fault(
              "drop_messages",
              withLink(
                  d.link(),
                  Map.entry("rate", Double.toString(d.rate())),
                  Map.entry("until", SimTime.format(d.untilMicros())))));
      net.addLoss(d.link(), d.rate(), d.untilMicros(), random("network/drop"));
    } else if (fault instanceof Scenario.Fault.DuplicateMessages d) {
      log.emit(
          new LogEvent.Fault(
              "duplicate_messages",
              withLink(
                  d.link(),
                  Map.entry("rate", Double.toString(d.rate())),
                  Map.entry("until", SimTime.format(d.untilMicros())))));
      net.addDuplication(d.link(), d.rate(), d.untilMicros(), random("network/duplicate"));
    } else if (fault instanceof Scenario.Fault.CrashExecutor c) {
      log.emit(
          new LogEvent.Fault(
              "crash_executor",
              List.of(Map.entry("executor", c.executorId()), Map.entry("agent", c.agentId()))));
      AgentProcess agent = agents.get(c.agentId());
      if (agent != null) {
        agent.crashExecutor(c.executorId());
      }
    } else if (fault instanceof Scenario.Fault.DelayMessages d) {
      log.emit(
          new LogEvent.Fault(
              "delay_messages",
              withLink(
                  d.link(),
                  Map.entry("delay", SimTime.format(d.delayMicros())),
                  Map.entry("until", SimTime.format(d.untilMicros())))));
      net.addDelay(d.link(), d.delayMicros(), d.untilMicros());
    } else {
      throw new IllegalStateException("fault not supported: " + fault);
    }
  }

  // One stream per kind of network fault, shared by every fault of that kind, so two faults never
  // draw the same numbers.
  private final Map<String, RandomGenerator> networkRandoms = new HashMap<>(); // looked up only

  private RandomGenerator random(String name) {
    return networkRandoms.computeIfAbsent(name, streams::stream);
  }

  /** A network fault's parameters, with its link when it is not the whole network. */
  @SafeVarargs
  private static List<Map.Entry<String, String>> withLink(
      Link link, Map.Entry<String, String>... params) {
    List<Map.Entry<String, String>> all = new ArrayList<>(List.of(params));
    if (!link.equals(Link.ALL)) {
      all.add(Map.entry("link", link.toString()));
    }
    return all;
  }

  private static String restartText(long micros) {
    return micros < 0 ? "never" : SimTime.format(micros);
  }

  private boolean drained() {
    if (!maybeDrained) {
      return false;
    }
    maybeDrained = false;
    if (finiteWork.isEmpty() || inputsDue > 0) {
      return false;
    }
    for (FiniteWork w : finiteWork) {
      if (!w.isDone()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Runs to the scenario's duration; without a duration, until the workload drains (every batch
   * framework done and no scenario input still due) or {@link #DRAIN_LIMIT}. Then checks
   * conservation on every agent. Throws {@link InvariantViolation} on broken accounting.
   */
  public RunResult run() {
    return run(-1, -1);
  }

  /**
   * As {@link #run()}, stopped early at simulated time {@code untilMicros} (when not negative) or
   * after the kernel event during which the log's event {@code untilSeq} was written (when not
   * negative; one kernel event can log many, so the run may stop a few events past it). The
   * scenario is not changed: up to the stop, the run is event for event the full one.
   */
  public RunResult run(long untilMicros, long untilSeq) {
    try {
      return runLogged(untilMicros, untilSeq);
    } catch (RuntimeException e) {
      throw log.failedRun(e);
    }
  }

  private RunResult runLogged(long untilMicros, long untilSeq) {
    boolean drained = false;
    long end = scenario.durationMicros() >= 0 ? scenario.durationMicros() : DRAIN_LIMIT;
    if (untilMicros >= 0) {
      end = Math.min(end, untilMicros);
    }
    boolean draining = scenario.durationMicros() < 0;
    boolean[] drainedNow = {false};
    try {
      if (untilSeq < 0 && !draining) {
        sim.runUntil(end);
      } else {
        sim.runUntil(
            () -> {
              if (untilSeq >= 0 && log.size() > untilSeq) {
                return true;
              }
              drainedNow[0] |= draining && drained();
              return drainedNow[0];
            },
            end);
        drained = drainedNow[0];
      }
    } catch (ResourceException e) {
      // Arithmetic that would go negative anywhere in the books is a broken invariant too.
      throw new InvariantViolation(Math.max(0, log.size() - 1), e.getMessage());
    }
    if (!master.isDead()) { // with no leader at the end there are no live books to check
      master.checkConservation();
      master.checkFrameworkViews(frameworks, Math.max(0, log.size() - 1));
    }
    return new RunResult(
        log.digest(),
        log.size(),
        sim.now(),
        sim.processed(),
        net.sent(),
        net.dropped(),
        net.duplicated(),
        drained,
        allocator.runs());
  }

  /** The cluster now (after {@link #run}: where it stopped). */
  public ClusterState state() {
    return master.state(log.size() - 1);
  }
}
