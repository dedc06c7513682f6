package org.losslab.engine.sweep;

import java.util.List;

/**
 * The data of one plot: one or more panels sharing the x axis, the axis labels, whether x is best
 * read on a log scale, and the scene's operating point on x (NaN when there is none).
 */
public record PlotData(TeachingPlot plot, List<SweepResult> panels, String xLabel, List<String> yLabels,
                       boolean logX, double operatingX) {
}
