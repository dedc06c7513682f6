package org.losslab.app.seg;

import javafx.beans.property.DoubleProperty;
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

    public StringProperty messageProperty() {
        return message;
    }
}
