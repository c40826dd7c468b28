package io.clustersim.bench;

import io.clustersim.cli.ScenarioRun;
import io.clustersim.core.log.LogEvent;
import io.clustersim.core.scenario.Scenario;

/**
 * Master failover at scale: N agents running 10 tasks each, the leading master crashes, a standby
 * is elected and every agent re-registers with its tasks. Prints the wall time the simulator takes
 * for the re-registration (from the crash to the last agent back; the election timeout itself is
 * simulated time and costs nothing), next to Mesos 1.5's published figures for real re-registration
 * (about 0.3, 4.3 and 9 s at 1k, 10k and 20k agents).
 *
 * <pre>
 * java -XX:+UseParallelGC -Xmx8g -cp bench/target/benchmarks.jar io.clustersim.bench.FailoverHarness 1000 10000 20000
 * </pre>
 */
public final class FailoverHarness {
  private FailoverHarness() {}

  public static void main(String[] args) {
    for (String a : args.length == 0 ? new String[] {"1000", "10000", "20000"} : args) {
      int n = Integer.parseInt(a);
      Scenario scenario =
          ScenarioRun.loader()
              .parse(
                  "failover-" + n,
                  """
                  seed: 1
                  duration: 45s
                  master: {masters: 3}
                  agents:
                    - {id: a, count: %d, resources: {cpus: 10, mem: 10240}}
                  frameworks:
                    - {id: svc, behaviour: service,
                       service: {instances: %d, resources: {cpus: 1, mem: 1024}}}
                  faults:
                    - {at: 30s, crash_master: leader}
                  """
                      .formatted(n, 10 * n));
      long[] crash = {0};
      long[] back = {0};
      int[] count = {0};
      int[] running = {0};
      long t0 = System.nanoTime();
      ScenarioRun run = new ScenarioRun(scenario);
      run.listen(
          (t, seq, e) -> {
            if (e instanceof LogEvent.TaskStatus s && crash[0] == 0) {
              running[0] += s.state().equals("TASK_RUNNING") ? 1 : 0;
            } else if (e instanceof LogEvent.Fault f && f.kind().equals("crash_master")) {
              crash[0] = System.nanoTime();
            } else if (e instanceof LogEvent.AgentReregistered && ++count[0] == n) {
              back[0] = System.nanoTime();
            }
          });
      run.run(null);
      double total = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "%,d agents, %,d tasks running at the crash: re-registration %.2f s wall (crash to last"
              + " agent back, %d agents back), whole run %.1f s%n",
          n, running[0], (back[0] - crash[0]) / 1e9, count[0], total);
    }
  }
}
