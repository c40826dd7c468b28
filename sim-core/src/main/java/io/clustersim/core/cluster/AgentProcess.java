package io.clustersim.core.cluster;

import io.clustersim.core.framework.ExecutorInfo;
import io.clustersim.core.framework.FrameworkInfo;
import io.clustersim.core.framework.TaskInfo;
import io.clustersim.core.framework.TaskState;
import io.clustersim.core.framework.TaskStatus;
import io.clustersim.core.kernel.Simulation;
import io.clustersim.core.net.Endpoint;
import io.clustersim.core.net.Message;
import io.clustersim.core.net.Network;
import io.clustersim.core.resources.Resources;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

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

  private record RunningTask(
      String frameworkId, TaskInfo info, long completion, FrameworkInfo framework) {
    boolean checkpoint() {
      return framework != null && framework.checkpoint();
    }
  }

  private int generation;

  /** No leading master: between a leader's crash and the election of the next. */
  private boolean leaderless;

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
            resources,
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
      }
    }
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
    status(frameworkId, task, TaskState.TASK_RUNNING, null);
    String key = frameworkId + "/" + task.id();
    long completion = Simulation.NO_EVENT;
    if (task.durationMicros() >= 0) {
      completion =
          sim.after(
              task.durationMicros(),
              Simulation.PRIORITY_MESSAGE,
              () -> complete(key, task.endState()));
    }
    tasks.put(key, new RunningTask(frameworkId, task, completion, framework));
  }

  private void complete(String key, TaskState state) {
    RunningTask t = tasks.get(key);
    if (t == null) {
      return;
    }
    if (!up || leaderless) {
      endedWhileDown.put(key, state); // down: only checkpointed tasks are still here
      return;
    }
    end(t, state, null);
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
