package io.clustersim.core.scenario;

import io.clustersim.core.allocator.AllocatorOptions;
import io.clustersim.core.cluster.MasterConfig;
import io.clustersim.core.container.AgentRuntime;
import io.clustersim.core.container.ContainerSpec;
import io.clustersim.core.container.UsageProfile;
import io.clustersim.core.framework.Capability;
import io.clustersim.core.framework.Constraint;
import io.clustersim.core.framework.ExecutorInfo;
import io.clustersim.core.framework.Filters;
import io.clustersim.core.kernel.SimTime;
import io.clustersim.core.net.Link;
import io.clustersim.core.resources.Resources;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated scenario file: everything a run needs. See {@code spec/scenario.md} and the README.
 *
 * @param file where it was read from, for messages
 * @param seed the seed of every random stream
 * @param durationMicros stop time, or -1 to run until the workload drains
 * @param masters number of masters (replicated when above 1)
 * @param electionTimeoutMicros time to elect a new leader
 * @param master master settings
 * @param allocator allocation settings
 * @param policy the allocation policy's name
 * @param networkDelayMicros one-way message delay
 * @param agents agents, expanded ({@code count} gives one entry per agent)
 * @param frameworks frameworks
 * @param workload trace or generator input, or null
 * @param actions operator and framework actions, in file order
 * @param faults injected faults, in file order
 * @param expectations what the run must show (the {@code expect:} section), in file order
 * @param runtime containerizer costs, resource monitor and oversubscription
 */
