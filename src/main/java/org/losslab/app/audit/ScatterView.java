package org.losslab.app.audit;

import java.util.Locale;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.losslab.engine.dataset.AuditResult;
import org.losslab.engine.dataset.CaseMetric;
import org.losslab.engine.dataset.MetricPair;

/**
 * Any metric of run A against any other: the scatter (infinite values on an "inf" strip at the axis' end, pairs
 * with no value counted under the title) and the disagreement list, the cases and classes whose ranks by the two
 * metrics (1 = worst by each metric's own direction) are furthest apart.
 */
final class ScatterView extends VBox {
    private final ChartViewer viewer = new ChartViewer(null);
    private final ListView<String> disagreements = new ListView<>();
    private final AuditModel model;
    private final AuditChoices choices;
    private MetricPair shown;
    private JFreeChart chart;

    ScatterView(AuditModel model, AuditChoices choices) {
        super(6);
        this.model = model;
        this.choices = choices;
        setStyle("-fx-padding: 6");
        ChoiceBox<CaseMetric> x = AuditAnalysis.metricChoice("scatter-x", choices.scatterXProperty());
        ChoiceBox<CaseMetric> y = AuditAnalysis.metricChoice("scatter-y", choices.scatterYProperty());
        viewer.setId("scatter-chart");
        disagreements.setId("disagreement-list");
        disagreements.setPrefWidth(420);
        VBox.setVgrow(disagreements, Priority.ALWAYS);
        Label title = new Label("Ranked most differently (1 = worst by each metric)");
        title.setWrapText(true);
        VBox side = new VBox(4, title, disagreements);
        getChildren().addAll(new HBox(6, new Label("x"), x, new Label("y"), y), AuditAnalysis.chartBeside(viewer, side));
        model.resultProperty().addListener(o -> refresh());
        choices.scatterXProperty().addListener(o -> refresh());
        choices.scatterYProperty().addListener(o -> refresh());
        refresh();
    }

    /** The pair of metrics shown, or null before an audit. */
    MetricPair pair() {
        return shown;
    }

    /** The chart shown (exported as it is), or null before an audit. */
    JFreeChart chart() {
        return chart;
    }

    private void refresh() {
        AuditResult audit = model.resultProperty().get();
        CaseMetric x = choices.scatterXProperty().get();
        CaseMetric y = choices.scatterYProperty().get();
        if (audit == null || x == null || y == null) {
            shown = null;
            chart = null;
            viewer.setVisible(false); // ChartViewer takes no null chart: the last one stays, hidden
            disagreements.getItems().clear();
            return;
        }
        shown = MetricPair.of(audit, x, y);
        chart = ScatterChart.of(shown);
        viewer.setChart(chart);
        viewer.setVisible(true);
        disagreements.getItems().setAll(shown.disagreements().stream()
                .map(d -> String.format(Locale.ROOT, "%s class %d: %s rank %s, %s rank %s (%s apart)", d.point().caseName(),
                        d.point().classIndex(), x.title(), ScatterChart.rank(d.rankX()), y.title(), ScatterChart.rank(d.rankY()), ScatterChart.rank(d.gap())))
                .toList());
    }

}
