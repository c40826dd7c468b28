package io.clustersim.workloads.behaviour;

import io.clustersim.core.framework.Offer;
import io.clustersim.core.framework.Scheduler;
import io.clustersim.core.framework.SchedulerDriver;
import io.clustersim.core.framework.TaskStatus;
import java.util.List;

/**
 * Keeps every offer it gets and launches nothing: the resources stay counted as allocated to it.
 */
public final class HoldScheduler implements Scheduler {
  @Override
  public void registered(SchedulerDriver driver, String frameworkId, String masterId) {}

  @Override
  public void resourceOffers(SchedulerDriver driver, List<Offer> offers) {}

  @Override
  public void statusUpdate(SchedulerDriver driver, TaskStatus status) {}
}
