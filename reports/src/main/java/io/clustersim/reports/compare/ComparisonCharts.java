package io.clustersim.reports.compare;

import com.fasterxml.jackson.databind.JsonNode;
import io.clustersim.reports.RunSeries;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The comparison's charts (JFreeChart). Over several seeds a line is the mean at each instant and
 * its band the 95% confidence interval; runs are put on one grid of {@link #POINTS} instants by
 * taking each run's last sample at or before each instant (the metrics are step functions).
 */
final class ComparisonCharts {
  static final int POINTS = 300;

  private static final Color[] COLORS = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
    new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
    new Color(0xbcbd22), new Color(0x17becf)
  };

  private final Map<String, List<RunOutcome>> byPolicy;
  private final double end;

  ComparisonCharts(Map<String, List<RunOutcome>> byPolicy) {
    this.byPolicy = byPolicy;
    double e = 0;
    for (List<RunOutcome> runs : byPolicy.values()) {
      for (RunOutcome r : runs) {
        e = Math.max(e, r.summary().get("simulated_seconds").asDouble());
      }
    }
    this.end = e;
  }

  /** The charts, by file name (without extension), in the report's order. */
  Map<String, JFreeChart> all() {
    Map<String, JFreeChart> out = new LinkedHashMap<>();
    out.put(
        "utilisation",
        overTime("CPU allocated over time", "cpus", "share of the cluster's CPUs", true));
    out.put(
        "memory",
        overTime("Memory allocated over time", "mem", "share of the cluster's memory", true));
    out.put(
        "jain",
        overTime(
            "Jain's index over the frameworks' dominant shares", "jain", "Jain's index", true));
    out.put("dominant-shares", dominantShares());
    out.put("wait-cdf", waitCdf());
    out.put("headline", headline());
    if (hasGpuSeries()) {
      out.put(
          "gpu-allocated",
          asWorkloadArrives("GPUs allocated as the workload arrives", "allocated_pct"));
      out.put(
          "gpu-fragmented",
          asWorkloadArrives("GPUs fragmented as the workload arrives (FGD)", "fragmented_pct"));
    }
    return out;
  }

  private boolean hasGpuSeries() {
    for (List<RunOutcome> runs : byPolicy.values()) {
      for (RunOutcome r : runs) {
        if (r.summary().has("gpu")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The FGD paper's figure: a GPU metric (% of the cluster's GPUs) against tasks arrived, one line
   * per configuration (its first seed: arrivals are the same for every seed of a trace).
   */
  private JFreeChart asWorkloadArrives(String title, String key) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Map.Entry<String, List<RunOutcome>> e : byPolicy.entrySet()) {
      XYSeries s = new XYSeries(e.getKey());
      JsonNode gpu = e.getValue().get(0).summary().get("gpu");
      if (gpu != null) {
        for (JsonNode p : gpu.get("as_workload_arrives")) {
          s.add(p.get("tasks").asDouble(), p.get(key).asDouble());
        }
      }
      data.addSeries(s);
    }
    JFreeChart chart = lines(title, "tasks arrived", "% of the cluster's GPUs", data);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      r.setSeriesPaint(i, COLORS[i % COLORS.length]);
      r.setSeriesStroke(i, new BasicStroke(1.6f));
    }
    plot.setRenderer(r);
    style(chart);
    return chart;
  }

  /** The value of {@code key} at {@code t}: the last sample at or before it (0 before any). */
  static double at(List<RunSeries.Sample> samples, String key, double t) {
    int lo = 0;
    int hi = samples.size() - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (samples.get(mid).seconds() <= t) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (found < 0) {
      return 0;
    }
    Double v = samples.get(found).values().get(key);
    return v == null ? 0 : v;
  }

  private JFreeChart overTime(String title, String key, String yLabel, boolean unitRange) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    for (Map.Entry<String, List<RunOutcome>> e : byPolicy.entrySet()) {
      YIntervalSeries s = new YIntervalSeries(e.getKey());
      for (int i = 0; i <= POINTS; i++) {
        double t = end * i / POINTS;
        List<Double> values = new ArrayList<>();
        for (RunOutcome r : e.getValue()) {
          values.add(at(r.series(), key, t));
        }
        Estimate est = Estimate.of(values);
        s.add(t / 3600, est.mean(), est.mean() - est.halfWidth(), est.mean() + est.halfWidth());
      }
      data.addSeries(s);
    }
    JFreeChart chart = lines(title, "simulated time (h)", yLabel, data);
    XYPlot plot = chart.getXYPlot();
    DeviationRenderer r = new DeviationRenderer(true, false);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      Color c = COLORS[i % COLORS.length];
      r.setSeriesPaint(i, c);
      r.setSeriesFillPaint(i, c);
      r.setSeriesStroke(i, new BasicStroke(1.6f));
    }
    r.setAlpha(0.2f);
    plot.setRenderer(r);
    if (unitRange) {
      ((NumberAxis) plot.getRangeAxis()).setRange(0, 1.02);
    }
    style(chart);
    return chart;
  }

  /** An XY line chart with a legend, before styling and renderers. */
  private static JFreeChart lines(
      String title, String xLabel, String yLabel, org.jfree.data.xy.XYDataset data) {
    return ChartFactory.createXYLineChart(
        title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
  }

  /** One small chart per policy (first seed), a line per role. */
  private JFreeChart dominantShares() {
    CombinedDomainXYPlot combined = new CombinedDomainXYPlot(new NumberAxis("simulated time (h)"));
    Set<String> roles = new LinkedHashSet<>();
    for (List<RunOutcome> runs : byPolicy.values()) {
      for (RunSeries.Sample s : runs.get(0).series()) {
        for (String k : s.values().keySet()) {
          if (k.startsWith("role:")) {
            roles.add(k);
          }
        }
      }
    }
    List<String> ordered = new ArrayList<>(roles);
    ordered.sort(null);
    for (Map.Entry<String, List<RunOutcome>> e : byPolicy.entrySet()) {
      XYSeriesCollection data = new XYSeriesCollection();
      List<RunSeries.Sample> samples = e.getValue().get(0).series();
      for (String role : ordered) {
        XYSeries s = new XYSeries(role.substring(5), false, true);
        for (int i = 0; i <= POINTS; i++) {
          double t = end * i / POINTS;
          s.add(t / 3600, at(samples, role, t));
        }
        data.addSeries(s);
      }
      NumberAxis y = new NumberAxis(e.getKey());
      y.setRange(0, 1.02);
      XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
      for (int i = 0; i < ordered.size(); i++) {
        r.setSeriesPaint(i, COLORS[i % COLORS.length]);
      }
      combined.add(new XYPlot(data, null, y, r));
    }
    JFreeChart chart =
        new JFreeChart(
            "Dominant share per role, one panel per policy",
            JFreeChart.DEFAULT_TITLE_FONT,
            combined,
            ordered.size() <= 12);
    style(chart);
    return chart;
  }

  /** Task wait CDF, a line per policy (the waits of every seed together). */
  private JFreeChart waitCdf() {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Map.Entry<String, List<RunOutcome>> e : byPolicy.entrySet()) {
      List<Double> all = new ArrayList<>();
      for (RunOutcome r : e.getValue()) {
        for (double w : r.waits()) {
          all.add(w);
        }
      }
      all.sort(null);
      XYSeries s = new XYSeries(e.getKey(), false, true);
      int n = all.size();
      for (int i = 0; i < n; i++) {
        s.add(all.get(i).doubleValue(), (i + 1) / (double) n);
      }
      data.addSeries(s);
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            "Task wait (submit to launch), CDF",
            "wait (s)",
            "fraction of tasks",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      r.setSeriesPaint(i, COLORS[i % COLORS.length]);
      r.setSeriesStroke(i, new BasicStroke(1.6f));
    }
    chart.getXYPlot().setRenderer(r);
    ((NumberAxis) chart.getXYPlot().getRangeAxis()).setRange(0, 1.02);
    style(chart);
    return chart;
  }

  /** The headline shares side by side, with 95% intervals over seeds. */
  private JFreeChart headline() {
    DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
    for (Metric m : Metric.HEADLINE) {
      if (!m.share()) {
        continue;
      }
      for (Map.Entry<String, List<RunOutcome>> e : byPolicy.entrySet()) {
        List<Double> values = new ArrayList<>();
        for (RunOutcome r : e.getValue()) {
          values.add(m.of(r.summary()));
        }
        Estimate est = Estimate.of(values);
        data.add(
            est == null ? 0 : est.mean(), est == null ? 0 : est.halfWidth(), e.getKey(), m.label());
      }
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            "Headline metrics (95% intervals over seeds)",
            "", "", data, PlotOrientation.HORIZONTAL, true, false, false);
    StatisticalBarRenderer r = new StatisticalBarRenderer();
    for (int i = 0; i < byPolicy.size(); i++) {
      r.setSeriesPaint(i, COLORS[i % COLORS.length]);
    }
    chart.getCategoryPlot().setRenderer(r);
    ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setRange(0, 1.05);
    style(chart);
    return chart;
  }

  private static void style(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getPlot().setBackgroundPaint(new Color(0xfafafa));
  }
}
