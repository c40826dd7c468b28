package io.clustersim.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clustersim.core.cluster.RunResult;
import io.clustersim.core.framework.TaskState;
import io.clustersim.core.kernel.SimTime;
import io.clustersim.core.log.EventListener;
import io.clustersim.core.log.LogEvent;
import io.clustersim.core.resources.Resources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the run summary from the event stream alone, so that it describes exactly what the log
 * records. Memory grows with live agents, frameworks, offers and tasks, not with run length.
 *
 * <p>Definitions (scalars only: ranges such as ports are per agent): <em>allocated</em> is what
 * launched tasks hold; <em>used</em> is what the agents' resource monitors report (CPU and memory,
 * with {@code monitor:} on), otherwise equal to allocated (tasks use what they request); a
 * framework's <em>dominant share</em> is, as in Mesos's DRF, over what it holds offered or
 * allocated, divided by the cluster total.
 */
public final class SummaryCollector implements EventListener {
  private record Held(String owner, Resources resources) {}

  private final Map<String, Resources> agentTotals = new HashMap<>();
  private Resources clusterTotal = Resources.EMPTY;
  private Resources allocated = Resources.EMPTY;
  private final TreeMap<String, TimeWeighted> totalSeries = new TreeMap<>();
  private final TreeMap<String, TimeWeighted> allocatedSeries = new TreeMap<>();
  private final TreeMap<String, Owner> frameworks = new TreeMap<>();
  private final TreeMap<String, Owner> roles = new TreeMap<>();
  private final Map<String, Held> offers = new HashMap<>();
  private final Map<String, Held> liveTasks = new HashMap<>();
  private final Map<String, String> liveTaskStates = new HashMap<>();
  private final TreeMap<String, Long> finalStates = new TreeMap<>();
  private final WaitTimes waits = new WaitTimes();
  private long launched;
  private long offersMade;
  private long offersAccepted;
  private long offersDeclined;
  private long offersRescinded;
  private long refused;

  private final Starvation starvation = new Starvation();
  private final Failures failures = new Failures();
  private final AgentInternals internals = new AgentInternals();
  private final JobCompletion jobs = new JobCompletion();

  // Jain's index over the live frameworks' dominant shares, kept as running sums so that it can
  // follow every change in O(1): (Σx)² / (n Σx²).
  private double shareSum;
  private double shareSquares;
  private int liveFrameworks;
  private final TimeWeighted jain = new TimeWeighted(0);

  private static final class Owner {
    final String role;
    Resources held = Resources.EMPTY;
    final TimeWeighted share = new TimeWeighted(0);
    long tasksLaunched;
    boolean live = true;

    /** A framework's role (roles are never replaced); null for a role itself. */
    Owner roleOwner;

    Owner(String role) {
      this.role = role;
    }
  }

  // The framework looked up last: a revive's burst offers and declines thousands of offers of one
  // framework in a row. Keyed on the very id string; cleared whenever a framework is added.
  private String lastFramework;
  private Owner lastOwner;

  private Owner framework(String id) {
    if (id != lastFramework) {
      lastOwner = frameworks.get(id);
      lastFramework = id;
    }
    return lastOwner;
  }

