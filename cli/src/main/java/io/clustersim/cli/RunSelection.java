package io.clustersim.cli;

import io.clustersim.allocators.Policies;
import io.clustersim.core.kernel.SimTime;
import io.clustersim.core.scenario.Chaos;
import io.clustersim.core.scenario.Scenario;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What one run is: a scenario file and/or a trace, with the policy, seed and duration overrides.
 * Shared by {@code run} and {@code replay}, so that a replay given the flags of the run it checks
 * rebuilds exactly the same scenario.
 */
final class RunSelection {
  @Option(
      names = "--scenario",
      paramLabel = "FILE",
      description =
          "Scenario file (YAML, or JSON if it ends in .json). Optional with --trace: Mesos's"
              + " default master and allocator settings are used.")
  Path scenarioFile;

  @CommandLine.Mixin TraceOptions trace = new TraceOptions();

  @Option(
      names = "--policy",
      paramLabel = "NAME",
      description = "Allocation policy, overriding allocator.policy (see 'clustersim policies').")
  String policy;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of every random stream, overriding the scenario's seed.")
  Long seed;

  @Option(
      names = "--duration",
      paramLabel = "TIME",
      description =
          "Stop at this simulated time (e.g. 2h), overriding the scenario's duration. Without"
              + " one, a trace replay runs until the trace is read and its tasks have ended.")
  String duration;

  @Option(
      names = "--chaos",
      paramLabel = "RATES",
      description =
          "Random faults from the run's seed, added to the scenario's: crash_agent=R,partition=R"
              + " (R per agent, like 2/h), crash_framework=R (per framework), crash_master=R"
              + " (for the cluster; needs master.masters >= 2), drop_messages=P and"
              + " duplicate_messages=P (probabilities). A crashed agent restarts after 1-10 min;"
              + " a partition heals, a scheduler or a master comes back after 10 s-5 min. Needs a"
              + " duration.")
  String chaos;

  /** The random faults asked for, or null. */
  Chaos chaos() {
    return chaos == null ? null : Chaos.parse(chaos);
  }

  /** The scenario with its seed's random faults when {@code --chaos} is given. */
  Scenario withChaos(Scenario scenario) {
    return chaos == null ? scenario : chaos().addTo(scenario);
  }

  /**
   * The scenario these options name ({@code command} is named when neither a scenario nor a trace
   * is given). Bad input throws {@link IllegalArgumentException} or a {@code ScenarioException},
   * each with a message for the user.
   */
  Scenario scenario(String command) {
    if (scenarioFile == null && trace.spec == null) {
      throw new IllegalArgumentException(command + " needs --scenario FILE or --trace FORMAT:PATH");
    }
    Scenario scenario =
        scenarioFile != null ? ScenarioRun.load(scenarioFile) : Scenario.ofWorkload(null, "drf", 1);
    if (trace.spec != null) {
      scenario = scenario.withWorkload(trace.workload());
    }
    if (duration != null) {
      scenario = scenario.withDuration(SimTime.parseDuration(duration));
    }
    if (policy != null) {
      if (!Policies.names().contains(policy)) {
        throw new IllegalArgumentException(
            "--policy: unknown policy '"
                + policy
                + "' (known: "
                + String.join(", ", Policies.names())
                + ")");
      }
      scenario = scenario.withPolicy(policy);
    }
    if (seed != null) {
      scenario = scenario.withSeed(seed);
    }
    return scenario;
  }
}
