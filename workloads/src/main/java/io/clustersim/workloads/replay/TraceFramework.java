package io.clustersim.workloads.replay;

import io.clustersim.core.cluster.AgentProcess;
import io.clustersim.core.framework.Filters;
import io.clustersim.core.framework.Offer;
import io.clustersim.core.framework.Scheduler;
import io.clustersim.core.framework.SchedulerDriver;
import io.clustersim.core.framework.TaskInfo;
import io.clustersim.core.framework.TaskStatus;
import io.clustersim.core.gpu.GpuDevices;
import io.clustersim.core.gpu.GpuNode;
import io.clustersim.core.resources.Resource;
import io.clustersim.core.resources.Resources;
import io.clustersim.workloads.placement.PlacementContext;
import io.clustersim.workloads.placement.TaskPlacement;
import io.clustersim.workloads.placement.TaskPlacements;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A framework driven by a trace: tasks arrive when the trace submits them and wait in submission
 * order; each batch of offers is filled in that order, each task placed by the replay's {@link
 * TaskPlacement} (first-fit by default) among the offers it fits, looking at most {@link #SCAN}
 * waiting tasks deep so that one large task does not block the small ones behind it (and the cost
 * per offer stays bounded). Offers that receive nothing are declined together, in one call, with
 * the replay's filter; with nothing waiting the framework suppresses offers, and it revives them
 * when a task arrives. Lost tasks are not retried: the trace's own resubmissions are replayed as
 * they were recorded.
 */
final class TraceFramework implements Scheduler {
  /** Waiting tasks examined per batch of offers. */
  static final int SCAN = 1000;

  private final TraceWorkload workload;
  private final Filters refuse;
  private final TaskPlacement placement;
  private final boolean inflate;
  private final GpuLedger ledger;
  private final LinkedHashMap<String, Attempt> waiting = new LinkedHashMap<>();
  private final Map<String, Attempt> running = new LinkedHashMap<>();
  private SchedulerDriver driver;
  private boolean suppressed;

  TraceFramework(
      TraceWorkload workload,
      Filters refuse,
      TaskPlacement placement,
      boolean inflate,
      GpuLedger ledger) {
    this.workload = workload;
    this.refuse = refuse;
    this.placement = placement;
    this.inflate = inflate;
    this.ledger = ledger;
  }

  /** Tasks waiting for an offer. */
  int waitingCount() {
    return waiting.size();
  }

  /** Tasks waiting or running. */
  int live() {
    return waiting.size() + running.size();
  }

  void submit(Attempt a) {
    waiting.put(a.id, a);
    if (driver != null && suppressed) {
      suppressed = false;
      driver.reviveOffers();
    }
  }

  /** The trace ended a task it never started: drop it if still waiting, else end it now. */
  void cancel(Attempt a) {
    if (waiting.remove(a.id) != null) {
      a.done = true;
      workload.cancelledWhilePending(a);
    } else {
      end(a);
    }
  }

  /** Ends a running task now in its recorded state (its runtime became known after launch). */
  void end(Attempt a) {
    if (driver != null && running.containsKey(a.id) && !a.endSent) {
      a.endSent = true;
      driver.sendFrameworkMessage(a.id, a.agent, AgentProcess.endCommand(a.id, a.endState));
    }
  }

  @Override
  public void registered(SchedulerDriver driver, String frameworkId, String masterId) {
    this.driver = driver;
    if (waiting.isEmpty()) {
      suppressed = true;
      driver.suppressOffers();
    }
  }

  @Override
  public void resourceOffers(SchedulerDriver driver, List<Offer> offers) {
    int n = offers.size();
    Resources[] left = new Resources[n];
    // CPU and memory left per offer, in thousandths: most (task, offer) pairs fail on these, so
    // they are compared before the full resource arithmetic.
    long[] cpus = new long[n];
    long[] mem = new long[n];
    int[] devices = new int[n];
    GpuNode[] nodes = new GpuNode[n]; // built when a strategy needs one, dropped when it changes
    // Tasks to launch per offer, made when the first one is placed: a revive's batch is the whole
    // cluster, and most of it is declined.
    List<List<TaskInfo>> launch = new ArrayList<>(Collections.nCopies(n, null));
    for (int i = 0; i < n; i++) {
      left[i] = offers.get(i).resources();
      cpus[i] = left[i].milli("cpus");
      mem[i] = left[i].milli("mem");
      devices[i] = ledger.devices(offers.get(i).agentId());
    }
    boolean firstFit = placement == TaskPlacements.firstFit();
    List<TaskPlacement.Candidate> candidates = new ArrayList<>();
    List<Resources> picks = new ArrayList<>();
    int scanned = 0;
    Iterator<Attempt> it = waiting.values().iterator();
    while (it.hasNext() && scanned++ < SCAN) {
      Attempt a = it.next();
      long needCpus = a.request.milli("cpus");
      long needMem = a.request.milli("mem");
      Resources withoutGpus = a.gpu.gpus() == 0 ? a.request : a.request.filter(NOT_GPUS);
      candidates.clear();
      picks.clear();
      for (int i = 0; i < n; i++) {
        if (cpus[i] < needCpus || mem[i] < needMem) {
          continue;
        }
        Resources pick;
        GpuNode node = null;
        if (devices[i] == 0) {
          pick = left[i].pick(a.request); // plain resources, whole `gpus` included
        } else {
          if (nodes[i] == null) {
            nodes[i] = node(left[i], devices[i], offers.get(i));
          }
          node = nodes[i];
          pick = node.fits(a.gpu) ? left[i].pick(withoutGpus) : null;
        }
        if (pick == null) {
          continue;
        }
        if (node == null && !firstFit) {
          nodes[i] = node(left[i], 0, offers.get(i));
          node = nodes[i];
        }
        candidates.add(new TaskPlacement.Candidate(i, offers.get(i).agentId(), node));
        picks.add(pick);
        if (firstFit) {
          break;
        }
      }
      TaskPlacement.Choice choice =
          candidates.isEmpty() ? null : placement.choose(a.gpu, candidates, context(driver));
      if (choice == null) {
        if (inflate) {
          // Nothing will ever leave: a task no offer fits now never fits (the FGD paper's rule).
          it.remove();
          a.done = true;
          ledger.givenUp();
          workload.givenUp(a);
        }
        continue;
      }
      int i = candidates.get(choice.candidate()).offer();
      Resources take = picks.get(choice.candidate());
      if (devices[i] > 0 && choice.devices().length > 0) {
        take = take.plus(GpuDevices.share(choice.devices(), a.gpu.milliPerGpu()));
      }
      left[i] = left[i].minus(take);
      cpus[i] = left[i].milli("cpus");
      mem[i] = left[i].milli("mem");
      nodes[i] = null;
      it.remove();
      long now = driver.now();
      a.launchedAt = now;
      a.agent = offers.get(i).agentId();
      a.taken = take;
      running.put(a.id, a);
      ledger.launched(a);
      if (launch.get(i) == null) {
        launch.set(i, new ArrayList<>());
      }
      launch
          .get(i)
          .add(
              new TaskInfo(a.id, take, a.duration(now), null, a.submitted, workload.endStateOf(a)));
    }
    // The unused offers go back in one call: a revive is offered the whole cluster, and one
    // message per declined agent made the replay's event queue several times longer.
    List<String> unused = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (launch.get(i) == null) {
        unused.add(offers.get(i).id());
      } else {
        driver.launchTasks(List.of(offers.get(i).id()), launch.get(i), refuse);
      }
    }
    driver.declineOffers(unused, refuse);
    if (waiting.isEmpty() && !suppressed) {
      suppressed = true;
      driver.suppressOffers();
    }
  }

  private static final Predicate<Resource> NOT_GPUS = r -> !r.name().equals("gpus");

  /** What a strategy sees of an offer: its CPU, its devices' free milli-GPU, its GPU model. */
  private static GpuNode node(Resources offered, int deviceCount, Offer offer) {
    int[] free = new int[deviceCount];
    for (int d = 0; d < deviceCount; d++) {
      free[d] = (int) offered.milli(GpuDevices.name(d));
    }
    return new GpuNode(offered.milli("cpus"), free, offer.attributes().get("gpu_model"));
  }

  private PlacementContext context;

  private PlacementContext context(SchedulerDriver driver) {
    if (context == null) {
      context = ledger.context(driver.random("placement"));
    }
    return context;
  }

  @Override
  public void statusUpdate(SchedulerDriver driver, TaskStatus status) {
    if (!status.state().isTerminal()) {
      return;
    }
    Attempt a = running.remove(status.taskId());
    if (a != null) {
      a.done = true;
      ledger.ended(a);
      workload.ended(a, this);
    }
  }
}
