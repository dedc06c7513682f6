package org.losslab.app.audit;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.losslab.engine.dataset.AuditResult;
import org.losslab.engine.dataset.CaseMetric;
import org.losslab.engine.dataset.PairedComparison;
import org.losslab.engine.dataset.SignedRankTest;

/**
 * Run B against run A on the chosen metric: a line with the counts and the paired Wilcoxon signed-rank test, the
 * differences B - A as bars (red: worse, blue: better, whichever sign that is for the metric) and as a list, the
 * worse first, then the pairs kept apart (an infinite or missing value) with why.
 */
final class DifferenceView extends VBox {
    /** Beyond this many pairs the bars lose their case labels (they would overlap). */
    private static final int LABELLED_BARS = 40;
    private final Label summary = new Label();
    private final ListView<String> list = new ListView<>();
    private final ChartViewer viewer = new ChartViewer(null);
    private final AuditModel model;
    private final AuditChoices choices;
    private PairedComparison shown;

    DifferenceView(AuditModel model, AuditChoices choices) {
        super(6);
        this.model = model;
        this.choices = choices;
        setStyle("-fx-padding: 6");
        ChoiceBox<CaseMetric> metric = AuditAnalysis.metricChoice("runb-metric", choices.comparedProperty());
        summary.setId("runb-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE); // the whole paragraph, wrapped, not cut with "..."
        list.setId("runb-list");
        list.setPrefWidth(460);
        viewer.setId("runb-chart");
        getChildren().addAll(new HBox(6, new Label("Run B - A on"), metric), summary, AuditAnalysis.chartBeside(viewer, list));
        model.resultProperty().addListener(o -> refresh());
        model.resultBProperty().addListener(o -> refresh());
        choices.comparedProperty().addListener(o -> refresh());
        refresh();
    }

    /** The comparison shown, or null without run B. */
    PairedComparison comparison() {
        return shown;
    }

    private void refresh() {
        AuditResult a = model.resultProperty().get();
        AuditResult b = model.resultBProperty().get();
        CaseMetric metric = choices.comparedProperty().get();
        if (a == null || b == null || metric == null) {
            shown = null;
            summary.setText("Choose a second predictions folder (Run B...) and press Audit: each case's change from run A"
                    + " to run B on the chosen metric, the cases that got worse first, and a paired Wilcoxon signed-rank test.");
            list.getItems().clear();
            viewer.setVisible(false); // ChartViewer takes no null chart: the last one stays, hidden
            return;
        }
        shown = PairedComparison.of(a, b, metric);
        summary.setText(summary(shown));
        list.getItems().setAll(lines(shown));
        viewer.setChart(chart(shown));
        viewer.setVisible(true);
    }

    /** The counts and the test in one paragraph. */
    static String summary(PairedComparison c) {
        SignedRankTest t = c.test();
        int same = c.changes().size() - c.worseCount() - c.betterCount();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s: %d pairs with two values, %d worse in B, %d better, %d unchanged",
                c.metric().title(), c.changes().size(), c.worseCount(), c.betterCount(), same));
        if (!c.apart().isEmpty()) {
            text.append("; ").append(c.apart().size()).append(" apart (a run has no finite value)");
        }
        if (t.method() == SignedRankTest.Method.NONE) {
            text.append(". No pair changed: no test.");
        } else {
            text.append(String.format(Locale.ROOT, ". Wilcoxon signed-rank on %d non-zero differences: W+ %s, W- %s, p = %.4g (%s%s).",
                    t.used(), ScatterChart.rank(t.wPlus()), ScatterChart.rank(t.wMinus()), t.pValue(),
                    t.method() == SignedRankTest.Method.EXACT ? "exact" : "normal approximation" + (t.ties() ? " with ties" : ""),
                    t.zeros() > 0 ? ", " + t.zeros() + " zero differences left out" : ""));
        }
        if (!c.onlyInA().isEmpty() || !c.onlyInB().isEmpty()) {
            text.append(" Cases in one run only: ").append(c.onlyInA().size()).append(" in A, ").append(c.onlyInB().size()).append(" in B.");
        }
        return text.toString();
    }


    /** The list's lines: the pairs with two values, worse first, then those kept apart. */
    static List<String> lines(PairedComparison c) {
        List<String> lines = new ArrayList<>();
        c.changes().forEach(k -> lines.add(line(k)));
        for (PairedComparison.Apart p : c.apart()) {
            lines.add(String.format(Locale.ROOT, "%s class %d: %s -> %s %s: %s", p.caseName(), p.classIndex(), ScatterChart.number(p.a()),
                    ScatterChart.number(p.b()), p.order() < 0 ? "worse" : p.order() > 0 ? "better" : "apart", p.reason()));
        }
        return lines;
    }

    /** A pair with two values as the list and the bar's tooltip say it. */
    static String line(PairedComparison.Change k) {
        return String.format(Locale.ROOT, "%s class %d: %s -> %s (B - A %+.4g) %s", k.caseName(), k.classIndex(),
                ScatterChart.number(k.a()), ScatterChart.number(k.b()), k.difference(), k.worse() ? "worse" : k.gain() > 0 ? "better" : "same");
    }

    /** The differences B - A as horizontal bars in the list's order, red where B is worse. */
    static JFreeChart chart(PairedComparison c) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (PairedComparison.Change k : c.changes()) {
            data.addValue(k.difference(), "B - A", k.caseName() + " class " + k.classIndex());
        }
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return c.changes().get(column).worse() ? new Color(0xD62728) : new Color(0x1F77B4);
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.06); // a few pairs stay bars, not blocks
        renderer.setDefaultToolTipGenerator((dataset, row, column) -> line(c.changes().get(column)));
        CategoryAxis cases = new CategoryAxis();
        cases.setTickLabelsVisible(c.changes().size() <= LABELLED_BARS);
        cases.setCategoryMargin(0.1);
        NumberAxis values = new NumberAxis("B - A, " + c.metric().title() + (c.metric().higherIsBetter() ? " (higher is better)" : " (lower is better)"));
        CategoryPlot plot = new CategoryPlot(data, cases, values, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        JFreeChart chart = new JFreeChart("Run B - run A, worse first (red)", new Font("SansSerif", Font.BOLD, 15), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
