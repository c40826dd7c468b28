package io.clustersim.workloads.behaviour;

import io.clustersim.core.container.ContainerSpec;
import io.clustersim.core.container.UsageProfile;
import io.clustersim.core.framework.Constraint;
import io.clustersim.core.framework.ExecutorInfo;
import io.clustersim.core.framework.Filters;
import io.clustersim.core.framework.Offer;
import io.clustersim.core.framework.Operation;
import io.clustersim.core.framework.SchedulerDriver;
import io.clustersim.core.framework.TaskInfo;
import io.clustersim.core.framework.TaskState;
import io.clustersim.core.resources.Resources;
import io.clustersim.core.scenario.Scenario;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The queue of tasks a built-in framework wants to run, and how it fills offers from it: each
 * pending task, in queue order, goes to an offer chosen by the framework's {@link Placement}, at
 * most {@code maxPerOffer} per offer; an offer that receives nothing is declined under the
 * framework's {@code refuse_seconds}, and the unused rest of an accepted one goes back under its
 * {@code accept_refuse_seconds}. The framework tells the master its pending task shape ({@code
 * requestResources}), suppresses offers when nothing is pending and revives them when work comes
 * back.
 */
final class PendingTasks {
  private record Pending(String id, long submitted) {}

  /** What one more task on an offer takes: its own resources, and with its executor's. */
  private record Take(Resources task, Resources withExecutor) {}

  private final Resources request;
  private final ContainerSpec container;
  private final UsageProfile usage;
  private final boolean revocable;
  private final List<Constraint> constraints;
  private final boolean constraintsCount;
  // Where live tasks run (agent id and attributes), for UNIQUE and MAX_PER; looked up and
  // counted only, so hash order never reaches the output.
  private final Map<String, Offer> placedOn = new HashMap<>();
  private final long durationMicros;
  private final int maxPerOffer;
  private final ExecutorInfo executor;
  private final Filters refuse;
  private final Filters acceptRefuse;
  private final Placement placement;
  private final boolean reserve;
  private final Deque<Pending> queue = new ArrayDeque<>();
  private final Set<String> executorAgents = new HashSet<>(); // looked up only
  private boolean suppressed;
  private boolean announced;

  PendingTasks(
      Resources request,
      long durationMicros,
      int maxPerOffer,
      ExecutorInfo executor,
      Filters refuse,
      Filters acceptRefuse,
      Placement placement,
      boolean reserve,
      ContainerSpec container,
      UsageProfile usage,
      boolean revocable,
      List<Constraint> constraints) {
    this.request = request;
    this.container = container;
    this.usage = usage;
    this.revocable = revocable;
    this.constraints = constraints;
    this.constraintsCount = constraints.stream().anyMatch(Constraint::counts);
    this.durationMicros = durationMicros;
    this.maxPerOffer = maxPerOffer;
    this.executor = executor;
    this.refuse = refuse;
    this.acceptRefuse = acceptRefuse;
    this.placement = placement;
    this.reserve = reserve;
  }

  /**
   * The queue for a scenario framework's behaviour, with its filters, placement, reserve flag and
   * constraints; its tasks run in {@code container} with {@code usage} (null: their request), on
   * revocable CPU when {@code revocable}.
   */
  static PendingTasks of(
      Scenario.Framework spec,
      Resources request,
      long durationMicros,
      int maxPerOffer,
      ExecutorInfo executor,
      ContainerSpec container,
      UsageProfile usage,
      boolean revocable) {
    return new PendingTasks(
        request,
        durationMicros,
        maxPerOffer,
        executor,
        spec.refuse(),
        spec.acceptRefuse(),
        Placement.of(spec.placement()),
        spec.reserve(),
        container,
        usage,
        revocable,
        spec.constraints());
  }

  /** A task of this queue ended: it no longer counts for UNIQUE and MAX_PER. */
  void ended(String taskId) {
    placedOn.remove(taskId);
  }

  private boolean allowed(Offer offer) {
    for (Constraint c : constraints) {
      int same = 0;
      if (c.counts()) {
        String v = c.valueOn(offer.agentId(), offer.attributes());
        for (Offer o : placedOn.values()) {
          if (v != null && v.equals(c.valueOn(o.agentId(), o.attributes()))) {
            same++;
          }
        }
      }
      if (!c.allows(offer.agentId(), offer.attributes(), same)) {
        return false;
      }
    }
    return true;
  }

