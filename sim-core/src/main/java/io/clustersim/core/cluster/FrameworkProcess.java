package io.clustersim.core.cluster;

import io.clustersim.core.framework.Filters;
import io.clustersim.core.framework.FrameworkInfo;
import io.clustersim.core.framework.Offer;
import io.clustersim.core.framework.Operation;
import io.clustersim.core.framework.Scheduler;
import io.clustersim.core.framework.SchedulerDriver;
import io.clustersim.core.framework.TaskInfo;
import io.clustersim.core.framework.TaskState;
import io.clustersim.core.framework.TaskStatus;
import io.clustersim.core.kernel.RandomStreams;
import io.clustersim.core.kernel.Simulation;
import io.clustersim.core.net.Endpoint;
import io.clustersim.core.net.Message;
import io.clustersim.core.net.Network;
import io.clustersim.core.resources.Resources;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The framework side of the wire: hosts a {@link Scheduler}, turns its driver calls into messages
 * to the master, and turns the master's messages into scheduler callbacks. It also keeps the offers
 * the scheduler holds, so that scenario actions can return or decline them.
 */
public final class FrameworkProcess implements Endpoint, SchedulerDriver {
  private final FrameworkInfo info;
  private final Scheduler scheduler;
  private final Simulation sim;
  private final Network net;
  private final RandomStreams streams;
  private final Map<String, Offer> held = new LinkedHashMap<>();
  private final Map<String, RandomGenerator> randoms = new HashMap<>();
  private boolean registered;
  private boolean up;
  private Runnable afterStatus = () -> {};

  /** A framework process that is not started yet. */
  public FrameworkProcess(
      FrameworkInfo info, Scheduler scheduler, Simulation sim, Network net, RandomStreams streams) {
    this.info = info;
    this.scheduler = scheduler;
    this.sim = sim;
    this.net = net;
    this.streams = streams;
  }

  /** The network address of framework {@code id}. */
  public static String address(String id) {
    return "framework/" + id;
  }

  @Override
  public String address() {
    return address(info.id());
  }

  /** The framework's registration info. */
  public FrameworkInfo info() {
    return info;
  }

  /** Starts the scheduler and registers with the master. */
  public void start() {
    up = true;
    register(false);
  }

  /**
   * Runs after each status update the scheduler handles: the run re-checks whether the workload is
   * done then, since a scheduler counts its ended tasks only once the update reaches it.
   */
  public void afterStatusUpdate(Runnable action) {
    this.afterStatus = action;
  }

  /**
   * The scheduler process crashes: it ignores everything until {@link #restart}. Its scheduler
   * keeps its state (as a framework that checkpoints it), and its registration: on restart it
   * re-registers under the same id, as a failing-over Mesos framework does.
   */
  public void crash() {
    up = false;
    held.clear();
  }

  /** Whether the process is running. */
  public boolean isUp() {
    return up;
  }

  /** The crashed scheduler comes back and registers again under its id. */
  public void restart() {
    up = true;
    register(registered);
  }

  /** The leading master is gone: its offers are void, and the scheduler is told. */
  public void leaderLost() {
    if (!up) {
      return;
    }
    held.clear();
    scheduler.disconnected(this);
  }

  /** A new master leads: the framework registers with it again (failover). */
  public void newLeader() {
    if (up) {
      register(registered);
    }
  }

  /**
   * Whether {@code s} repeats or trails what the scheduler already knows of the task, and records
   * it otherwise. Reconciliation answers always go through.
   */
  private boolean seen(TaskStatus s) {
    TaskState last = view.get(s.taskId());
    if (last == null) {
      last = ended.contains(s.taskId()) ? TaskState.TASK_FINISHED : null;
    }
    boolean old =
        last != null
            && (last.isTerminal()
                || (!"REASON_RECONCILIATION".equals(s.reason())
                    && (last == s.state() || s.state().progress() < last.progress())));
    if (old) {
      return true;
    }
    if ("REASON_INVALID_OFFERS".equals(s.reason())
        && last != null
        && last != TaskState.TASK_STAGING) {
      // The agent has reported the task: it was launched, so this loss, which speaks of a launch
      // whose offers were gone, is about a repeated (duplicated) accept, not about the task.
      return true;
    }
    if (s.agentId() != null) {
      viewAgent.put(s.taskId(), s.agentId());
    }
    if (s.state().isTerminal()) {
      view.remove(s.taskId());
      viewAgent.remove(s.taskId());
      ended.add(s.taskId());
      if (ended.size() > ENDED_KEPT) {
        ended.remove(ended.iterator().next());
      }
    } else {
      view.put(s.taskId(), s.state());
    }
    return false;
  }

