package io.clustersim.core.framework;

/** Framework capabilities that change what the master offers or reports. */
public enum Capability {
  GPU_RESOURCES,
  REVOCABLE_RESOURCES,
  PARTITION_AWARE,
  MULTI_ROLE,
  SHARED_RESOURCES,
  RESERVATION_REFINEMENT,
  REGION_AWARE,
  TASK_KILLING_STATE
}
