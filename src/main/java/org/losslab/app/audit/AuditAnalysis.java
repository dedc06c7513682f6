package org.losslab.app.audit;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

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

    DifferenceView difference() {
        return difference;
    }

    ScatterView scatter() {
        return scatter;
    }
}
