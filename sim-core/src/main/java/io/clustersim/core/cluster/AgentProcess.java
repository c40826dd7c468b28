package io.clustersim.core.cluster;

import io.clustersim.core.container.AgentRuntime;
import io.clustersim.core.container.AgentUsage;
import io.clustersim.core.container.ContainerSettings;
import io.clustersim.core.container.ContainerSpec;
import io.clustersim.core.container.ImageStore;
import io.clustersim.core.container.Oversubscription;
import io.clustersim.core.container.UsageProfile;
import io.clustersim.core.framework.Capability;
import io.clustersim.core.framework.ExecutorInfo;
import io.clustersim.core.framework.FrameworkInfo;
import io.clustersim.core.framework.TaskInfo;
import io.clustersim.core.framework.TaskState;
import io.clustersim.core.framework.TaskStatus;
import io.clustersim.core.kernel.Simulation;
import io.clustersim.core.log.EventLog;
import io.clustersim.core.log.LogEvent;
import io.clustersim.core.net.Endpoint;
import io.clustersim.core.net.Message;
import io.clustersim.core.net.Network;
import io.clustersim.core.resources.Resource;
import io.clustersim.core.resources.Resources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A simulated agent: registers with the master, answers pings, and runs tasks inside executors.
 * Each task goes STAGING → STARTING → RUNNING on arrival and reaches its end state (TASK_FINISHED
 * unless the task says otherwise) after its duration; an executor exits when its last task ends. A
 * crashed agent ignores every message.
 *
 * <p>The built-in executors understand one framework message, {@link #endCommand}: end a task now
 * in a given state. A trace-driven framework uses it for a task launched before the trace told how
 * long it runs, as a custom executor driven by its scheduler would.
 */
public final class AgentProcess implements Endpoint {
  private final String id;
  private final Resources resources;
  private final Map<String, String> attributes;
  private final Simulation sim;
  private final Network net;
  private final Map<String, RunningTask> tasks = new LinkedHashMap<>();
  private final Map<String, Integer> executorTasks = new LinkedHashMap<>();
  private boolean up;
  private final long masterTimeoutMicros;
  private final long retryMicros;
  private long masterTimer = Simulation.NO_EVENT;

  /**
   * A task on this agent: {@code runningAt} is -1 while its container starts ({@code completion} is
   * then the start event), {@code plan} null when it uses exactly what it asked for.
   */
  private record RunningTask(
      String frameworkId,
      TaskInfo info,
      long completion,
      FrameworkInfo framework,
      long runningAt,
      UsageProfile.Plan plan) {
    boolean checkpoint() {
      return framework != null && framework.checkpoint();
    }

    boolean revocable() {
      return !info.resources().revocable().isEmpty();
    }
  }

  private AgentRuntime runtime = AgentRuntime.DEFAULT;
  private List<String> containerizers = ContainerSpec.AGENT_DEFAULT;
  private EventLog log;
  private final ImageStore images = new ImageStore();

  /** Measured usage (cpus, mem thousandths) of tasks, from trace records; looked up only. */
  private final Map<String, long[]> measured = new java.util.HashMap<>();

  /** Revocable resources last reported to the master (allocated plus estimated free). */
  private Resources oversubscribed = Resources.EMPTY;

  private int generation;

  /** No leading master: between a leader's crash and the election of the next. */
  private boolean leaderless;

  /** Checkpointed tasks whose container came up while the agent was down. */
  private final Set<String> startedWhileDown = new LinkedHashSet<>();

  /** Checkpointed tasks that ended while the agent was down, reported when it is back. */
  private final Map<String, TaskState> endedWhileDown = new LinkedHashMap<>();

  /** An agent that is not started yet. */
  public AgentProcess(
      String id, Resources resources, Map<String, String> attributes, Simulation sim, Network net) {
    this(id, resources, attributes, sim, net, -1, -1);
  }

  /**
   * An agent that considers the master lost when no ping came for {@code masterTimeoutMicros}
   * (Mesos: agent_ping_timeout × max_agent_ping_timeouts) and then registers again every {@code
   * retryMicros} until the master answers: how an agent cut off by a partition comes back.
   */
  public AgentProcess(
      String id,
      Resources resources,
      Map<String, String> attributes,
      Simulation sim,
      Network net,
      long masterTimeoutMicros,
      long retryMicros) {
    this.masterTimeoutMicros = masterTimeoutMicros;
    this.retryMicros = retryMicros;
    this.id = id;
    this.resources = resources;
    this.attributes = attributes;
    this.sim = sim;
    this.net = net;
  }

  /**
   * Sets what runs inside this agent: containerizer costs, monitor and oversubscription, the
   * containerizers it has, and the log its image pulls and throttled tasks are written to. Before
   * {@link #start}.
   */
  public void configure(AgentRuntime runtime, List<String> containerizers, EventLog log) {
    this.runtime = runtime;
    this.containerizers = containerizers;
    this.log = log;
  }

  /** The network address of agent {@code id}. */
  public static String address(String id) {
    return "agent/" + id;
  }

  @Override
  public String address() {
    return address(id);
  }

  /** Agent id. */
  public String id() {
    return id;
  }

  /** True while the process runs. */
  public boolean isUp() {
    return up;
  }

  /** Starts the process and registers with the master. */
  public void start() {
    up = true;
    // A restart is a new incarnation (Mesos gives the agent a new id unless it recovers): launches
    // the master sent to the previous one are refused.
    generation++;
    registerUntilAnswered();
    armMonitor(generation);
  }

  /** Registers, and again every retry interval until the master is heard from. */
  private void registerUntilAnswered() {
    registerAndReport();
    if (retryMicros > 0) {
      sim.cancel(masterTimer);
      masterTimer = sim.after(retryMicros, Simulation.PRIORITY_TIMER, this::masterLost);
    }
  }

  /** Registers, then reports the tasks that ended while it could not (down or leaderless). */
  private void registerAndReport() {
    register();
    for (String key : List.copyOf(startedWhileDown)) {
      RunningTask t = tasks.get(key);
      if (t != null && !endedWhileDown.containsKey(key)) {
        status(t.frameworkId(), t.info(), TaskState.TASK_RUNNING, null);
      }
    }
    startedWhileDown.clear();
    for (Map.Entry<String, TaskState> e : List.copyOf(endedWhileDown.entrySet())) {
      RunningTask t = tasks.get(e.getKey());
      if (t != null) {
        end(t, e.getValue(), null);
      }
    }
    endedWhileDown.clear();
  }

  /**
   * The leading master is gone (ZooKeeper's session for it expired): tasks run on, and those that
   * end are reported to the next leader, as the agent's status update retries would.
   */
  public void leaderLost() {
    leaderless = true;
    sim.cancel(masterTimer);
    masterTimer = Simulation.NO_EVENT;
  }

  /** A new master leads: the agent registers with it, listing what it runs. */
  public void newLeader() {
    leaderless = false;
    if (up) {
      registerUntilAnswered();
    }
  }

  private void register() {
    Map<String, Resources> used = new LinkedHashMap<>();
    Map<String, ExecutorInfo> executors = new LinkedHashMap<>();
    Map<String, FrameworkInfo> frameworks = new LinkedHashMap<>();
    tasks.forEach(
        (key, t) -> {
          used.put(key, t.info().resources());
          if (t.info().executor() != null) {
            executors.put(key, t.info().executor());
          }
          if (t.framework() != null) {
            frameworks.putIfAbsent(t.frameworkId(), t.framework());
          }
        });
    send(
        new Message.RegisterAgent(
            id,
            resources.plus(oversubscribed),
            attributes,
            List.copyOf(tasks.keySet()),
            used,
            executors,
            frameworks,
            generation));
  }

  /** The master was heard from: it is considered lost only after a silence from now on. */
  private void heardFromMaster() {
    if (masterTimeoutMicros <= 0) {
      return;
    }
    sim.cancel(masterTimer);
    masterTimer = sim.after(masterTimeoutMicros, Simulation.PRIORITY_TIMER, this::masterLost);
  }

  private void masterLost() {
    if (!up) {
      return;
    }
    register();
    masterTimer = sim.after(retryMicros, Simulation.PRIORITY_TIMER, this::masterLost);
  }

  /**
   * The process dies. Tasks of frameworks that checkpoint run on and are recovered when it
   * restarts; the others vanish with it, without a word to the master.
   */
  public void crash() {
    up = false;
    unacked.clear(); // the updates of tasks that survive are sent again on recovery
    sim.cancel(statusRetry);
    statusRetry = Simulation.NO_EVENT;
    sim.cancel(masterTimer);
    masterTimer = Simulation.NO_EVENT;
    // Tasks of checkpointing frameworks run on in their executors and are recovered on restart;
    // the others vanish with the agent process, without a word to the master.
    for (RunningTask t : List.copyOf(tasks.values())) {
      if (!t.checkpoint()) {
        sim.cancel(t.completion());
        tasks.remove(t.frameworkId() + "/" + t.info().id());
        String execKey = t.frameworkId() + "/" + executorId(t.info());
        if (executorTasks.merge(execKey, -1, Integer::sum) == 0) {
          executorTasks.remove(execKey);
        }
        measured.remove(t.frameworkId() + "/" + t.info().id());
      }
    }
    // The restarted agent starts with no estimate: it registers with the revocable resources its
    // surviving (checkpointed) tasks hold, and its estimator reports the rest later.
    Resources held = Resources.EMPTY;
    for (RunningTask t : tasks.values()) {
      held = held.plus(t.info().resources().revocable());
    }
    oversubscribed = held;
  }

  @Override
  public void receive(String from, Message m) {
    if (!up) {
      return;
    }
    if (m instanceof Message.Ping) {
      heardFromMaster();
      send(new Message.Pong(id));
    } else if (m instanceof Message.RunTask r) {
      String key = r.frameworkId() + "/" + r.task().id();
      // A duplicated launch message starts nothing: the task runs, or ran, already.
      if (r.generation() == generation && !tasks.containsKey(key) && !recentlyEnded.contains(key)) {
        run(r.frameworkId(), r.task(), r.framework());
      }
    } else if (m instanceof Message.KillTask k) {
      String key = k.frameworkId() + "/" + k.taskId();
      RunningTask t = tasks.get(key);
      if (t != null) {
        end(t, TaskState.TASK_KILLED, "REASON_TASK_KILLED");
      } else if (!recentlyEnded.contains(key)) {
        // A task it never got (its launch was lost): as Mesos's agent ("cannot find executor"),
        // it answers TASK_LOST, which ends the task the master still holds as staging.
        status(k.frameworkId(), k.taskId(), TaskState.TASK_LOST, "REASON_EXECUTOR_TERMINATED");
      }
    } else if (m instanceof Message.ShutdownFramework s) {
      for (RunningTask t : List.copyOf(tasks.values())) {
        if (t.frameworkId().equals(s.frameworkId())) {
          end(t, TaskState.TASK_KILLED, "REASON_FRAMEWORK_REMOVED");
        }
      }
    } else if (m instanceof Message.FrameworkToExecutor f) {
      endOnRequest(f);
    } else if (m instanceof Message.StatusUpdateAck a) {
      unacked.remove(a.frameworkId() + "/" + a.taskId() + "/" + a.state().name());
    } else if (m instanceof Message.AgentRegistered) {
      heardFromMaster();
    } else {
      throw new IllegalStateException("agent cannot handle " + m);
    }
  }

  /** The framework message that asks a built-in executor to end {@code taskId} in {@code state}. */
  public static String endCommand(String taskId, TaskState state) {
    return END + state.name() + " " + taskId;
  }

  private static final String END = "end ";

  private void endOnRequest(Message.FrameworkToExecutor f) {
    if (!f.data().startsWith(END)) {
      return; // other messages mean nothing to the built-in executors
    }
    int space = f.data().indexOf(' ', END.length());
    TaskState state = TaskState.valueOf(f.data().substring(END.length(), space));
    RunningTask t = tasks.get(f.frameworkId() + "/" + f.data().substring(space + 1));
    if (t != null && state.isTerminal()) {
      end(t, state, null);
    }
  }

  private void run(String frameworkId, TaskInfo task, FrameworkInfo framework) {
    String execKey = frameworkId + "/" + executorId(task);
    executorTasks.merge(execKey, 1, Integer::sum);
    status(frameworkId, task, TaskState.TASK_STARTING, null);
    String key = frameworkId + "/" + task.id();
    ContainerSpec container = task.container();
    if (!containerizers.contains(container.type())) {
      RunningTask t = new RunningTask(frameworkId, task, Simulation.NO_EVENT, framework, -1, null);
      tasks.put(key, t);
      end(t, TaskState.TASK_FAILED, "REASON_CONTAINER_LAUNCH_FAILED");
      return;
    }
    ContainerSettings settings = runtime.containers();
    long now = sim.now();
    long ready = now;
    if (container.image() != null) {
      ImageStore.Fetch fetch = images.fetch(container.type(), container.image(), now, settings);
      if (fetch.pulls() && log != null) {
        log.emit(
            new LogEvent.ImagePulled(
                id, container.type(), container.image(), fetch.readyAtMicros() - now));
      }
      ready = fetch.readyAtMicros();
    }
    ready += settings.startupMicros(container.type());
    if (ready == now) {
      begin(key, new RunningTask(frameworkId, task, Simulation.NO_EVENT, framework, -1, null));
    } else {
      long start =
          sim.after(ready - now, Simulation.PRIORITY_MESSAGE, () -> begin(key, tasks.get(key)));
      tasks.put(key, new RunningTask(frameworkId, task, start, framework, -1, null));
    }
  }

  /**
   * The container is up: the task runs until its duration (stretched by CPU throttling) is over, or
   * until its memory use crosses its limit (the OOM killer: {@code TASK_FAILED}, {@code
   * REASON_CONTAINER_LIMITATION_MEMORY}).
   */
  private void begin(String key, RunningTask starting) {
    if (starting == null || starting.runningAt() >= 0) {
      return;
    }
    TaskInfo task = starting.info();
    String frameworkId = starting.frameworkId();
    if (up) {
      status(frameworkId, task, TaskState.TASK_RUNNING, null);
    } else {
      startedWhileDown.add(key); // a checkpointed task: reported running once the agent is back
    }
    UsageProfile.Plan plan =
        task.usage() == null
            ? null
            : task.usage()
                .plan(
                    task.durationMicros(),
                    task.resources().milli("cpus"),
                    task.resources().milli("mem"));
    long completion = Simulation.NO_EVENT;
    if (plan != null && plan.oomMicros() >= 0) {
      completion =
          sim.after(
              plan.oomMicros(),
              Simulation.PRIORITY_MESSAGE,
              () -> complete(key, TaskState.TASK_FAILED, "REASON_CONTAINER_LIMITATION_MEMORY"));
    } else {
      long runFor = plan != null ? plan.endMicros() : task.durationMicros();
      if (runFor >= 0) {
        completion =
            sim.after(
                runFor, Simulation.PRIORITY_MESSAGE, () -> complete(key, task.endState(), null));
      }
    }
    if (plan != null && plan.throttledMicros() > 0 && log != null) {
      log.emit(new LogEvent.TaskThrottled(task.id(), frameworkId, id, plan.throttledMicros()));
    }
    tasks.put(
        key, new RunningTask(frameworkId, task, completion, starting.framework(), sim.now(), plan));
  }

  private void complete(String key, TaskState state, String reason) {
    RunningTask t = tasks.get(key);
    if (t == null) {
      return;
    }
    if (!up || leaderless) {
      endedWhileDown.put(key, state); // down: only checkpointed tasks are still here
      return;
    }
    end(t, state, reason);
  }

  /**
   * A task's usage as measured now (a trace's usage record): the monitor reports it from now on;
   * with {@code enforceMemory}, memory above the task's limit is an OOM kill at once.
   */
  void measured(String key, long cpusMilli, long memMilli, boolean enforceMemory) {
    RunningTask t = tasks.get(key);
    if (!up || t == null || t.runningAt() < 0) {
      return;
    }
    measured.put(key, new long[] {cpusMilli, memMilli});
    long limit = t.info().resources().milli("mem");
    if (enforceMemory && limit > 0 && memMilli > limit && !leaderless) {
      end(t, TaskState.TASK_FAILED, "REASON_CONTAINER_LIMITATION_MEMORY");
    }
  }

  /**
   * Starts the resource monitor's timers for this incarnation: usage reports to the master, the
   * resource estimator and the QoS controller, each at its own period. A crash ends them (the
   * generation changes).
   */
  private void armMonitor(int incarnation) {
    if (runtime.monitorIntervalMicros() > 0) {
      every(runtime.monitorIntervalMicros(), incarnation, this::reportUsage);
    }
    Oversubscription o = runtime.oversubscription();
    if (o != null) {
      every(o.estimateIntervalMicros(), incarnation, () -> estimate(o));
      every(o.qosIntervalMicros(), incarnation, () -> correct(o));
    }
  }

  private void every(long period, int incarnation, Runnable action) {
    sim.after(
        period,
        Simulation.PRIORITY_TIMER,
        () -> {
          if (up && generation == incarnation) {
            action.run();
            every(period, incarnation, action);
          }
        });
  }

  /**
   * What each task uses now: nothing while its container starts, its request when it has no usage
   * profile, else the profile's step. O(tasks × log steps).
   */
  private AgentUsage usage() {
    List<AgentUsage.TaskUsage> out = new ArrayList<>(tasks.size());
    long now = sim.now();
    for (Map.Entry<String, RunningTask> e : tasks.entrySet()) {
      RunningTask t = e.getValue();
      Resources r = t.info().resources();
      long cpus = r.milli("cpus");
      long usedCpu = 0;
      long usedMem = 0;
      if (t.runningAt() >= 0) {
        long[] m = measured.get(e.getKey());
        int step = m != null || t.plan() == null ? -1 : t.plan().stepAt(now - t.runningAt());
        if (m != null) {
          usedCpu = m[0];
          usedMem = m[1];
        } else if (step >= 0) {
          usedCpu = t.plan().cpuUsed()[step];
          usedMem = t.plan().memUsed()[step];
        } else {
          usedCpu = cpus;
          usedMem = r.milli("mem");
        }
      }
      out.add(new AgentUsage.TaskUsage(e.getKey(), cpus, usedCpu, usedMem, t.revocable()));
    }
    return new AgentUsage(resources.nonRevocable().milli("cpus"), out);
  }

  private void reportUsage() {
    AgentUsage u = usage();
    send(new Message.UsageReport(id, u.usedCpusMilli(), u.usedMemMilli()));
  }

  /**
   * Asks the estimator, and tells the master the agent's revocable total when it changed: what
   * revocable tasks hold plus what the estimator says is free, as Mesos's agent does.
   */
  private void estimate(Oversubscription o) {
    if (leaderless) {
      return;
    }
    AgentUsage u = usage();
    long total = u.revocableAllocatedCpusMilli() + o.estimator().oversubscribableCpusMilli(u, o);
    Resources revocable =
        total == 0
            ? Resources.EMPTY
            : Resources.of(new Resource("cpus", Resource.UNRESERVED, true, total, null));
    if (!revocable.equals(oversubscribed)) {
      oversubscribed = revocable;
      send(new Message.UpdateOversubscribed(id, revocable));
    }
  }

  /**
   * Carries out the QoS controller's corrections: each evicted revocable task ends {@code
   * TASK_LOST} ({@code TASK_GONE} for a partition-aware framework), {@code
   * REASON_CONTAINER_PREEMPTED}, as Mesos's agent reports a QoS kill.
   */
  private void correct(Oversubscription o) {
    for (String key : o.qosController().corrections(usage(), o)) {
      RunningTask t = tasks.get(key);
      if (t != null && t.revocable()) {
        boolean aware = t.framework() != null && t.framework().has(Capability.PARTITION_AWARE);
        end(t, aware ? TaskState.TASK_GONE : TaskState.TASK_LOST, "REASON_CONTAINER_PREEMPTED");
      }
    }
  }

  private static String executorId(TaskInfo task) {
    ExecutorInfo e = task.executor();
    return e == null ? task.id() : e.id();
  }

  /**
   * An executor dies (exit status 137, killed): its live tasks end with it, as Mesos's agent
   * reports them: {@code TASK_FAILED} under the command executor, {@code TASK_LOST} under a custom
   * one, both with {@code REASON_EXECUTOR_TERMINATED}.
   */
  public void crashExecutor(String executorId) {
    if (!up) {
      return;
    }
    for (RunningTask t : List.copyOf(tasks.values())) {
      if (executorId(t.info()).equals(executorId)) {
        TaskState state = t.info().executor() == null ? TaskState.TASK_FAILED : TaskState.TASK_LOST;
        end(t, state, "REASON_EXECUTOR_TERMINATED", 137);
      }
    }
  }

  private void end(RunningTask t, TaskState state, String reason) {
    end(t, state, reason, 0);
  }

  // The most recent tasks that ended here, to recognise a duplicated launch of one of them.
  private static final int ENDED_KEPT = 1024;
  private final LinkedHashSet<String> recentlyEnded = new LinkedHashSet<>();

  private void end(RunningTask t, TaskState state, String reason, int exitStatus) {
    sim.cancel(t.completion());
    String key = t.frameworkId() + "/" + t.info().id();
    tasks.remove(key);
    measured.remove(key);
    recentlyEnded.add(key);
    if (recentlyEnded.size() > ENDED_KEPT) {
      recentlyEnded.remove(recentlyEnded.iterator().next());
    }
    status(t.frameworkId(), t.info(), state, reason);
    String execId = executorId(t.info());
    String execKey = t.frameworkId() + "/" + execId;
    int left = executorTasks.merge(execKey, -1, Integer::sum);
    if (left == 0) {
      executorTasks.remove(execKey);
      send(new Message.ExecutorExited(id, t.frameworkId(), execId, exitStatus));
    }
  }

  /** Mesos's minimum status update retry interval. */
  static final long STATUS_RETRY_MICROS = 10_000_000L;

  /**
   * Status updates are sent reliably, as Mesos's status update manager does: each is kept until the
   * master acknowledges it and sent again every {@link #STATUS_RETRY_MICROS} meanwhile (a fixed
   * interval; Mesos backs off up to 10 minutes).
   */
  private void status(String frameworkId, TaskInfo task, TaskState state, String reason) {
    status(frameworkId, task.id(), state, reason);
  }

  private void status(String frameworkId, String taskId, TaskState state, String reason) {
    Message.StatusUpdate u =
        new Message.StatusUpdate(id, frameworkId, new TaskStatus(taskId, id, state, reason));
    unacked.put(frameworkId + "/" + taskId + "/" + state.name(), u);
    send(u);
    armStatusRetry();
  }

  private void armStatusRetry() {
    if (statusRetry == Simulation.NO_EVENT && !unacked.isEmpty()) {
      statusRetry = sim.after(STATUS_RETRY_MICROS, Simulation.PRIORITY_TIMER, this::retryStatus);
    }
  }

  private void retryStatus() {
    statusRetry = Simulation.NO_EVENT;
    if (!up) {
      return;
    }
    if (!leaderless) {
      for (Message.StatusUpdate u : List.copyOf(unacked.values())) {
        send(u);
      }
    }
    armStatusRetry();
  }

  private final Map<String, Message.StatusUpdate> unacked = new LinkedHashMap<>();
  private long statusRetry = Simulation.NO_EVENT;

  private void send(Message m) {
    net.send(address(), Master.ADDRESS, m);
  }
}
