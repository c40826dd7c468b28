package io.clustersim.cli;

import io.clustersim.allocators.Policies;
import io.clustersim.allocators.Policy;
import picocli.CommandLine.Command;

/** {@code clustersim policies}: lists the registered allocation policies. */
@Command(
    name = "policies",
    mixinStandardHelpOptions = true,
    description = "List the allocation policies, for --policy or allocator.policy.")
final class PoliciesCommand implements Runnable {
  @Override
  public void run() {
    for (Policy p : Policies.all()) {
      System.out.printf("%-10s %s%n", p.name(), p.description());
    }
  }
}