  @Override
  public void onEvent(long t, long seq, LogEvent e) {
    starvation.onEvent(t, e);
    jobs.onEvent(t, e);
    failures.onEvent(t, e);
    internals.onEvent(t, e);
    if (e instanceof LogEvent.AgentAdded a) {
      agentTotals.put(a.agent(), a.resources());
      clusterTotal = clusterTotal.plus(a.resources().scalars());
      totalsChanged(t);
    } else if (e instanceof LogEvent.AgentUpdated a) {
      Resources was = agentTotals.put(a.agent(), a.resources());
      clusterTotal = clusterTotal.minus(was.scalars()).plus(a.resources().scalars());
      totalsChanged(t);
    } else if (e instanceof LogEvent.AgentRemoved a) {
      Resources r = agentTotals.remove(a.agent());
      if (r != null) {
        clusterTotal = clusterTotal.minus(r.scalars());
        totalsChanged(t);
      }
    } else if (e instanceof LogEvent.FrameworkAdded f) {
      Owner was = frameworks.get(f.framework());
      if (was != null && was.live) {
        leave(t, was);
      }
      Owner fw = new Owner(f.role());
      fw.roleOwner = roles.computeIfAbsent(f.role(), r -> new Owner(r));
      frameworks.put(f.framework(), fw);
      lastFramework = null;
      liveFrameworks++;
      jain.set(t, jainNow());
    } else if (e instanceof LogEvent.FrameworkRemoved f) {
      Owner fw = frameworks.get(f.framework());
      if (fw != null && fw.live) {
        leave(t, fw);
      }
    } else if (e instanceof LogEvent.Offer o) {
      offersMade++;
      offers.put(o.offer(), new Held(o.framework(), o.resources()));
      hold(t, o.framework(), o.resources(), true);
    } else if (e instanceof LogEvent.OfferAccepted o) {
      offersAccepted++;
      release(t, offers.remove(o.offer()));
    } else if (e instanceof LogEvent.OfferDeclined o) {
      offersDeclined++;
      release(t, offers.remove(o.offer()));
    } else if (e instanceof LogEvent.OfferRescinded o) {
      offersRescinded++;
      release(t, offers.remove(o.offer()));
    } else if (e instanceof LogEvent.TaskLaunched l) {
      launched++;
      String key = l.framework() + "/" + l.task();
      liveTasks.put(key, new Held(l.framework(), l.resources()));
      liveTaskStates.put(key, TaskState.TASK_STAGING.name());
      hold(t, l.framework(), l.resources(), true);
      allocated = allocated.plus(l.resources().scalars());
      allocationChanged(t);
      Owner fw = frameworks.get(l.framework());
      if (fw != null) {
        fw.tasksLaunched++;
      }
      waits.add(SimTime.toSeconds(t - l.submitted()));
    } else if (e instanceof LogEvent.TaskStatus s) {
      taskStatus(t, s);
    } else if (e instanceof LogEvent.RegistrationRefused) {
      refused++;
    }
  }

  private void taskStatus(long t, LogEvent.TaskStatus s) {
    String key = s.framework() + "/" + s.task();
    TaskState state = TaskState.valueOf(s.state());
    if (!state.isTerminal()) {
      if (liveTaskStates.containsKey(key)) {
        liveTaskStates.put(key, s.state());
      }
      return;
    }
    finalStates.merge(s.state(), 1L, Long::sum);
    liveTaskStates.remove(key);
    Held task = liveTasks.remove(key);
    if (task != null) {
      release(t, task);
      allocated = allocated.minus(task.resources().scalars());
      allocationChanged(t);
    }
  }

  private void release(long t, Held h) {
    if (h != null) {
      hold(t, h.owner(), h.resources(), false);
    }
  }

  private void hold(long t, String framework, Resources r, boolean add) {
    Owner fw = framework(framework);
    if (fw == null) {
      return;
    }
    Resources q = r.scalars();
    fw.held = add ? fw.held.plus(q) : fw.held.minus(q);
    setShare(t, fw, share(fw.held));
    Owner role = fw.roleOwner;
    role.held = add ? role.held.plus(q) : role.held.minus(q);
    role.share.set(t, share(role.held));
  }

  /** A framework's dominant share changes: the running sums and Jain's index follow. */
  private void setShare(long t, Owner fw, double v) {
    if (fw.live) {
      double old = fw.share.value();
      shareSum += v - old;
      shareSquares += v * v - old * old;
      fw.share.set(t, v);
      jain.set(t, jainNow());
    } else {
      fw.share.set(t, v);
    }
  }

  private void leave(long t, Owner fw) {
    double old = fw.share.value();
    shareSum -= old;
    shareSquares -= old * old;
    fw.live = false;
    liveFrameworks--;
    jain.set(t, jainNow());
  }

  /** Jain's index over the live frameworks' dominant shares now (1 with none, or all at 0). */
  public double jainNow() {
    // Sums drift by rounding as shares come and go; below 1e-12 they are zero.
    if (liveFrameworks == 0 || shareSquares <= 1e-12) {
      return 1.0;
    }
    return Math.min(1.0, shareSum * shareSum / (liveFrameworks * shareSquares));
  }

  /** The share of {@code resource} that tasks hold now (0 if the cluster has none). */
  public double allocatedShareNow(String resource) {
    double total = clusterTotal.amount(resource);
    return total > 0 ? allocated.amount(resource) / total : 0;
  }

