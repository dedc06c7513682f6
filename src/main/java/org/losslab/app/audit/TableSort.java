package org.losslab.app.audit;

import java.util.Locale;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.losslab.engine.dataset.CaseMetric;

/**
 * Keeps a table's sort (its first sort column and that column's direction) and a text setting in step, as
 * "key ascending|descending": the column's metric key ("dice", "hd95") or its title in lower case ("case", "fp").
 * A text naming no column leaves the table as it is.
 */
final class TableSort {
    private final TableView<?> table;
    private final StringProperty setting;
    private boolean applying;

    private TableSort(TableView<?> table, StringProperty setting) {
        this.table = table;
        this.setting = setting;
    }

    static void bind(TableView<?> table, StringProperty setting) {
        TableSort sort = new TableSort(table, setting);
        sort.apply(setting.get());
        setting.addListener((o, before, now) -> sort.apply(now));
        table.getSortOrder().addListener((ListChangeListener<TableColumn<?, ?>>) change -> sort.record());
        for (TableColumn<?, ?> column : table.getColumns()) {
            column.sortTypeProperty().addListener(o -> sort.record());
        }
    }

    /** The key of a column: its metric's key when its title is a metric's, else its title in lower case. */
    static String key(TableColumn<?, ?> column) {
        for (CaseMetric m : CaseMetric.values()) {
            if (m.title().equals(column.getText())) {
                return m.key();
            }
        }
        return column.getText().toLowerCase(Locale.ROOT);
    }

    private void record() {
        if (applying || table.getSortOrder().isEmpty()) {
            return;
        }
        TableColumn<?, ?> first = table.getSortOrder().get(0);
        setting.set(key(first) + (first.getSortType() == TableColumn.SortType.ASCENDING ? " ascending" : " descending"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void apply(String text) {
        if (text == null || applying) {
            return;
        }
        String[] parts = text.trim().split("\\s+");
        for (TableColumn column : table.getColumns()) {
            if (key(column).equals(parts[0])) {
                applying = true;
                try {
                    column.setSortType(parts.length > 1 && parts[1].equals("descending") ? TableColumn.SortType.DESCENDING
                            : TableColumn.SortType.ASCENDING);
                    ((TableView) table).getSortOrder().setAll(column);
                } finally {
                    applying = false;
                }
                return;
            }
        }
    }
}
