package io.clustersim.cli;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The DRF paper's properties (Ghodsi et al., NSDI 2011, §3), checked on random small clusters under
 * the {@code drf} policy, through the whole simulator: one agent, 2 to 4 frameworks each with an
 * endless queue of identical tasks, launching one task per offer and returning the rest with no
 * filter, so that the next run offers it to the next lowest share (the paper's progressive
 * filling); an offer it cannot use at all it declines with Mesos's default 5 s filter. Tasks are
 * indivisible here, so each property is stated for whole tasks; every task fits in a 1/n share of
 * the agent.
 *
 * <p>The seed is fixed so that CI checks the same instances every time; each property also held on
 * 600 tries with fresh seeds (400 for the lying property) when it was written.
 *
 * <p>The filter matters: with a 1 s filter, two frameworks whose tasks no longer fit keep taking
 * turns at the lowest share and the others never get another offer, which is Mesos's real behaviour
 * (and why frameworks are told to decline for longer).
 */
class DrfPropertiesTest {
  /** An instance: agent capacity and each framework's task demand, in whole units. */
  record Instance(int cpus, int mem, List<int[]> demands) {
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("agent <" + cpus + ", " + mem + " GB>, tasks");
      for (int[] d : demands) {
        sb.append(" <").append(d[0]).append(", ").append(d[1]).append(" GB>");
      }
      return sb.toString();
    }

    String yaml(int liarExtraMem) {
      StringBuilder sb = new StringBuilder();
      sb.append("duration: 10m\nagents:\n  - {id: a, resources: {cpus: ")
          .append(cpus)
          .append(", mem: ")
          .append(mem * 1024)
          .append("}}\nframeworks:\n");
      for (int i = 0; i < demands.size(); i++) {
        int[] d = demands.get(i);
        int m = d[1] + (i == 0 ? liarExtraMem : 0);
        sb.append("  - {id: f")
            .append(i)
            .append(
                ", behaviour: batch, accept_refuse_seconds: 0,\n     tasks: {count: 1000, resources: {cpus: ")
            .append(d[0])
            .append(", mem: ")
            .append(m * 1024)
            .append("}, duration: 1h, max_per_offer: 1}}\n");
      }
      return sb.toString();
    }
  }

  @Provide
  Arbitrary<Instance> instances() {
    Arbitrary<int[]> demand =
        Combinators.combine(
                Arbitraries.integers().between(1, 4), Arbitraries.integers().between(1, 4))
            .as((c, m) -> new int[] {c, m});
    return Combinators.combine(
            Arbitraries.integers().between(4, 16),
            Arbitraries.integers().between(4, 16),
            demand.list().ofMinSize(2).ofMaxSize(4))
        .as(Instance::new)
        .filter(
            in ->
                in.demands().stream()
                    .allMatch(
                        d ->
                            d[0] * in.demands().size() <= in.cpus()
                                && d[1] * in.demands().size() <= in.mem()));
  }

  private static int[] tasks(Runs r, int n) {
    int[] t = new int[n];
    for (var e : r.ofType("TASK_LAUNCHED")) {
      t[Integer.parseInt(e.get("framework").asText().substring(1))]++;
    }
    return t;
  }

  private static int[] used(Instance in, int[] t) {
    int cpus = 0;
    int mem = 0;
    for (int i = 0; i < t.length; i++) {
      cpus += t[i] * in.demands().get(i)[0];
      mem += t[i] * in.demands().get(i)[1];
    }
    return new int[] {cpus, mem};
  }

  @Property(tries = 100, seed = "20261123")
  boolean paretoEfficientNoTaskFitsInWhatIsLeft(@ForAll("instances") Instance in) {
    int[] t = tasks(Runs.run(in.yaml(0)), in.demands().size());
    int[] u = used(in, t);
    for (int[] d : in.demands()) {
      if (in.cpus() - u[0] >= d[0] && in.mem() - u[1] >= d[1]) {
        return false;
      }
    }
    return true;
  }

  @Property(tries = 100, seed = "20261123")
  boolean sharingIncentiveUpToOneTask(@ForAll("instances") Instance in) {
    // With 1/n of every resource to itself, framework i could run
    // k_i = floor(min(cpus / n / d_cpu, mem / n / d_mem)) tasks. With divisible tasks DRF gives at
    // least that; with whole tasks another framework's last task can overshoot its share, so the
    // guarantee is k_i - 1. Example: agent <4, 4 GB>, tasks <1, 1 GB> and <1, 3 GB>: the first
    // gets 1 task (k = 2) because the second's only task takes 3 GB.
    int n = in.demands().size();
    int[] t = tasks(Runs.run(in.yaml(0)), n);
    for (int i = 0; i < n; i++) {
      int[] d = in.demands().get(i);
      int k =
          (int) Math.floor(Math.min(in.cpus() / (double) n / d[0], in.mem() / (double) n / d[1]));
      if (t[i] < k - 1) {
        return false;
      }
    }
    return true;
  }

  @Property(tries = 100, seed = "20261123")
  boolean envyFreeUpToOneTask(@ForAll("instances") Instance in) {
    // EF1: take one task away from framework j's bundle; framework i could run
    // f = floor(min over resources of what is left / i's demand) tasks with it, and that must not
    // be more than it runs with its own. (Plain envy-freeness needs divisible tasks: with agent
    // <4, 4 GB> and tasks <1, 1 GB>, <3, 3 GB>, the first would rather have the second's 3 GB.)
    int n = in.demands().size();
    int[] t = tasks(Runs.run(in.yaml(0)), n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        int[] di = in.demands().get(i);
        int[] dj = in.demands().get(j);
        int bundle = Math.max(0, t[j] - 1);
        int f = Math.min(bundle * dj[0] / di[0], bundle * dj[1] / di[1]);
        if (f > t[i]) {
          return false;
        }
      }
    }
    return true;
  }

  @Property(tries = 60, seed = "20261123")
  boolean noGainFromInflatingDemand(@ForAll("instances") Instance in, @ForAll("extra") int extra) {
    // Framework 0 asks for `extra` GB more memory per task than it needs. Every task it gets still
    // does one task's work, so lying pays only if it gets more tasks. With divisible tasks the
    // paper shows it cannot; with whole tasks a lie can exhaust a resource early and block another
    // framework's next task, which frees one more task's room for the liar. Example: agent
    // <4, 9 GB>, tasks <1, 1 GB> and <1, 3 GB>: honest, 2 tasks each; asking <1, 2 GB>, the liar
    // leaves 2 GB after four tasks, too little for the other, and takes a third. The property
    // checks that a lie gains at most that one task.
    int n = in.demands().size();
    int honest = tasks(Runs.run(in.yaml(0)), n)[0];
    int lying = tasks(Runs.run(in.yaml(extra)), n)[0];
    return lying <= honest + 1;
  }

  @Provide
  Arbitrary<Integer> extra() {
    return Arbitraries.integers().between(1, 3);
  }
}
