package io.clustersim.reports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clustersim.core.kernel.SimTime;
import io.clustersim.core.log.LogEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What faults cost, from the event log: how long the master took to notice an agent that went
 * silent (a crash, a partition or a link losing all its messages, until the agent's removal), tasks
 * lost, tasks relaunched, and the work lost: the running time of every task that ended because of a
 * failure (lost, unreachable, gone, or killed with its framework's removal). O(1) per event; memory
 * grows with the running tasks and silent agents.
 */
final class Failures {
  private static final Set<String> LOST =
      Set.of("TASK_LOST", "TASK_UNREACHABLE", "TASK_GONE", "TASK_GONE_BY_OPERATOR", "TASK_DROPPED");

  private static final Pattern RELAUNCH = Pattern.compile(".*-r\\d+");

  private final Map<String, Long> silentSince = new HashMap<>();
  private final Map<String, Long> runningSince = new HashMap<>();
  private long detections;
  private long detectionSum;
  private long detectionMax;
  private long tasksLost;
  private long relaunched;
  private long workLost;
  private long agentsKnown;
  private final List<long[]> failovers = new ArrayList<>();
  // The failover in progress: crash time, agents to wait for, elected, all back, first offer.
  private long[] failover;
  private long reregistered;

  /** A link that loses every message to or from an agent silences it as a partition does. */
  private void silencedByLink(long t, LogEvent.Fault f) {
    if (!f.kind().equals("drop_messages")) {
      return;
    }
    String rate = null;
    String link = null;
    for (Map.Entry<String, String> p : f.parameters()) {
      if (p.getKey().equals("rate")) {
        rate = p.getValue();
      } else if (p.getKey().equals("link")) {
        link = p.getValue();
      }
    }
    if (link == null || rate == null || Double.parseDouble(rate) < 1) {
      return;
    }
    for (String end : link.split(">")) {
      if (end.startsWith("agent/")) {
        silentSince.putIfAbsent(end.substring("agent/".length()), t);
      }
    }
  }

  void onEvent(long t, LogEvent e) {
    failoverStep(t, e);
    if (e instanceof LogEvent.Fault f) {
      silencedByLink(t, f);
      for (Map.Entry<String, String> p : f.parameters()) {
        if ((f.kind().equals("crash_agent") && p.getKey().equals("agent"))
            || (f.kind().equals("partition") && p.getKey().equals("agents"))) {
          for (String agent : p.getValue().split(",")) {
            silentSince.putIfAbsent(agent, t);
          }
        }
      }
    } else if (e instanceof LogEvent.AgentAdded a) {
      agentsKnown++;
      silentSince.remove(a.agent()); // back before the master gave up on it
    } else if (e instanceof LogEvent.AgentRemoved r) {
      agentsKnown--;
      Long since = silentSince.remove(r.agent());
      if (since != null) {
        long d = t - since;
        detections++;
        detectionSum += d;
        detectionMax = Math.max(detectionMax, d);
      }
    } else if (e instanceof LogEvent.TaskLaunched l && RELAUNCH.matcher(l.task()).matches()) {
      relaunched++; // the built-in behaviours relaunch a task as <id>-r<n>
    } else if (e instanceof LogEvent.TaskStatus s) {
      String key = s.framework() + "/" + s.task();
      if (s.state().equals("TASK_RUNNING")) {
        runningSince.putIfAbsent(key, t);
        return;
      }
      boolean failed =
          LOST.contains(s.state())
              || (s.state().equals("TASK_KILLED") && "REASON_FRAMEWORK_REMOVED".equals(s.reason()));
      Long since = runningSince.get(key);
      if (failed) {
        tasksLost++;
        if (since != null) {
          workLost += t - since;
        }
      }
      if (failed || isTerminal(s.state())) {
        runningSince.remove(key);
      }
    }
  }

  /** Master failover times: crash to election, to every agent back, to the first offer. */
  private void failoverStep(long t, LogEvent e) {
    if (e instanceof LogEvent.Fault f && f.kind().equals("crash_master")) {
      failover = new long[] {t, agentsKnown, -1, -1, -1};
      failovers.add(failover);
      reregistered = 0;
    } else if (failover == null) {
      return;
    } else if (e instanceof LogEvent.MasterElected && failover[2] < 0) {
      failover[2] = t;
      if (failover[1] == 0) {
        failover[3] = t;
      }
    } else if (e instanceof LogEvent.AgentReregistered && failover[2] >= 0) {
      if (++reregistered == failover[1]) {
        failover[3] = t;
      }
    } else if (e instanceof LogEvent.Offer && failover[2] >= 0 && failover[4] < 0) {
      failover[4] = t;
    }
  }

  private static boolean isTerminal(String state) {
    return switch (state) {
      case "TASK_FINISHED", "TASK_FAILED", "TASK_KILLED", "TASK_ERROR" -> true;
      default -> false;
    };
  }

  private static void since(ObjectNode n, String key, long at, long from) {
    if (at < 0) {
      n.putNull(key); // never happened in the run
    } else {
      n.put(key, SimTime.toSeconds(at - from));
    }
  }

  void write(ObjectNode root) {
    ObjectNode f = root.putObject("failures");
    ObjectNode d = f.putObject("agent_loss_detection_seconds");
    d.put("count", detections);
    d.put("mean", detections == 0 ? 0 : SimTime.toSeconds(detectionSum) / detections);
    d.put("max", SimTime.toSeconds(detectionMax));
    f.put("tasks_lost", tasksLost);
    f.put("tasks_relaunched", relaunched);
    f.put("work_lost_task_seconds", SimTime.toSeconds(workLost));
    com.fasterxml.jackson.databind.node.ArrayNode list = f.putArray("master_failovers");
    for (long[] x : failovers) {
      ObjectNode n = list.addObject();
      n.put("crashed_at_seconds", SimTime.toSeconds(x[0]));
      n.put("agents_to_reregister", x[1]);
      since(n, "elected_after_seconds", x[2], x[0]);
      since(n, "all_agents_back_after_seconds", x[3], x[0]);
      since(n, "first_offer_after_seconds", x[4], x[0]);
    }
  }
}
