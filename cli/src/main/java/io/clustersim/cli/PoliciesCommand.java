package io.clustersim.cli;

import io.clustersim.allocators.Policies;
import io.clustersim.allocators.Policy;
import io.clustersim.core.container.OversubscriptionPolicies;
import picocli.CommandLine.Command;

/** {@code clustersim policies}: lists the registered allocation policies. */
@Command(
    name = "policies",
    mixinStandardHelpOptions = true,
    description =
        "List the allocation policies (--policy, allocator.policy), then the oversubscription"
            + " plug-ins (oversubscription.estimator, oversubscription.qos_controller).")
final class PoliciesCommand implements Runnable {
  @Override
  public void run() {
    for (Policy p : Policies.all()) {
      System.out.printf("%-10s %s%n", p.name(), p.description());
    }
    System.out.println();
    System.out.println("resource estimators (oversubscription.estimator):");
    for (String name : OversubscriptionPolicies.estimators()) {
      System.out.printf(
          "  %-15s %s%n", name, OversubscriptionPolicies.estimator(name).description());
    }
    System.out.println("QoS controllers (oversubscription.qos_controller):");
    for (String name : OversubscriptionPolicies.controllers()) {
      System.out.printf(
          "  %-15s %s%n", name, OversubscriptionPolicies.controller(name).description());
    }
  }
}