  // Tasks asked about after a re-registration and not answered yet: asked again every 10 s, as
  // Mesos advises frameworks to retry reconciliation until every task is answered.
  private final LinkedHashSet<String> reconciling = new LinkedHashSet<>();
  private long reconcileTimer = Simulation.NO_EVENT;

  private void reconcile() {
    reconcileTimer = Simulation.NO_EVENT;
    reconciling.retainAll(view.keySet());
    if (!up || reconciling.isEmpty()) {
      return;
    }
    Map<String, String> agents = new LinkedHashMap<>();
    for (String taskId : reconciling) {
      String agent = viewAgent.get(taskId);
      if (agent != null) {
        agents.put(taskId, agent);
      }
    }
    send(new Message.ReconcileTasks(info.id(), List.copyOf(reconciling), agents));
    reconcileTimer = sim.after(10_000_000L, Simulation.PRIORITY_TIMER, this::reconcile);
  }

  // Periodic reconciliation, as long-running frameworks do (Marathon every 10 minutes): every
  // task it believes live, explicitly, then implicitly (every task the master holds for it).
  private long reconcileEveryMicros;
  private long periodicTimer = Simulation.NO_EVENT;

  /**
   * Reconciles every {@code intervalMicros} from registration on (0: never): explicitly for every
   * task it believes live, then implicitly, so that a lost launch or update comes to light.
   */
  public void reconcileEvery(long intervalMicros) {
    this.reconcileEveryMicros = intervalMicros;
  }

  private void schedulePeriodicReconciliation() {
    if (reconcileEveryMicros <= 0 || periodicTimer != Simulation.NO_EVENT) {
      return;
    }
    periodicTimer =
        sim.after(
            reconcileEveryMicros,
            Simulation.PRIORITY_TIMER,
            () -> {
              periodicTimer = Simulation.NO_EVENT;
              if (!up) {
                return; // a restart registers again and starts the timer anew
              }
              if (registered && !awaitingRegistration) {
                killStuckLaunches();
                reconcileAll();
              }
              schedulePeriodicReconciliation();
            });
  }

  // Tasks that were staging at the last periodic reconciliation.
  private final Set<String> stagingBefore = new HashSet<>(); // looked up only

  /**
   * Kills the tasks still staging a whole interval after the last reconciliation saw them staging,
   * as Marathon's task_launch_timeout does: a launch lost on its way stays staging at the master
   * (reconciliation only repeats that), and the agent answers the kill of a task it never got with
   * TASK_LOST, which lets the scheduler launch it again.
   */
  private void killStuckLaunches() {
    List<String> staging = new ArrayList<>();
    for (Map.Entry<String, TaskState> e : view.entrySet()) {
      if (e.getValue() == TaskState.TASK_STAGING) {
        staging.add(e.getKey());
      }
    }
    for (String taskId : staging) {
      if (stagingBefore.contains(taskId)) {
        killTask(taskId);
      }
    }
    stagingBefore.clear();
    stagingBefore.addAll(staging);
  }

  private void reconcileAll() {
    reconciling.clear();
    reconciling.addAll(view.keySet());
    sim.cancel(reconcileTimer);
    reconcile();
    send(new Message.ReconcileTasks(info.id(), List.of()));
  }

  /** Ended tasks remembered to recognise late retries (the most recent ones). */
  private static final int ENDED_KEPT = 4096;

  // What the scheduler has been told of its live tasks (and launched), for the end-of-run check.
  private final Map<String, TaskState> view = new LinkedHashMap<>();
  private final Map<String, String> viewAgent = new HashMap<>(); // looked up only
  private final LinkedHashSet<String> ended = new LinkedHashSet<>();

  /** The scheduler's view: its live tasks and the last state it was told (staging if none). */
  public Map<String, TaskState> view() {
    return view;
  }

  /** Whether the framework has asked about the task and not been answered yet. */
  public boolean reconciling(String taskId) {
    return reconciling.contains(taskId);
  }