public record Scenario(
    String file,
    long seed,
    long durationMicros,
    int masters,
    long electionTimeoutMicros,
    MasterConfig master,
    AllocatorOptions allocator,
    String policy,
    long networkDelayMicros,
    List<Agent> agents,
    List<Framework> frameworks,
    Workload workload,
    List<Action> actions,
    List<Fault> faults,
    List<Expectation> expectations,
    AgentRuntime runtime) {

  /** The same scenario with another seed. */
  public Scenario withSeed(long newSeed) {
    return new Scenario(
        file,
        newSeed,
        durationMicros,
        masters,
        electionTimeoutMicros,
        master,
        allocator,
        policy,
        networkDelayMicros,
        agents,
        frameworks,
        workload,
        actions,
        faults,
        expectations,
        runtime);
  }

  /** The same scenario with another policy. */
  public Scenario withPolicy(String newPolicy) {
    return new Scenario(
        file,
        seed,
        durationMicros,
        masters,
        electionTimeoutMicros,
        master,
        allocator,
        newPolicy,
        networkDelayMicros,
        agents,
        frameworks,
        workload,
        actions,
        faults,
        expectations,
        runtime);
  }

  /**
   * One agent.
   *
   * @param id agent id
   * @param resources all its resources, reserved parts included (marked with their role)
   * @param attributes attributes, sorted by name
   * @param startMicros when it registers
   * @param containerizers the containerizers it runs ({@code mesos}, {@code docker})
   */
  public record Agent(
      String id,
      Resources resources,
      Map<String, String> attributes,
      long startMicros,
      List<String> containerizers) {
    /** An agent with Mesos's default containerizer only. */
    public Agent(String id, Resources resources, Map<String, String> attributes, long startMicros) {
      this(id, resources, attributes, startMicros, ContainerSpec.AGENT_DEFAULT);
    }
  }

  /**
   * One framework.
   *
   * @param id framework id
   * @param role its role
   * @param principal principal, or null
   * @param secret secret, or null
   * @param startMicros when it registers
   * @param failoverTimeoutMicros how long its tasks survive its disconnection
   * @param behaviour the built-in behaviour's name
   * @param refuse the filter it sets on what it declines
   * @param acceptRefuse the filter it sets on the unused rest of an offer it accepts
   * @param tasks batch work, or null
   * @param service service work, or null
   * @param capabilities declared capabilities
   * @param placement how its built-in behaviour places tasks among its offers
   * @param minAllocatable its own min_allocatable sets, or null to use the allocator's
   * @param reserve whether its built-in behaviour dynamically reserves what its tasks use
   * @param checkpoint whether agents checkpoint its tasks (they survive an agent restart)
   * @param reconcileIntervalMicros how often it reconciles, 0 for never
   * @param constraints where its built-in behaviour may place tasks
   */
  public record Framework(
      String id,
      String role,
      String principal,
      String secret,
      long startMicros,
      long failoverTimeoutMicros,
      String behaviour,
      Filters refuse,
      Filters acceptRefuse,
      Tasks tasks,
      Service service,
      Set<Capability> capabilities,
      String placement,
      List<Resources> minAllocatable,
      boolean reserve,
      boolean checkpoint,
      long reconcileIntervalMicros,
      List<Constraint> constraints) {}

  /**
   * Batch work: {@code count} tasks of the same shape.
   *
   * @param count number of tasks
   * @param resources per task
   * @param durationMicros run time of each task
   * @param maxPerOffer at most this many tasks launched on one offer
   * @param executor a custom executor the tasks share per agent, or null
   * @param container how each task is containerized
   * @param usage what each task really uses over its run, or null: its request
   * @param revocable whether the tasks run on revocable CPU
   */
  public record Tasks(
      int count,
      Resources resources,
      long durationMicros,
      int maxPerOffer,
      ExecutorInfo executor,
      ContainerSpec container,
      UsageProfile usage,
      boolean revocable) {}

  /**
   * Service work: keep {@code instances} long-running tasks up.
   *
   * @param instances how many to keep running
   * @param resources per instance
   * @param restart relaunch an instance that ends
   * @param container how each instance is containerized
   * @param usage what each instance really uses over its run, or null: its request
   */
  public record Service(
      int instances,
      Resources resources,
      boolean restart,
      ContainerSpec container,
      UsageProfile usage) {}

  /**
   * A trace workload (read by the workloads module).
   *
   * @param format trace format name
   * @param path file, directory or glob (relative paths already resolved against the scenario
   *     file's directory)
   * @param windowStartMicros start of the time window (trace time)
   * @param windowEndMicros end of the time window, or -1
   * @param sample fraction of jobs kept, in (0, 1]
   * @param mode {@code simulated} or {@code as-recorded}
   * @param groupBy how tasks map to frameworks, or null for the format's default
   * @param sampleMachines fraction of machines kept, in (0, 1]
   * @param maxTasks tasks replayed at most, or -1
   * @param referenceCpus cores of a normalised 1.0, or 0 for the format's default
   * @param referenceMemMb MB of a normalised 1.0, or 0 for the format's default
   * @param endMap what recorded ends mean ({@code KIND=state,...}), or null for the defaults
   * @param skipBadRows count bad rows instead of stopping
   * @param lookaheadMicros how far ahead of simulated time the trace is read, or -1 for the default
   * @param events the trace itself, inline (the {@code events} key: the text of a trace in the
   *     {@code clustersim-events} format, as {@code run --save-scenario} writes it), or null when
   *     {@code path} names files
   * @param placement where trace frameworks put tasks among their offers (a strategy name), or null
   *     for first-fit
   * @param inflate tasks arrive in trace order one second apart and never end, and one that fits no
   *     offer when it arrives is given up: the FGD paper's workload inflation
   * @param usage what the trace's usage records do: {@code measure} (the agents' monitors report
   *     them), {@code enforce} (also: memory above the request is an OOM kill) or {@code ignore};
   *     null for {@code measure}
   */
  public record Workload(
      String format,
      String path,
      long windowStartMicros,
      long windowEndMicros,
      double sample,
      String mode,
      String groupBy,
      double sampleMachines,
      long maxTasks,
      double referenceCpus,
      double referenceMemMb,
      String endMap,
      boolean skipBadRows,
      long lookaheadMicros,
      String events,
      String placement,
      boolean inflate,
      String usage) {
    /** What the trace's usage records may do. */
    public static final List<String> USAGE_MODES = List.of("measure", "enforce", "ignore");

    /** The replay modes. */
    public static final List<String> MODES = List.of("simulated", "as-recorded");

    /** The same workload with another trace placement strategy. */
    public Workload withPlacement(String newPlacement) {
      return new Workload(
          format,
          path,
          windowStartMicros,
          windowEndMicros,
          sample,
          mode,
          groupBy,
          sampleMachines,
          maxTasks,
          referenceCpus,
          referenceMemMb,
          endMap,
          skipBadRows,
          lookaheadMicros,
          events,
          newPlacement,
          inflate,
          usage);
    }

    /** True for an as-recorded replay. */
    public boolean asRecorded() {
      return mode.equals("as-recorded");
    }
  }

  /** The same scenario with another workload. */
  public Scenario withWorkload(Workload newWorkload) {
    return new Scenario(
        file,
        seed,
        durationMicros,
        masters,
        electionTimeoutMicros,
        master,
        allocator,
        policy,
        networkDelayMicros,
        agents,
        frameworks,
        newWorkload,
        actions,
        faults,
        expectations,
        runtime);
  }

  /** The same scenario with another duration (-1: until the workload drains). */
  public Scenario withDuration(long newDurationMicros) {
    return new Scenario(
        file,
        seed,
        newDurationMicros,
        masters,
        electionTimeoutMicros,
        master,
        allocator,
        policy,
        networkDelayMicros,
        agents,
        frameworks,
        workload,
        actions,
        faults,
        expectations,
        runtime);
  }

  /** The same scenario with more faults, kept in time order (file order at equal times). */
  public Scenario withFaults(List<Fault> more) {
    List<Fault> all = new ArrayList<>(faults);
    all.addAll(more);
    all.sort(Comparator.comparingLong(Fault::atMicros));
    return new Scenario(
        file,
        seed,
        durationMicros,
        masters,
        electionTimeoutMicros,
        master,
        allocator,
        policy,
        networkDelayMicros,
        agents,
        frameworks,
        workload,
        actions,
        List.copyOf(all),
        expectations,
        runtime);
  }

  /**
   * A scenario made only of a trace workload, with Mesos's default master and allocator settings:
   * what {@code clustersim run --trace} runs when no scenario file is given.
   */
  public static Scenario ofWorkload(Workload workload, String policy, long seed) {
    return new Scenario(
        "(command line)",
        seed,
        -1,
        1,
        10 * SimTime.SECONDS,
        MasterConfig.defaults(),
        AllocatorOptions.defaults(),
        policy,
        0,
        List.of(),
        List.of(),
        workload,
        List.of(),
        List.of(),
        List.of(),
        AgentRuntime.DEFAULT);
  }

  /** An operator or framework action at a given time. */
  public sealed interface Action {
    /** When it happens. */
    long atMicros();

    /** An agent joins. */
    record AddAgent(long atMicros, Agent agent) implements Action {}

    /** An operator removes an agent. */
    record RemoveAgent(long atMicros, String agentId) implements Action {}

    /** An operator reserves ({@code reserve}) or unreserves resources on an agent. */
    record Reservation(long atMicros, String agentId, Resources resources, boolean reserve)
        implements Action {}

    /** An operator schedules maintenance: the agents will be unavailable for a window. */
    record ScheduleMaintenance(
        long atMicros, List<String> agentIds, long startMicros, long durationMicros)
        implements Action {}

    /** A role's weight changes. */
    record SetWeight(long atMicros, String role, double weight) implements Action {}

    /** A role's quota changes. */
    record SetQuota(long atMicros, String role, Resources guarantee, Resources limit)
        implements Action {}

    /**
     * A framework acts: {@code return_offers}, {@code decline_offers}, {@code suppress}, {@code
     * revive}, {@code deactivate}, {@code activate}.
     */
    record FrameworkDoes(long atMicros, String framework, String verb, Filters refuse, String agent)
        implements Action {}
  }

  /** An injected fault. */
  public sealed interface Fault {
    /** When it happens. */
    long atMicros();

    /** An agent process dies; it restarts after {@code restartAfterMicros} unless that is -1. */
    record CrashAgent(long atMicros, String agentId, long restartAfterMicros) implements Fault {}

    /** Agents are cut off from the master; the partition heals after {@code healAfterMicros}. */
    record Partition(long atMicros, List<String> agentIds, long healAfterMicros) implements Fault {}

    /**
     * The leading master dies; its process comes back as a standby after {@code restartAfterMicros}
     * (0: at once, as under a supervisor; -1: never).
     */
    record CrashMaster(long atMicros, String which, long restartAfterMicros) implements Fault {}

    /** A framework's scheduler dies, restarting after {@code restartAfterMicros} unless -1. */
    record CrashFramework(long atMicros, String frameworkId, long restartAfterMicros)
        implements Fault {}

    /**
     * Each message on {@code link} is lost with probability {@code rate} until {@code untilMicros}.
     */
    record DropMessages(long atMicros, double rate, long untilMicros, Link link) implements Fault {}

    /**
     * Each message on {@code link} is delivered twice with probability {@code rate} until {@code
     * untilMicros}.
     */
    record DuplicateMessages(long atMicros, double rate, long untilMicros, Link link)
        implements Fault {}

    /** An executor on an agent dies; its live tasks end with it. */
    record CrashExecutor(long atMicros, String agentId, String executorId) implements Fault {}

    /**
     * Every message sent on {@code link} from {@code atMicros} until {@code untilMicros} takes this
     * much longer.
     */
    record DelayMessages(long atMicros, long delayMicros, long untilMicros, Link link)
        implements Fault {}
  }
}
