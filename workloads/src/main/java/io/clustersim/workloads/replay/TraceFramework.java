package io.clustersim.workloads.replay;

import io.clustersim.core.cluster.AgentProcess;
import io.clustersim.core.framework.Filters;
import io.clustersim.core.framework.Offer;
import io.clustersim.core.framework.Scheduler;
import io.clustersim.core.framework.SchedulerDriver;
import io.clustersim.core.framework.TaskInfo;
import io.clustersim.core.framework.TaskStatus;
import io.clustersim.core.resources.Resources;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A framework driven by a trace: tasks arrive when the trace submits them and wait in submission
 * order; each batch of offers is filled first-fit, looking at most {@link #SCAN} waiting tasks deep
 * so that one large task does not block the small ones behind it (and the cost per offer stays
 * bounded). Offers that receive nothing are declined together, in one call, with the replay's
 * filter; with nothing waiting the framework suppresses offers, and it revives them when a task
 * arrives. Lost tasks are not retried: the trace's own resubmissions are replayed as they were
 * recorded.
 */
final class TraceFramework implements Scheduler {
  /** Waiting tasks examined per batch of offers. */
  static final int SCAN = 1000;

  private final TraceWorkload workload;
  private final Filters refuse;
  private final LinkedHashMap<String, Attempt> waiting = new LinkedHashMap<>();
  private final Map<String, Attempt> running = new LinkedHashMap<>();
  private SchedulerDriver driver;
  private boolean suppressed;

  TraceFramework(TraceWorkload workload, Filters refuse) {
    this.workload = workload;
    this.refuse = refuse;
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
    List<List<TaskInfo>> launch = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      left[i] = offers.get(i).resources();
      cpus[i] = left[i].milli("cpus");
      mem[i] = left[i].milli("mem");
      launch.add(new ArrayList<>());
    }
    int scanned = 0;
    Iterator<Attempt> it = waiting.values().iterator();
    while (it.hasNext() && scanned++ < SCAN) {
      Attempt a = it.next();
      long needCpus = a.request.milli("cpus");
      long needMem = a.request.milli("mem");
      for (int i = 0; i < n; i++) {
        if (cpus[i] < needCpus || mem[i] < needMem) {
          continue;
        }
        Resources take = left[i].pick(a.request);
        if (take == null) {
          continue;
        }
        left[i] = left[i].minus(take);
        cpus[i] = left[i].milli("cpus");
        mem[i] = left[i].milli("mem");
        it.remove();
        long now = driver.now();
        a.launchedAt = now;
        a.agent = offers.get(i).agentId();
        running.put(a.id, a);
        launch
            .get(i)
            .add(
                new TaskInfo(
                    a.id, take, a.duration(now), null, a.submitted, workload.endStateOf(a)));
        break;
      }
    }
    // The unused offers go back in one call: a revive is offered the whole cluster, and one
    // message per declined agent made the replay's event queue several times longer.
    List<String> unused = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (launch.get(i).isEmpty()) {
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

  @Override
  public void statusUpdate(SchedulerDriver driver, TaskStatus status) {
    if (!status.state().isTerminal()) {
      return;
    }
    Attempt a = running.remove(status.taskId());
    if (a != null) {
      a.done = true;
      workload.ended(a, this);
    }
  }
}