  // Tasks it counted as ended that turned out alive, and that it asked the master to kill; asked
  // again every 10 s until an answer comes (the request or the answer may be lost).
  private final LinkedHashSet<String> killing = new LinkedHashSet<>();
  private long killTimer = Simulation.NO_EVENT;

  /** Asks again, 10 s from now, to kill every task still unanswered (one timer for them all). */
  private void armKillRetry() {
    if (killTimer != Simulation.NO_EVENT) {
      return;
    }
    killTimer =
        sim.after(
            10_000_000L,
            Simulation.PRIORITY_TIMER,
            () -> {
              killTimer = Simulation.NO_EVENT;
              if (!up || killing.isEmpty()) {
                return;
              }
              for (String taskId : killing) {
                send(new Message.KillTaskRequest(info.id(), taskId));
              }
              armKillRetry();
            });
  }

  /** Whether the framework has asked to kill a task it had counted as ended, with no answer yet. */
  public boolean killing(String taskId) {
    return killing.contains(taskId);
  }

  /** The agent the scheduler believes task {@code taskId} is on, or null. */
  public String agentOf(String taskId) {
    return viewAgent.get(taskId);
  }

  // Registration is retried every 10 s until the master answers, as Mesos's driver does.
  private boolean awaitingRegistration;
  private long registrationTimer = Simulation.NO_EVENT;

  private void register(boolean again) {
    awaitingRegistration = true;
    send(new Message.RegisterFramework(info, again));
    if (registrationTimer == Simulation.NO_EVENT) {
      registrationTimer =
          sim.after(
              10_000_000L,
              Simulation.PRIORITY_TIMER,
              () -> {
                registrationTimer = Simulation.NO_EVENT;
                if (up && awaitingRegistration) {
                  register(registered);
                }
              });
    }
  }

  /** The scheduler process exits for good: it ignores everything from now on. */
  public void stop() {
    up = false;
    held.clear();
  }

  @Override
  public void receive(String from, Message m) {
    if (!up) {
      return;
    }
    if (m instanceof Message.FrameworkRegistered r) {
      awaitingRegistration = false;
      boolean again = registered;
      registered = true;
      schedulePeriodicReconciliation();
      if (again) {
        // Explicit reconciliation of every task it believes live, with the agent it was on:
        // what a failover may have lost (a launch, an update, a task on a restarted agent) comes
        // back as a status update; and implicit reconciliation: the master reports every task it
        // holds for it.
        reconcileAll();
        scheduler.reregistered(this, r.masterId());
      } else {
        scheduler.registered(this, r.frameworkId(), r.masterId());
      }
    } else if (m instanceof Message.ResourceOffers o) {
      for (Offer offer : o.offers()) {
        held.put(offer.id(), offer);
      }
      scheduler.resourceOffers(this, o.offers());
    } else if (m instanceof Message.InverseOffers io) {
      scheduler.inverseOffers(this, io.offers());
    } else if (m instanceof Message.RescindOffer r) {
      if (held.remove(r.offerId()) != null) {
        scheduler.offerRescinded(this, r.offerId());
      }
    } else if (m instanceof Message.StatusToFramework s) {
      TaskStatus status = s.status();
      send(new Message.StatusAck(info.id(), status.taskId(), status.state()));
      reconciling.remove(status.taskId());
      if (status.state().isTerminal()
          && (status.agentId() != null || "REASON_RECONCILIATION".equals(status.reason()))) {
        killing.remove(status.taskId()); // an answer from the agent, or the master's "unknown"
      }
      if (seen(status)) {
        if (!status.state().isTerminal()
            && ended.contains(status.taskId())
            && killing.add(status.taskId())) {
          // A task it counted as ended is alive after all (a duplicated accept had its launch
          // reported lost, or its agent came back): the scheduler has replaced it already, so it
          // kills it, as Marathon kills the tasks it does not know.
          send(new Message.KillTaskRequest(info.id(), status.taskId()));
          armKillRetry();
        }
        return; // a retry of an update already handled
      }
      scheduler.statusUpdate(this, status);
      afterStatus.run();
    } else if (m instanceof Message.AgentLost a) {
      scheduler.agentLost(this, a.agentId());
    } else if (m instanceof Message.ExecutorLost e) {
      scheduler.executorLost(this, e.executorId(), e.agentId(), e.status());
    } else if (m instanceof Message.ExecutorToFramework e) {
      scheduler.frameworkMessage(this, e.executorId(), e.agentId(), e.data());
    } else if (m instanceof Message.FrameworkError e) {
      up = false;
      scheduler.error(this, e.message());
    } else {
      throw new IllegalStateException("framework cannot handle " + m);
    }
  }

