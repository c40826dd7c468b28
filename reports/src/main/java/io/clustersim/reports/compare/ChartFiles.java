package io.clustersim.reports.compare;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/** Writes a chart as PNG (for the report and slides) and SVG (for papers). */
final class ChartFiles {
  static final int WIDTH = 960;
  static final int HEIGHT = 540;

  private ChartFiles() {}

  static void write(JFreeChart chart, Path dir, String name, int height) throws IOException {
    ChartUtils.saveChartAsPNG(dir.resolve(name + ".png").toFile(), chart, WIDTH, height);
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, height);
    chart.draw(g, new Rectangle(0, 0, WIDTH, height));
    SVGUtils.writeToSVG(dir.resolve(name + ".svg").toFile(), g.getSVGElement());
  }
}
