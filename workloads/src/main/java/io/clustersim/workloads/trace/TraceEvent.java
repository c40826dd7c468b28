package io.clustersim.workloads.trace;

import io.clustersim.core.resources.Resources;
import java.util.Map;

/**
 * One thing a trace says happened, in the simulator's vocabulary: every format's reader turns its
 * rows into these, with times in microseconds from the start of the trace and resources in
 * simulator units (cores, MB, whole or fractional GPUs) after scaling by the reference machine.
 */
public sealed interface TraceEvent {
  /** When, in microseconds from the trace's start. */
  long time();

  /** A machine joins the cluster. */
  record MachineAdded(long time, String machine, Resources capacity, Map<String, String> attributes)
      implements TraceEvent {}

  /** A machine leaves (failure or maintenance). */
  record MachineRemoved(long time, String machine) implements TraceEvent {}

  /** A machine's capacity changes. */
  record MachineUpdated(long time, String machine, Resources capacity) implements TraceEvent {}

  /** A job-level event (Google's job and collection events); used for counts and orphans. */
  record JobEvent(long time, String job, String kind, TaskOwner owner) implements TraceEvent {}

  /**
   * A task becomes pending with its request. A task of a {@link TaskGroup} names its {@code group}
   * and has a null request until the reader fills it in from the group; otherwise group is null.
   * {@code gpuModels} lists the GPU models it may run on, {@code |}-separated (Alibaba GPU 2023's
   * gpu_spec), or is null for any.
   */
  record TaskSubmitted(
      long time, TaskKey task, TaskOwner owner, Resources request, String group, String gpuModels)
      implements TraceEvent {
    /** A task with its own request. */
    public TaskSubmitted(long time, TaskKey task, TaskOwner owner, Resources request) {
      this(time, task, owner, request, null, null);
    }

    /** A task, of a group or not, without a GPU model constraint. */
    public TaskSubmitted(
        long time, TaskKey task, TaskOwner owner, Resources request, String group) {
      this(time, task, owner, request, group, null);
    }

    /** The same task with another request or owner. */
    public TaskSubmitted with(TaskOwner owner, Resources request) {
      return new TaskSubmitted(time, task, owner, request, group, gpuModels);
    }
  }

  /**
   * A group of identical tasks was created (Alibaba's batch_task when batch_instance gives the
   * instances): its instances take their request from it.
   */
  record TaskGroup(
      long time, String job, String group, TaskOwner owner, Resources request, long end)
      implements TraceEvent {}

  /** The production scheduler placed the task on {@code machine} (null: the trace does not say). */
  record TaskScheduled(long time, TaskKey task, String machine) implements TraceEvent {}

  /** The task ended as the trace records it. */
  record TaskEnded(long time, TaskKey task, Ending ending) implements TraceEvent {}

  /**
   * A machine's measured use at {@code time} (Alibaba's server_usage and machine_usage), as shares
   * of its capacity; NaN where the trace marks the value invalid (−1 or 101). Tables leave {@code
   * capacity} null; the {@link TraceReader} fills in the machine's capacity when it was added.
   */
  record MachineUsage(
      long time, String machine, double cpuShare, double memShare, Resources capacity)
      implements TraceEvent {
    /** The same record with the machine's capacity. */
    public MachineUsage with(Resources capacity) {
      return new MachineUsage(time, machine, cpuShare, memShare, capacity);
    }
  }

  /** A measured usage window of a running task (average cores and MB over the window). */
  record TaskUsage(long time, long end, TaskKey task, String machine, double cpus, double memMb)
      implements TraceEvent {}

  /**
   * A usage window given as shares of the task's request (Alibaba's container_usage: percent of the
   * requested CPU and memory); the {@link TraceReader} turns it into a {@link TaskUsage} with the
   * request it holds for the task. {@code machine} may be null.
   */
  record TaskUtilisation(
      long time, long end, TaskKey task, String machine, double cpuShare, double memShare)
      implements TraceEvent {}

  /** How a trace records a task's end; what each means in a replay is {@link EndMapping}'s. */
  enum Ending {
    FINISH,
    FAIL,
    KILL,
    EVICT,
    LOST
  }
}
