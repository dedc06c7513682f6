package org.losslab.app.detect;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import java.text.DecimalFormat;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.losslab.app.charts.Charts;
import org.losslab.engine.ssd.NegativeLossShares;

/**
 * The focal loss paper's Figure 4 on the SSD view's priors: the negatives sorted from the hardest, and the
 * share of the negatives' loss the hardest fraction of them carry, for cross-entropy (gamma 0), a few gammas
 * and the slider's, beside hard negative mining (all of its loss on the negatives it keeps). The shares are
 * the engine's ({@link NegativeLossShares}); this class only draws them.
 */
final class NegativeSharesChart {
    /** The paper's gammas (0 is plain cross-entropy) and 5, the slider's end. */
    static final double[] GAMMAS = {0, 0.5, 1, 2, 5};
    private static final Color[] COLOURS = {new Color(0x7F7F7F), new Color(0x9EC5E8), new Color(0x4A90D9),
        new Color(0x1F4E9A), new Color(0x0B1F45)};
    /** Where the log axis starts when there is no negative to start from. */
    private static final double FIRST = 1e-4;
    private static final Color MINING = new Color(0xE8, 0x45, 0x2C);
    private final XYSeriesCollection series = new XYSeriesCollection();
    private final ValueMarker cut = new ValueMarker(0);
    private final TextTitle easy = new TextTitle();
    private final JFreeChart chart;
    private final ChartViewer viewer;

    NegativeSharesChart() {
        // a log axis: the hardest 0.1% and 1%, where focal puts its loss, get as much room as the easy 90%
        LogAxis x = Charts.decades("hardest negatives first: fraction of all (log)");
        x.setNumberFormatOverride(new DecimalFormat("0.#%"));
        x.setRange(FIRST, 1.25);
        NumberAxis y = new NumberAxis("share of the negatives' loss they carry");
        y.setRange(0, 1.02);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(series, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        cut.setPaint(MINING);
        cut.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 3f}, 0f));
        cut.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        cut.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        cut.setLabelFont(new Font("SansSerif", Font.PLAIN, 11));
        plot.addDomainMarker(cut);
        chart = new JFreeChart("Where the negatives' loss sits (focal paper, Fig. 4)",
                new Font("SansSerif", Font.BOLD, 13), plot, true);
        easy.setFont(new Font("SansSerif", Font.PLAIN, 11));
        chart.addSubtitle(easy);
        chart.setBackgroundPaint(Color.WHITE);
        viewer = new ChartViewer(chart);
        viewer.setId("ssd-shares");
    }

    ChartViewer viewer() {
        return viewer;
    }

    XYSeriesCollection series() {
        return series;
    }

    String easyText() {
        return easy.getText();
    }

    /** Redraws the curves for these negatives; {@code gamma} is the slider's. */
    void show(NegativeLossShares shares, double gamma) {
        series.removeAllSeries();
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        int n = shares.negatives();
        int index = 0;
        for (int g = 0; g < GAMMAS.length; g++) {
            if (Math.abs(GAMMAS[g] - gamma) < 1e-9) {
                continue; // drawn as the slider's own curve below
            }
            String name = GAMMAS[g] == 0 ? "cross-entropy (gamma 0)" : String.format(Locale.ROOT, "focal, gamma %s", trim(GAMMAS[g]));
            series.addSeries(curve(name, shares.cumulativeShares(GAMMAS[g]), n));
            renderer.setSeriesPaint(index, COLOURS[g]);
            renderer.setSeriesStroke(index++, new BasicStroke(1.6f));
        }
        // the slider's gamma stands out: the curve the lesson asks to watch
        series.addSeries(curve(String.format(Locale.ROOT, "focal, your gamma %.2f", gamma), shares.cumulativeShares(gamma), n));
        renderer.setSeriesPaint(index, new Color(0x2CA02C));
        renderer.setSeriesStroke(index++, new BasicStroke(3f));
        series.addSeries(miningCurve(shares));
        renderer.setSeriesPaint(index, MINING);
        renderer.setSeriesStroke(index, new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                new float[] {6f, 4f}, 0f));
        double minedFraction = n == 0 ? 0 : (double) shares.mined() / n;
        // from half the first negative's place: the hardest one's share is the curves' first point
        chart.getXYPlot().getDomainAxis().setRange(n == 0 ? FIRST : 0.5 / n, 1.25);
        cut.setValue(minedFraction);
        cut.setLabel(String.format(Locale.ROOT, "mining keeps %d of %d", shares.mined(), n));
        double threshold = shares.easyThreshold();
        easy.setText(Double.isNaN(threshold) ? "mining keeps every negative here: none is dropped as easy"
                : String.format(Locale.ROOT, "easy negative = one mining drops (grey dots): p(background) >= %.3f here. "
                        + "Focal gamma %.2f: hardest 1%% carry %.0f%%, the easy ones %.0f%%.", threshold, gamma,
                        100 * shares.shareOfHardestFraction(0.01, gamma), 100 * shares.easyShare(gamma)));
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** (k / n, share of the k hardest) for k from 1: the points of one gamma's curve. */
    private static XYSeries curve(String name, double[] cumulative, int n) {
        XYSeries s = new XYSeries(name, false, true);
        for (int k = 0; k < n; k++) {
            s.add((k + 1.0) / n, cumulative[k]);
        }
        return s;
    }

    /** Mining: the kept negatives carry all of its negatives' loss, the rest none. */
    private static XYSeries miningCurve(NegativeLossShares shares) {
        return curve("hard negative mining (a cut by count)", shares.miningCumulativeShares(), shares.negatives());
    }
}
