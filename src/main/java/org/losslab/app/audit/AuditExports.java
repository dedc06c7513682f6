package org.losslab.app.audit;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.losslab.app.core.Dialogs;
import org.losslab.app.core.Offscreen;
import org.losslab.engine.dataset.AuditResult;
import org.losslab.engine.dataset.PairedComparison;
import org.losslab.scene.AtomicFiles;
import org.losslab.scene.AuditFiles;
import org.losslab.scene.ComparisonFiles;

/**
 * The audit's exports, each written whole or not at all ({@link AtomicFiles}): the table as the {@code audit}
 * command's CSV, run B - A as CSV, the scatter as PNG or SVG at {@value #WIDTH} x {@value #HEIGHT}.
 * The status line says what was written or why not.
 */
final class AuditExports {
    static final int WIDTH = 1000;
    static final int HEIGHT = 700;
    private final AuditModel model;
    private final AuditAnalysis analysis;

    AuditExports(AuditModel model, AuditAnalysis analysis) {
        this.model = model;
        this.analysis = analysis;
    }

    /** The Export menu of the workspace's bar. */
    MenuButton menu() {
        MenuItem table = item("Table as CSV...", "audit-export-table", "CSV", "*.csv", this::writeTable);
        MenuItem difference = item("Run B - A as CSV...", "audit-export-difference", "CSV", "*.csv", this::writeDifference);
        MenuItem png = item("Scatter as PNG...", "audit-export-png", "PNG images", "*.png", this::writeScatterPng);
        MenuItem svg = item("Scatter as SVG...", "audit-export-svg", "SVG drawings", "*.svg", this::writeScatterSvg);
        table.disableProperty().bind(model.resultProperty().isNull());
        png.disableProperty().bind(model.resultProperty().isNull());
        svg.disableProperty().bind(model.resultProperty().isNull());
        difference.disableProperty().bind(model.resultBProperty().isNull());
        MenuButton menu = new MenuButton("Export", null, table, difference, png, svg);
        menu.setId("audit-export");
        return menu;
    }

    private interface Writer {
        void write(Path file) throws IOException;
    }

    private MenuItem item(String text, String id, String description, String pattern, Writer writer) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> Dialogs.save(analysis, text.replace("...", ""), description, pattern).ifPresent(file -> export(file, writer)));
        return item;
    }

    private void export(Path file, Writer writer) {
        try {
            writer.write(file);
            model.statusProperty().set("Wrote " + file.getFileName());
        } catch (IOException | RuntimeException e) {
            model.statusProperty().set("Cannot write " + file.getFileName() + ": " + e.getMessage());
        }
    }

    void writeTable(Path file) throws IOException {
        AuditResult audit = model.resultProperty().get();
        if (audit == null) {
            throw new IOException("no audit yet");
        }
        AtomicFiles.write(file, AuditFiles.csv(audit));
    }

    void writeDifference(Path file) throws IOException {
        PairedComparison comparison = analysis.difference().comparison();
        if (comparison == null) {
            throw new IOException("no run B");
        }
        AtomicFiles.write(file, ComparisonFiles.csv(comparison));
    }

    void writeScatterPng(Path file) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        draw(g);
        g.dispose();
        Offscreen.writePng(image, file);
    }

    void writeScatterSvg(Path file) throws IOException {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        draw(g);
        AtomicFiles.write(file, g.getSVGDocument());
    }

    private void draw(Graphics2D g) throws IOException {
        JFreeChart chart = analysis.scatter().chart();
        if (chart == null) {
            throw new IOException("no audit yet");
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
    }
}
