package org.losslab.app.seg;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One row of the live table: a loss or metric, its value, and the value pinned for comparison. */
public final class LossRow {
    private final String name;
    private final boolean metric;
    private final DoubleProperty value = new SimpleDoubleProperty(this, "value", Double.NaN);
    private final DoubleProperty pinned = new SimpleDoubleProperty(this, "pinned", Double.NaN);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty named = new SimpleBooleanProperty(this, "named");
    private final BooleanProperty hidden = new SimpleBooleanProperty(this, "hidden");

    public LossRow(String name, boolean metric) {
        this.name = name;
        this.metric = metric;
    }

    public String name() {
        return name;
    }

    public boolean metric() {
        return metric;
    }

    public DoubleProperty valueProperty() {
        return value;
    }

    public DoubleProperty pinnedProperty() {
        return pinned;
    }

    /** Whether the open lesson step names this row (it leads the table, marked). */
    public BooleanProperty namedProperty() {
        return named;
    }

    /** Whether the table shows "?" for its value: a lesson's question about it is open (the value is still computed). */
    public BooleanProperty hiddenProperty() {
        return hidden;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