  /** Queues a task; announces the demand and revives offers if they were suppressed. */
  void add(SchedulerDriver driver, String taskId) {
    queue.addLast(new Pending(taskId, driver.now()));
    if (!announced) {
      announced = true;
      driver.requestResources(List.of(request));
    }
    if (suppressed) {
      suppressed = false;
      driver.reviveOffers();
    }
  }

  int size() {
    return queue.size();
  }

  /** The custom executor on {@code agentId} exited; the next task there starts a new one. */
  void executorGone(String agentId) {
    executorAgents.remove(agentId);
  }

  /** Places pending tasks on the offers and declines the offers that received none. */
  void fill(SchedulerDriver driver, List<Offer> offers) {
    int n = offers.size();
    Resources[] left = new Resources[n];
    List<List<TaskInfo>> launch = new ArrayList<>();
    Resources[] toReserve = new Resources[n];
    for (int i = 0; i < n; i++) {
      left[i] = offers.get(i).resources();
      launch.add(new ArrayList<>());
      toReserve[i] = Resources.EMPTY;
    }
    while (!queue.isEmpty()) {
      List<Placement.Fit> fits = new ArrayList<>();
      List<Take> takes = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (launch.get(i).size() >= maxPerOffer) {
          continue;
        }
        Take take = take(offers.get(i), left[i], launch.get(i).isEmpty());
        if (take == null) {
          continue;
        }
        fits.add(
            new Placement.Fit(i, Placement.roomAfter(left[i], request, offers.get(i).resources())));
        takes.add(take);
        if (placement.takesFirst()) {
          break;
        }
      }
      if (fits.isEmpty()) {
        break;
      }
      int k = placement.pick(fits, () -> driver.random("placement"));
      int chosen = fits.get(k).offer();
      Take chosenTake = takes.get(k);
      Pending p = queue.removeFirst();
      left[chosen] = left[chosen].minus(chosenTake.withExecutor());
      Resources task = chosenTake.task();
      if (reserve) {
        // Reserve the unreserved part for the offer's role first, then launch on the reservation.
        Resources unreserved = task.unreserved();
        Resources reserved = unreserved.toReserved(offers.get(chosen).role());
        toReserve[chosen] = toReserve[chosen].plus(reserved);
        task = task.minus(unreserved).plus(reserved);
      }
      if (constraintsCount) {
        placedOn.put(p.id(), offers.get(chosen));
      }
      launch
          .get(chosen)
          .add(
              new TaskInfo(
                  p.id(),
                  task,
                  durationMicros,
                  executor,
                  p.submitted(),
                  TaskState.TASK_FINISHED,
                  container,
                  usage));
    }
    for (int i = 0; i < n; i++) {
      Offer offer = offers.get(i);
      if (launch.get(i).isEmpty()) {
        driver.declineOffer(offer.id(), refuse);
      } else {
        if (executor != null) {
          executorAgents.add(offer.agentId());
        }
        List<Operation> ops = new ArrayList<>();
        if (!toReserve[i].isEmpty()) {
          ops.add(new Operation.Reserve(toReserve[i]));
        }
        ops.add(new Operation.Launch(launch.get(i)));
        driver.acceptOffers(List.of(offer.id()), ops, acceptRefuse);
      }
    }
    if (queue.isEmpty() && !suppressed) {
      suppressed = true;
      announced = false;
      driver.requestResources(List.of());
      driver.suppressOffers();
    }
  }

  /**
   * What placing one more task on this offer takes from {@code left}: the task's resources, plus
   * the custom executor's when this is the offer's first task and no executor of ours runs on the
   * agent yet; null if it does not fit.
   */
  private Take take(Offer offer, Resources left, boolean firstOnOffer) {
    if (!constraints.isEmpty() && !allowed(offer)) {
      return null;
    }
    Resources task = revocable ? left.pickRevocableCpus(request) : left.pick(request);
    if (task == null) {
      return null;
    }
    if (executor != null && firstOnOffer && !executorAgents.contains(offer.agentId())) {
      Resources exec = left.minus(task).pick(executor.resources());
      return exec == null ? null : new Take(task, task.plus(exec));
    }
    return new Take(task, task);
  }
}
