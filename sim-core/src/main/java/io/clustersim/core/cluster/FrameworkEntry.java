package io.clustersim.core.cluster;

import io.clustersim.core.framework.FrameworkInfo;
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

  FrameworkEntry(FrameworkInfo info) {
    this.info = info;
  }

  String address() {
    return FrameworkProcess.address(info.id());
  }
}
