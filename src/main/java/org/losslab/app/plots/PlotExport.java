package org.losslab.app.plots;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.losslab.app.charts.Charts;
import org.losslab.engine.sweep.PlotData;
import org.losslab.engine.sweep.SweepResult;
import org.losslab.scene.AtomicFiles;

/** Draws a plot (its charts stacked, the caption below) to PNG or SVG, and writes its data as CSV. */
public final class PlotExport {
    private static final int CAPTION = 70;

    private PlotExport() {
    }

    public static void draw(Graphics2D g, PlotData data, boolean logY, int width, int height) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        List<JFreeChart> charts = Charts.of(data, logY);
        double chartHeight = (height - CAPTION) / (double) charts.size();
        for (int k = 0; k < charts.size(); k++) {
            charts.get(k).draw(g, new Rectangle2D.Double(0, k * chartHeight, width, chartHeight));
        }
        drawCaption(g, data.caption(), 20, height - CAPTION + 6, width - 40);
    }

    /** The caption, wrapped to the width. */
    static void drawCaption(Graphics2D g, String text, int x, int y, int width) {
        g.setFont(Charts.LABEL);
        g.setColor(new Color(50, 50, 50));
        FontMetrics m = g.getFontMetrics();
        StringBuilder line = new StringBuilder();
        int baseline = y + m.getAscent();
        for (String word : text.split(" ")) {
            if (m.stringWidth(line + " " + word) > width && line.length() > 0) {
                g.drawString(line.toString(), x, baseline);
                baseline += m.getHeight();
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        g.drawString(line.toString(), x, baseline);
    }

    public static BufferedImage image(PlotData data, boolean logY, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        draw(g, data, logY, width, height);
        g.dispose();
        return image;
    }

    public static void writeSvg(PlotData data, boolean logY, int width, int height, Path file) throws IOException {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        draw(g, data, logY, width, height);
        AtomicFiles.write(file, g.getSVGDocument());
    }

    /** The panels' data, one CSV block per panel (header row first), separated by a blank line. */
    public static String csv(PlotData data) {
        StringBuilder out = new StringBuilder();
        for (SweepResult panel : data.panels()) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(panel.toCsv());
        }
        return out.toString();
    }
}