  /** The scalar resources the cluster has, sorted. */
  public List<String> resourceNames() {
    return clusterTotal.scalarNames();
  }

  /** Role {@code role}'s dominant share now (0 for a role no framework is in). */
  public double roleShareNow(String role) {
    Owner o = roles.get(role);
    return o == null ? 0 : o.share.value();
  }

  /** The longest time so far, in µs, a framework wanted offers and got none (open waits too). */
  public long longestStarvation(long now) {
    return starvation.longest(now);
  }

  /** Each role's dominant share now, by role name. */
  public TreeMap<String, Double> roleSharesNow() {
    TreeMap<String, Double> out = new TreeMap<>();
    roles.forEach((name, o) -> out.put(name, o.share.value()));
    return out;
  }

  /** Each live framework's dominant share now, by framework id. */
  public TreeMap<String, Double> frameworkSharesNow() {
    TreeMap<String, Double> out = new TreeMap<>();
    frameworks.forEach(
        (id, o) -> {
          if (o.live) {
            out.put(id, o.share.value());
          }
        });
    return out;
  }

  /** The waits (seconds) sorted, at most {@code points} of them evenly spread; see WaitTimes. */
  public double[] waitCdfPoints(int points) {
    return waits.sortedSample(points);
  }

  private double share(Resources held) {
    // Every offer and decline comes here: the totals' side is worked out once per cluster total.
    if (shareTotalsOf != clusterTotal) {
      shareNames = clusterTotal.scalarNames();
      shareTotals = new double[shareNames.size()];
      for (int i = 0; i < shareTotals.length; i++) {
        shareTotals[i] = clusterTotal.milli(shareNames.get(i));
      }
      shareTotalsOf = clusterTotal;
    }
    double[] h = new double[shareTotals.length];
    for (int i = 0; i < h.length; i++) {
      h[i] = held.milli(shareNames.get(i));
    }
    return Fairness.dominantShare(h, shareTotals);
  }

  private Resources shareTotalsOf;
  private List<String> shareNames;
  private double[] shareTotals;

  private void totalsChanged(long t) {
    for (String name : clusterTotal.scalarNames()) {
      totalSeries.computeIfAbsent(name, n -> new TimeWeighted(0));
    }
    for (Map.Entry<String, TimeWeighted> e : totalSeries.entrySet()) {
      e.getValue().set(t, clusterTotal.amount(e.getKey()));
    }
    for (Owner o : frameworks.values()) {
      setShare(t, o, share(o.held));
    }
    for (Owner o : roles.values()) {
      o.share.set(t, share(o.held));
    }
  }

  private void allocationChanged(long t) {
    for (String name : allocated.scalarNames()) {
      allocatedSeries.computeIfAbsent(name, n -> new TimeWeighted(0));
    }
    for (Map.Entry<String, TimeWeighted> e : allocatedSeries.entrySet()) {
      e.getValue().set(t, allocated.amount(e.getKey()));
    }
  }

  private static Double nullIfEmpty(double v) {
    return Double.isNaN(v) ? null : v;
  }

  /** Current dominant share of a framework. */
  public double frameworkShareFinal(String framework) {
    return frameworks.get(framework).share.value();
  }

  /** Tasks launched by a framework. */
  public long tasksLaunched(String framework) {
    return frameworks.get(framework).tasksLaunched;
  }

