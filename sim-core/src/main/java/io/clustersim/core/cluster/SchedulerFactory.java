package io.clustersim.core.cluster;

import io.clustersim.core.framework.Scheduler;
import io.clustersim.core.scenario.Scenario;

/** Makes the scheduler of a scenario framework from its {@code behaviour}. */
@FunctionalInterface
public interface SchedulerFactory {
  /** A new scheduler for {@code framework}. */
  Scheduler create(Scenario.Framework framework);
}
