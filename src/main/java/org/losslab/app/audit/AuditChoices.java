package org.losslab.app.audit;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.losslab.engine.dataset.CaseMetric;

/**
 * What the user chose to look at in the audit's analysis views (saved with the scene): the metric run B is
 * compared on, the scatter's two axes, and the table's sort as "key ascending|descending" (a metric's key,
 * "case" or "class").
 */
public final class AuditChoices {
    private final ObjectProperty<CaseMetric> compared = new SimpleObjectProperty<>(this, "compared", CaseMetric.DICE);
    private final ObjectProperty<CaseMetric> scatterX = new SimpleObjectProperty<>(this, "scatterX", CaseMetric.DICE);
    private final ObjectProperty<CaseMetric> scatterY = new SimpleObjectProperty<>(this, "scatterY", CaseMetric.HD95);
    private final StringProperty sort = new SimpleStringProperty(this, "sort", "dice ascending");

    /** The metric of the B - A view. */
    public ObjectProperty<CaseMetric> comparedProperty() {
        return compared;
    }

    public ObjectProperty<CaseMetric> scatterXProperty() {
        return scatterX;
    }

    public ObjectProperty<CaseMetric> scatterYProperty() {
        return scatterY;
    }

    /** The table's sort column and direction. */
    public StringProperty sortProperty() {
        return sort;
    }
}