  /**
   * The summary as JSON, in the fixed key order the spec lists. {@code wallSeconds} is the host's
   * time for the run, measured outside the simulation.
   */
  public ObjectNode summary(RunResult result, double wallSeconds, ObjectMapper json) {
    long end = result.endMicros();
    ObjectNode root = json.createObjectNode();
    root.put("digest", result.digest());
    root.put("events", result.events());
    root.put("simulated_seconds", SimTime.toSeconds(end));
    root.put("drained", result.drained());

    ObjectNode tasks = root.putObject("tasks");
    tasks.put("launched", launched);
    ObjectNode byState = tasks.putObject("by_final_state");
    TreeMap<String, Long> states = new TreeMap<>(finalStates);
    for (String live : liveTaskStates.values()) {
      states.merge(live, 1L, Long::sum);
    }
    states.forEach(byState::put);

    ObjectNode res = root.putObject("resources");
    for (Map.Entry<String, TimeWeighted> e : totalSeries.entrySet()) {
      ObjectNode r = res.putObject(e.getKey());
      TimeWeighted alloc = allocatedSeries.getOrDefault(e.getKey(), new TimeWeighted(0));
      double totalMean = e.getValue().mean(end);
      r.put("total_mean", totalMean);
      r.put("allocated_mean", alloc.mean(end));
      r.put("allocated_peak", alloc.peak());
      r.put("allocated_share_mean", totalMean > 0 ? alloc.mean(end) / totalMean : 0);
      boolean measured = internals.monitored();
      if (measured && e.getKey().equals("cpus")) {
        r.put("used_mean", internals.usedCpusMean(end));
        r.put("used_peak", internals.usedCpusPeak());
      } else if (measured && e.getKey().equals("mem")) {
        r.put("used_mean", internals.usedMemMean(end));
        r.put("used_peak", internals.usedMemPeak());
      } else {
        r.put("used_mean", alloc.mean(end));
        r.put("used_peak", alloc.peak());
      }
    }

    ObjectNode fws = root.putObject("frameworks");
    List<Double> meanShares = new ArrayList<>();
    List<Double> finalShares = new ArrayList<>();
    for (Map.Entry<String, Owner> e : frameworks.entrySet()) {
      Owner o = e.getValue();
      ObjectNode f = fws.putObject(e.getKey());
      f.put("role", o.role);
      f.put("tasks_launched", o.tasksLaunched);
      f.put("dominant_share_mean", o.share.mean(end));
      f.put("dominant_share_final", o.share.value());
      meanShares.add(o.share.mean(end));
      finalShares.add(o.share.value());
    }
    ObjectNode rs = root.putObject("roles");
    for (Map.Entry<String, Owner> e : roles.entrySet()) {
      ObjectNode r = rs.putObject(e.getKey());
      r.put("dominant_share_mean", e.getValue().share.mean(end));
      r.put("dominant_share_final", e.getValue().share.value());
    }
    ObjectNode fairness = root.putObject("fairness");
    fairness.put("jain_dominant_share_mean", Fairness.jain(meanShares));
    fairness.put("jain_dominant_share_final", Fairness.jain(finalShares));
    fairness.put("jain_time_weighted", jain.mean(end));
    double largest = meanShares.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    double smallest = meanShares.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    if (smallest > 0) {
      fairness.put("max_min_dominant_share_ratio", largest / smallest);
    } else {
      fairness.putNull("max_min_dominant_share_ratio");
    }
    root.put("starvation_seconds", SimTime.toSeconds(starvation.longest(end)));
    failures.write(root);
    ObjectNode js = root.putObject("jobs");
    js.put("completed", jobs.completion().getN());
    js.put("completion_seconds_mean", nullIfEmpty(jobs.completion().getMean()));
    js.put("slowdown_mean", nullIfEmpty(jobs.slowdown().getMean()));
    root.put("makespan_seconds", SimTime.toSeconds(jobs.makespan()));

    ObjectNode wait = root.putObject("wait_seconds");
    wait.put("count", waits.count());
    wait.put("exact", waits.exact());
    for (int p : new int[] {50, 90, 99}) {
      double v = waits.percentile(p);
      if (Double.isNaN(v)) {
        wait.putNull("p" + p);
      } else {
        wait.put("p" + p, v);
      }
    }
    ObjectNode o = root.putObject("offers");
    o.put("made", offersMade);
    o.put("accepted", offersAccepted);
    o.put("declined", offersDeclined);
    o.put("rescinded", offersRescinded);
    root.put("allocation_runs", result.allocationRuns());
    root.put("registrations_refused", refused);

    internals.write(root, end);

    ObjectNode run = root.putObject("run");
    run.put("wall_seconds", wallSeconds);
    run.put("kernel_events", result.kernelEvents());
    run.put("events_per_second", wallSeconds > 0 ? result.kernelEvents() / wallSeconds : 0);
    run.put("messages", result.messages());
    run.put("messages_dropped", result.messagesDropped());
    run.put("messages_duplicated", result.messagesDuplicated());
    return root;
  }
}
