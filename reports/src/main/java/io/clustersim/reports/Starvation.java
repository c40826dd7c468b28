package io.clustersim.reports;

import io.clustersim.core.log.LogEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * The longest time a framework wanted offers and got none. A framework wants offers from its
 * registration and from each revive until it suppresses offers or leaves (the built-in and trace
 * frameworks suppress exactly when nothing is pending, so this is "pending work and no offer").
 * O(1) per event; memory grows with live frameworks.
 */
final class Starvation {
  private static final class Wait {
    long since;
  }

  private final Map<String, Wait> waiting = new HashMap<>();
  private long longest;
  private String longestFramework;

  void onEvent(long t, LogEvent e) {
    if (e instanceof LogEvent.FrameworkAdded f) {
      start(f.framework(), t);
    } else if (e instanceof LogEvent.OfferSuppression s) {
      if (s.suppressed()) {
        stop(s.framework(), t);
      } else if (!waiting.containsKey(s.framework())) {
        start(s.framework(), t);
      }
    } else if (e instanceof LogEvent.Offer o) {
      Wait w = waiting.get(o.framework());
      if (w != null) {
        close(o.framework(), w, t);
        w.since = t;
      }
    } else if (e instanceof LogEvent.FrameworkRemoved f) {
      stop(f.framework(), t);
    }
  }

  private void start(String framework, long t) {
    Wait w = new Wait();
    w.since = t;
    waiting.put(framework, w);
  }

  private void stop(String framework, long t) {
    Wait w = waiting.remove(framework);
    if (w != null) {
      close(framework, w, t);
    }
  }

  private void close(String framework, Wait w, long t) {
    long gap = t - w.since;
    if (gap > longest
        || (gap == longest
            && longestFramework != null
            && framework.compareTo(longestFramework) < 0)) {
      longest = gap;
      longestFramework = framework;
    }
  }

  /** The longest gap in µs, counting the gaps still open at {@code end}. */
  long longest(long end) {
    long best = longest;
    for (Wait w : waiting.values()) {
      best = Math.max(best, end - w.since);
    }
    return best;
  }
}
