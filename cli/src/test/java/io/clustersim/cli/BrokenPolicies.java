package io.clustersim.cli;

import io.clustersim.allocators.Policies;
import io.clustersim.allocators.Policy;
import io.clustersim.allocators.PolicyProvider;
import io.clustersim.core.allocator.Allocation;
import io.clustersim.core.allocator.Allocator;
import io.clustersim.core.allocator.AllocatorContext;
import io.clustersim.core.allocator.AllocatorState;
import io.clustersim.core.allocator.OfferSink;
import io.clustersim.core.allocator.Quota;
import io.clustersim.core.cluster.AgentInfo;
import io.clustersim.core.framework.Filters;
import io.clustersim.core.framework.FrameworkInfo;
import io.clustersim.core.resources.Resources;
import java.util.List;
import java.util.Map;

/**
 * Test-only policies, registered through {@code META-INF/services} of the test classpath: {@code
 * test-double-offer} is DRF that, in about half the seeds, offers one batch of allocations twice
 * once it has made a seed-drawn number of offers (10 to 39): the master's books then break.
 */
public final class BrokenPolicies implements PolicyProvider {
  @Override
  public List<Policy> policies() {
    return List.of(
        new Policy(
            "test-double-offer",
            "TEST ONLY: DRF that offers the same resources twice after a while, in some seeds",
            () -> new DoubleOffering(Policies.create("drf"))));
  }

  /** Delegates everything, but its offers go through a sink that may repeat one batch. */
  static final class DoubleOffering implements Allocator {
    private final Allocator inner;
    private long offers;
    private long threshold;
    private boolean broken;

    DoubleOffering(Allocator inner) {
      this.inner = inner;
    }

    @Override
    public void initialize(AllocatorContext ctx) {
      broken = ctx.random().nextBoolean();
      threshold = 10 + ctx.random().nextInt(30);
      OfferSink sink = ctx.sink();
      OfferSink doubling =
          new OfferSink() {
            @Override
            public void offer(String frameworkId, List<Allocation> allocations) {
              offers += allocations.size();
              sink.offer(frameworkId, allocations);
              if (broken && offers >= threshold) {
                broken = false; // once is enough
                sink.offer(frameworkId, allocations);
              }
            }

            @Override
            public void inverseOffer(String fw, String agent, long start, long duration) {
              sink.inverseOffer(fw, agent, start, duration);
            }
          };
      inner.initialize(
          new AllocatorContext(ctx.simulation(), ctx.random(), ctx.options(), doubling));
    }

    @Override
    public void addFramework(FrameworkInfo f, Map<String, Resources> used, boolean active) {
      inner.addFramework(f, used, active);
    }

    @Override
    public void removeFramework(String id) {
      inner.removeFramework(id);
    }

    @Override
    public void activateFramework(String id) {
      inner.activateFramework(id);
    }

    @Override
    public void deactivateFramework(String id) {
      inner.deactivateFramework(id);
    }

    @Override
    public void addAgent(AgentInfo a, Resources total, Map<String, Resources> used) {
      inner.addAgent(a, total, used);
    }

    @Override
    public void removeAgent(String id) {
      inner.removeAgent(id);
    }

    @Override
    public void updateAgent(String id, Resources total) {
      inner.updateAgent(id, total);
    }

    @Override
    public void activateAgent(String id) {
      inner.activateAgent(id);
    }

    @Override
    public void deactivateAgent(String id) {
      inner.deactivateAgent(id);
    }

    @Override
    public void recoverResources(String fw, String agent, Resources r, Filters filters) {
      inner.recoverResources(fw, agent, r, filters);
    }

    @Override
    public void updateAllocation(String fw, String agent, Resources from, Resources to) {
      inner.updateAllocation(fw, agent, from, to);
    }

    @Override
    public void updateUnavailability(String agent, long start, long duration) {
      inner.updateUnavailability(agent, start, duration);
    }

    @Override
    public void updateInverseOffer(String fw, String agent, boolean accepted, Filters filters) {
      inner.updateInverseOffer(fw, agent, accepted, filters);
    }

    @Override
    public void suppressOffers(String fw) {
      inner.suppressOffers(fw);
    }

    @Override
    public void reviveOffers(String fw) {
      inner.reviveOffers(fw);
    }

    @Override
    public void requestResources(String fw, List<Resources> requests) {
      inner.requestResources(fw, requests);
    }

    @Override
    public long runs() {
      return inner.runs();
    }

    @Override
    public void updateWeight(String role, double weight) {
      inner.updateWeight(role, weight);
    }

    @Override
    public void updateQuota(String role, Quota quota) {
      inner.updateQuota(role, quota);
    }

    @Override
    public Resources offeredOrAllocated(String agent) {
      return inner.offeredOrAllocated(agent);
    }

    @Override
    public AllocatorState state() {
      return inner.state();
    }
  }
}
