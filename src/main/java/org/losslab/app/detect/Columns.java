package org.losslab.app.detect;

import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** Table columns over rows that are indices: text, or numbers that sort as numbers and print in a format. */
final class Columns {
    private Columns() {
    }

    static TableColumn<Integer, String> text(String title, IntFunction<String> value) {
        TableColumn<Integer, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    /** NaN (no value) prints as a dash and sorts last. */
    static TableColumn<Integer, Double> number(String title, IntToDoubleFunction value, String format) {
        TableColumn<Integer, Double> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.applyAsDouble(cell.getValue())));
        c.setComparator(Double::compare);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : v.isNaN() ? "-" : String.format(Locale.ROOT, format, v));
            }
        });
        return c;
    }
}
