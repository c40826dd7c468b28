package io.clustersim.cli;

import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr for a comparison (me.tongfei's progressbar): simulated time reached by
 * the runs together, against the total when the runs have a duration; quiet when asked or when
 * stderr is not a terminal. It reads the wall clock only to refresh itself, outside the
 * simulations.
 */
final class Progress implements AutoCloseable {
  private final List<ScenarioRun> runs;
  private final AtomicLongArray clock;
  private final ProgressBar bar;
  private final Thread ticker;

  Progress(List<ScenarioRun> runs, AtomicLongArray clock, boolean quiet) {
    this.runs = runs;
    this.clock = clock;
    long total = 0;
    for (ScenarioRun r : runs) {
      long d = r.scenario().durationMicros();
      total = d < 0 || total < 0 ? -1 : total + d / 1_000_000;
    }
    if (quiet || System.console() == null) {
      bar = null;
      ticker = null;
      return;
    }
    bar =
        new ProgressBarBuilder()
            .setTaskName(runs.size() + " runs")
            .setInitialMax(total)
            .setUnit(" sim s", 1)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(500)
            .build();
    ticker = new Thread(this::tick, "clustersim-progress");
    ticker.setDaemon(true);
    ticker.start();
  }

  private void tick() {
    while (!Thread.currentThread().isInterrupted()) {
      long sum = 0;
      long slowest = Long.MAX_VALUE;
      for (int i = 0; i < runs.size(); i++) {
        long t = clock.get(i) / 1_000_000;
        sum += t;
        slowest = Math.min(slowest, t);
      }
      bar.stepTo(sum);
      bar.setExtraMessage("slowest run at " + slowest + " s");
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.interrupt();
      bar.close();
    }
  }
}
