package io.clustersim.workloads.behaviour;

import io.clustersim.core.cluster.FiniteWork;
import io.clustersim.core.framework.InverseOffer;
import io.clustersim.core.framework.Offer;
import io.clustersim.core.framework.Scheduler;
import io.clustersim.core.framework.SchedulerDriver;
import io.clustersim.core.framework.TaskState;
import io.clustersim.core.framework.TaskStatus;
import io.clustersim.core.scenario.Scenario;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch job (Hadoop/Spark-like): {@code count} identical tasks, all pending from registration. A
 * task that fails or is lost is retried up to {@link #MAX_RETRIES} times under a new id ({@code
 * <id>-r<n>}); after that it counts as failed. The job is done when every task finished or gave up.
 */
public final class BatchScheduler implements Scheduler, FiniteWork {
  /** Retries per task after a failure or loss. */
  public static final int MAX_RETRIES = 3;

  private final Scenario.Framework spec;
  private final PendingTasks pending;
  private final Map<String, Integer> attempts = new HashMap<>();
  private int ended;

  /** A batch scheduler for the framework's {@code tasks} section. */
  public BatchScheduler(Scenario.Framework spec) {
    this.spec = spec;
    Scenario.Tasks t = spec.tasks();
    this.pending =
        PendingTasks.of(
            spec,
            t.resources(),
            t.durationMicros(),
            t.maxPerOffer(),
            t.executor(),
            t.container(),
            t.usage(),
            t.revocable());
  }

  @Override
  public void registered(SchedulerDriver driver, String frameworkId, String masterId) {
    if (attempts.isEmpty()) {
      for (int i = 0; i < spec.tasks().count(); i++) {
        String id = spec.id() + "-" + i;
        attempts.put(id, 0);
        pending.add(driver, id);
      }
    }
  }

  @Override
  public void resourceOffers(SchedulerDriver driver, List<Offer> offers) {
    pending.fill(driver, offers);
  }

  @Override
  public void statusUpdate(SchedulerDriver driver, TaskStatus status) {
    TaskState state = status.state();
    if (!state.isTerminal()) {
      return;
    }
    pending.ended(status.taskId());
    String base = baseId(status.taskId());
    Integer tries = attempts.get(base);
    if (tries == null) {
      return;
    }
    if (state == TaskState.TASK_FINISHED
        || state == TaskState.TASK_KILLED
        || tries >= MAX_RETRIES) {
      ended++;
      return;
    }
    attempts.put(base, tries + 1);
    pending.add(driver, base + "-r" + (tries + 1));
  }

  /** A batch job will drain by itself: it agrees to give agents back for maintenance. */
  @Override
  public void inverseOffers(SchedulerDriver driver, List<InverseOffer> offers) {
    for (InverseOffer io : offers) {
      driver.acceptInverseOffer(io.id(), spec.refuse());
    }
  }

  @Override
  public void executorLost(SchedulerDriver driver, String executorId, String agentId, int status) {
    pending.executorGone(agentId);
  }

  private static String baseId(String taskId) {
    int r = taskId.lastIndexOf("-r");
    return r > 0 && taskId.substring(r + 2).chars().allMatch(Character::isDigit)
        ? taskId.substring(0, r)
        : taskId;
  }

  @Override
  public boolean isDone() {
    return ended == spec.tasks().count();
  }
}
