package org.losslab.app.charts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/**
 * A marker's label ("MONAI HD95") is drawn whole inside the plot: its red pixels, read back from the rendered
 * chart, start below the data area's top edge and end inside its sides (JFreeChart's default anchor cut the
 * label's upper half at the top edge), for a marker near the left and one near the right.
 */
class MarkerLabelTest {
    @Test
    void theLabelLiesWholeInsideThePlot() {
        for (double at : new double[] {0.5, 9.5}) {
            XYSeries s = new XYSeries("hist");
            for (int x = 0; x <= 10; x++) {
                s.add(x, x * x);
            }
            XYPlot plot = new XYPlot(new XYSeriesCollection(s), new NumberAxis("mm"), new NumberAxis("count"),
                    new XYLineAndShapeRenderer(true, false));
            ValueMarker marker = new ValueMarker(at);
            Charts.label(marker, "MONAI HD95", plot);
            marker.setLabelPaint(Color.RED);
            plot.addDomainMarker(marker);
            JFreeChart chart = new JFreeChart(plot);
            ChartRenderingInfo info = new ChartRenderingInfo();
            BufferedImage image = chart.createBufferedImage(480, 300, info);
            Rectangle2D area = info.getPlotInfo().getDataArea();
            int top = Integer.MAX_VALUE;
            int left = Integer.MAX_VALUE;
            int right = -1;
            int bottom = -1;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    Color c = new Color(image.getRGB(x, y));
                    if (c.getRed() > 180 && c.getGreen() < 90 && c.getBlue() < 90) {
                        top = Math.min(top, y);
                        bottom = Math.max(bottom, y);
                        left = Math.min(left, x);
                        right = Math.max(right, x);
                    }
                }
            }
            assertTrue(bottom - top >= 8, "marker at " + at + ": the label's glyphs are drawn (rows " + top + ".." + bottom + ")");
            assertTrue(top > area.getMinY() + 1, "marker at " + at + ": the label starts below the plot's top edge ("
                    + top + " vs " + area.getMinY() + ")");
            assertTrue(left > area.getMinX() + 1 && right < area.getMaxX() - 1, "marker at " + at
                    + ": the label is inside the plot's sides (" + left + ".." + right + " in " + area + ")");
        }
    }
}
