package org.losslab.app.audit;

import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import org.losslab.engine.dataset.CaseMetric;

/** The analysis views under the table: run B against run A, and one metric against another. */
final class AuditAnalysis extends TabPane {
    private final DifferenceView difference;
    private final ScatterView scatter;

    AuditAnalysis(AuditModel model, AuditChoices choices) {
        difference = new DifferenceView(model, choices);
        scatter = new ScatterView(model, choices);
        Tab runB = new Tab("Run B - A", difference);
        runB.setId("tab-runb");
        Tab metrics = new Tab("Scatter and disagreement", scatter);
        metrics.setId("tab-scatter");
        getTabs().addAll(runB, metrics);
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        setId("audit-analysis");
    }

    /** A choice of metric bound both ways to {@code chosen}. */
    static ChoiceBox<CaseMetric> metricChoice(String id, ObjectProperty<CaseMetric> chosen) {
        ChoiceBox<CaseMetric> choice = new ChoiceBox<>(FXCollections.observableArrayList(CaseMetric.values()));
        choice.setId(id);
        choice.valueProperty().bindBidirectional(chosen);
        return choice;
    }

    /** The chart taking the width the list beside it leaves, both taking the height their view leaves. */
    static HBox chartBeside(ChartViewer viewer, Node side) {
        HBox.setHgrow(viewer, Priority.ALWAYS);
        HBox body = new HBox(6, viewer, side);
        VBox.setVgrow(body, Priority.ALWAYS);
        return body;
    }

    DifferenceView difference() {
        return difference;
    }

    ScatterView scatter() {
        return scatter;
    }
}
