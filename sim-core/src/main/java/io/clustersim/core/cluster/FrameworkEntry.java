package io.clustersim.core.cluster;

import io.clustersim.core.framework.FrameworkInfo;
import io.clustersim.core.kernel.Simulation;
import io.clustersim.core.net.Message;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The master's record of a registered framework. */
final class FrameworkEntry {
  final FrameworkInfo info;
  boolean active = true;
  final Map<String, MasterTask> tasks = new LinkedHashMap<>();
  final Set<String> offers = new LinkedHashSet<>();

  /** False from the scheduler's disconnection until it re-registers (failover). */
  boolean connected = true;

  /** The failover timer while disconnected. */
  long failoverTimer = Simulation.NO_EVENT;

  /**
   * Status updates sent to it and not acknowledged yet, by task and state, in the order sent: sent
   * again every status retry interval while it is connected, and all of them when it re-registers.
   */
  final Map<String, Message> unacked = new LinkedHashMap<>();

  /** The retry timer while updates wait for acknowledgement. */
  long statusRetry = Simulation.NO_EVENT;

  FrameworkEntry(FrameworkInfo info) {
    this.info = info;
  }

  String address() {
    return FrameworkProcess.address(info.id());
  }
}
