package io.clustersim.workloads.behaviour;

import io.clustersim.core.framework.Filters;
import io.clustersim.core.framework.Offer;
import io.clustersim.core.framework.Scheduler;
import io.clustersim.core.framework.SchedulerDriver;
import io.clustersim.core.framework.TaskStatus;
import java.util.List;

/** Declines every offer with its {@code refuse_seconds} filter. */
public final class DeclineScheduler implements Scheduler {
  private final Filters refuse;

  /** A scheduler that declines with {@code refuse}. */
  public DeclineScheduler(Filters refuse) {
    this.refuse = refuse;
  }

  @Override
  public void registered(SchedulerDriver driver, String frameworkId, String masterId) {}

  @Override
  public void resourceOffers(SchedulerDriver driver, List<Offer> offers) {
    driver.declineOffers(offers.stream().map(Offer::id).toList(), refuse);
  }

  @Override
  public void statusUpdate(SchedulerDriver driver, TaskStatus status) {}
}
