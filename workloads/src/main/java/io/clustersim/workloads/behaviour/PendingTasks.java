package io.clustersim.workloads.behaviour;

import io.clustersim.core.framework.ExecutorInfo;
import io.clustersim.core.framework.Filters;
import io.clustersim.core.framework.Offer;
import io.clustersim.core.framework.SchedulerDriver;
import io.clustersim.core.framework.TaskInfo;
import io.clustersim.core.resources.Resources;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The queue of tasks a built-in framework wants to run, and how it fills offers from it: first fit,
 * in queue order, at most {@code maxPerOffer} tasks per offer; an offer it cannot use is declined.
 * It suppresses offers when nothing is pending and revives them when work comes back.
 */
final class PendingTasks {
  private record Pending(String id, long submitted) {}

  private final Resources request;
  private final long durationMicros;
  private final int maxPerOffer;
  private final ExecutorInfo executor;
  private final Filters refuse;
  private final Deque<Pending> queue = new ArrayDeque<>();
  private boolean suppressed;

  PendingTasks(
      Resources request,
      long durationMicros,
      int maxPerOffer,
      ExecutorInfo executor,
      Filters refuse) {
    this.request = request;
    this.durationMicros = durationMicros;
    this.maxPerOffer = maxPerOffer;
    this.executor = executor;
    this.refuse = refuse;
  }

  /** Queues a task; revives offers if the framework had suppressed them. */
  void add(SchedulerDriver driver, String taskId) {
    queue.addLast(new Pending(taskId, driver.now()));
    if (suppressed) {
      suppressed = false;
      driver.reviveOffers();
    }
  }

  int size() {
    return queue.size();
  }

  /** Launches what fits on each offer and declines the rest under the framework's filter. */
  void fill(SchedulerDriver driver, List<Offer> offers) {
    for (Offer offer : offers) {
      Resources left = offer.resources();
      List<TaskInfo> launch = new ArrayList<>();
      while (!queue.isEmpty() && launch.size() < maxPerOffer) {
        Resources taken = left.pick(request);
        if (taken == null) {
          break;
        }
        if (executor != null && launch.isEmpty()) {
          // The executor's own resources must fit too (the master counts them once per agent).
          Resources withExecutor = left.minus(taken).pick(executor.resources());
          if (withExecutor == null) {
            break;
          }
        }
        Pending p = queue.removeFirst();
        left = left.minus(taken);
        launch.add(new TaskInfo(p.id(), taken, durationMicros, executor, p.submitted()));
      }
      if (launch.isEmpty()) {
        driver.declineOffer(offer.id(), refuse);
      } else {
        driver.launchTasks(List.of(offer.id()), launch, refuse);
      }
    }
    if (queue.isEmpty() && !suppressed) {
      suppressed = true;
      driver.suppressOffers();
    }
  }
}
