package org.losslab.engine.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * The data of one plot: one or more panels sharing the x axis, the axis labels, whether x is best
 * read on a log scale, the scene's operating point (NaN where there is none), notes on what
 * the picture alone would hide (curves that coincide, so that one is drawn under the other), and the
 * caption shown under it: the plot's own two sentences, or two written from these numbers.
 */
public record PlotData(TeachingPlot plot, List<SweepResult> panels, String xLabel, List<String> yLabels,
                       boolean logX, double operatingX, double operatingY, List<String> notes, String caption) {

    /** A plot captioned with its fixed two sentences. */
    public PlotData(TeachingPlot plot, List<SweepResult> panels, String xLabel, List<String> yLabels, boolean logX,
                    double operatingX, double operatingY, List<String> notes) {
        this(plot, panels, xLabel, yLabels, logX, operatingX, operatingY, notes, plot.caption());
    }

    public PlotData(TeachingPlot plot, List<SweepResult> panels, String xLabel, List<String> yLabels, boolean logX,
                    double operatingX) {
        this(plot, panels, xLabel, yLabels, logX, operatingX, Double.NaN);
    }

    /** A plot whose operating point has two coordinates (the Tversky grid's current alpha and beta). */
    public PlotData(TeachingPlot plot, List<SweepResult> panels, String xLabel, List<String> yLabels, boolean logX,
                    double operatingX, double operatingY) {
        this(plot, panels, xLabel, yLabels, logX, operatingX, operatingY, coinciding(panels));
    }

    /** "tversky = dice here": each curve equal to an earlier one of its panel at every point (to 1e-12). */
    static List<String> coinciding(List<SweepResult> panels) {
        List<String> notes = new ArrayList<>();
        for (SweepResult panel : panels) {
            List<String> columns = panel.columns();
            for (int j = 1; j < columns.size(); j++) {
                for (int i = 0; i < j; i++) {
                    if (same(panel.column(i), panel.column(j))) {
                        String note = columns.get(j) + " = " + columns.get(i) + " here: one curve under the other";
                        if (!notes.contains(note)) {
                            notes.add(note);
                        }
                        break;
                    }
                }
            }
        }
        return List.copyOf(notes);
    }

    private static boolean same(double[] a, double[] b) {
        for (int k = 0; k < a.length; k++) {
            double scale = Math.max(1e-300, Math.max(Math.abs(a[k]), Math.abs(b[k])));
            if (!(Math.abs(a[k] - b[k]) <= 1e-12 * scale) && !(Double.isNaN(a[k]) && Double.isNaN(b[k]))) {
                return false;
            }
        }
        return a.length > 0;
    }
}
