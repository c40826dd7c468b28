package io.clustersim.allocators;

import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/** The order in which one allocation run visits the candidate agents. */
@FunctionalInterface
public interface AgentOrder {
  /** Reorders {@code agents} in place; they arrive in registration order. */
  void order(List<? extends AgentLoad> agents, RandomGenerator random);

  /** Mesos: a fresh random shuffle per run (std::random_shuffle), from the seeded stream. */
  AgentOrder RANDOM =
      (agents, random) -> {
        for (int i = agents.size() - 1; i > 0; i--) {
          int j = random.nextInt(i + 1);
          swap(agents, i, j);
        }
      };

  /** Least loaded first (largest fraction of any resource handed out), then by id. */
  AgentOrder LEAST_LOADED_FIRST =
      (agents, random) ->
          agents.sort(Comparator.comparingDouble(AgentLoad::load).thenComparing(AgentLoad::id));

  private static <T> void swap(List<T> list, int i, int j) {
    T t = list.get(i);
    list.set(i, list.get(j));
    list.set(j, t);
  }
}