  // ---------------------------------------------------------------- scenario actions

  /** Gives back every outstanding offer with no filter. */
  public void returnOffers() {
    for (String offerId : List.copyOf(held.keySet())) {
      declineOffer(offerId, Filters.NONE);
    }
  }

  /** Declines outstanding offers (only those on {@code agentId} when not null). */
  public void declineOffers(Filters filters, String agentId) {
    for (Offer o : List.copyOf(held.values())) {
      if (agentId == null || agentId.equals(o.agentId())) {
        declineOffer(o.id(), filters);
      }
    }
  }

  /** Tells the master the framework goes inactive (or active again), as on a disconnect. */
  public void setActive(boolean active) {
    if (!active) {
      held.clear(); // the master rescinds them
    }
    send(new Message.SetFrameworkActive(info.id(), active));
  }

  // ---------------------------------------------------------------- driver

  @Override
  public void acceptOffers(
      Collection<String> offerIds, List<Operation> operations, Filters filters) {
    Map<String, Offer> offersAtAccept = new HashMap<>();
    for (String id : offerIds) {
      Offer o = held.remove(id);
      if (o != null) {
        offersAtAccept.put(id, o);
      }
    }
    String agent = null;
    for (String id : offerIds) {
      Offer o = offersAtAccept.get(id);
      if (o != null) {
        agent = o.agentId();
      }
    }
    for (Operation op : operations) {
      if (op instanceof Operation.Launch l) {
        for (TaskInfo t : l.tasks()) {
          view.putIfAbsent(t.id(), TaskState.TASK_STAGING);
          if (agent != null) {
            viewAgent.put(t.id(), agent);
          }
        }
      }
    }

    send(
        new Message.AcceptOffers(
            info.id(), List.copyOf(offerIds), List.copyOf(operations), filters));
  }

  /** Unreserves every reservation of its role in the offers it holds, as a scenario action. */
  public void unreserveHeld() {
    for (Offer o : List.copyOf(held.values())) {
      Resources reserved = o.resources().reservedTo(o.role());
      if (!reserved.isEmpty()) {
        acceptOffers(List.of(o.id()), List.of(new Operation.Unreserve(reserved)), Filters.NONE);
      }
    }
  }

  @Override
  public void declineOffers(Collection<String> offerIds, Filters filters) {
    if (offerIds.isEmpty()) {
      return;
    }
    for (String id : offerIds) {
      held.remove(id);
    }
    send(new Message.DeclineOffer(info.id(), List.copyOf(offerIds), filters));
  }

  @Override
  public void requestResources(Collection<Resources> requests) {
    send(new Message.ResourceRequest(info.id(), List.copyOf(requests)));
  }

  @Override
  public void acceptInverseOffer(String inverseOfferId, Filters filters) {
    send(new Message.InverseOfferReply(info.id(), inverseOfferId, true, filters));
  }

  @Override
  public void declineInverseOffer(String inverseOfferId, Filters filters) {
    send(new Message.InverseOfferReply(info.id(), inverseOfferId, false, filters));
  }

  @Override
  public void suppressOffers() {
    send(new Message.SuppressOffers(info.id()));
  }

  @Override
  public void reviveOffers() {
    send(new Message.ReviveOffers(info.id()));
  }

  @Override
  public void killTask(String taskId) {
    send(new Message.KillTaskRequest(info.id(), taskId));
  }

  @Override
  public void reconcileTasks(Collection<String> taskIds) {
    send(new Message.ReconcileTasks(info.id(), List.copyOf(taskIds)));
  }

  @Override
  public void sendFrameworkMessage(String executorId, String agentId, String data) {
    send(new Message.FrameworkToExecutor(info.id(), executorId, agentId, data));
  }

  @Override
  public long now() {
    return sim.now();
  }

  @Override
  public RandomGenerator random(String purpose) {
    return randoms.computeIfAbsent(
        purpose, p -> streams.stream("framework/" + info.id() + "/" + p));
  }

  private void send(Message m) {
    net.send(address(), Master.ADDRESS, m);
  }
}
