package io.clustersim.workloads.behaviour;

import io.clustersim.core.framework.InverseOffer;
import io.clustersim.core.framework.Offer;
import io.clustersim.core.framework.Scheduler;
import io.clustersim.core.framework.SchedulerDriver;
import io.clustersim.core.framework.TaskStatus;
import io.clustersim.core.scenario.Scenario;
import java.util.List;

/**
 * A long-running service (Marathon-like): keeps {@code instances} tasks running; with {@code
 * restart}, an instance that ends is relaunched under a new id ({@code <id>-<i>-r<n>}).
 */
public final class ServiceScheduler implements Scheduler {
  private final Scenario.Framework spec;
  private final PendingTasks pending;
  private int relaunches;
  private boolean started;

  /** A service scheduler for the framework's {@code service} section. */
  public ServiceScheduler(Scenario.Framework spec) {
    this.spec = spec;
    Scenario.Service service = spec.service();
    this.pending =
        PendingTasks.of(
            spec,
            service.resources(),
            -1,
            Integer.MAX_VALUE,
            null,
            service.container(),
            service.usage(),
            false);
  }

  @Override
  public void registered(SchedulerDriver driver, String frameworkId, String masterId) {
    if (!started) {
      started = true;
      for (int i = 0; i < spec.service().instances(); i++) {
        pending.add(driver, spec.id() + "-" + i);
      }
    }
  }

  @Override
  public void resourceOffers(SchedulerDriver driver, List<Offer> offers) {
    pending.fill(driver, offers);
  }

  /** A service keeps its instances where they run: it declines to give agents back. */
  @Override
  public void inverseOffers(SchedulerDriver driver, List<InverseOffer> offers) {
    for (InverseOffer io : offers) {
      driver.declineInverseOffer(io.id(), spec.refuse());
    }
  }

  @Override
  public void statusUpdate(SchedulerDriver driver, TaskStatus status) {
    if (status.state().isTerminal()) {
      pending.ended(status.taskId());
    }
    if (status.state().isTerminal() && spec.service().restart()) {
      String id = status.taskId();
      int r = id.lastIndexOf("-r");
      String base = r > spec.id().length() ? id.substring(0, r) : id;
      pending.add(driver, base + "-r" + ++relaunches);
    }
  }
}
