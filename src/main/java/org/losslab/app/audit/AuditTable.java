package org.losslab.app.audit;

import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.losslab.engine.dataset.AggregateUse;
import org.losslab.engine.dataset.ClassNumbers;

/** The table of cases x classes, bound to the model's rows; sortable by any metric, the lowest Dice first. */
final class AuditTable extends TableView<AuditRow> {
    AuditTable(AuditModel model) {
        SortedList<AuditRow> sorted = new SortedList<>(model.rows()); // the model's order stays; the view sorts
        sorted.comparatorProperty().bind(comparatorProperty());
        setItems(sorted);
        TableColumn<AuditRow, String> name = new TableColumn<>("Case");
        name.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().caseName()));
        name.setPrefWidth(150);
        TableColumn<AuditRow, Number> classIndex = new TableColumn<>("Class");
        classIndex.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().classIndex()));
        TableColumn<AuditRow, Double> dice = metric("Dice", ClassNumbers::dice);
        getColumns().add(name);
        getColumns().add(classIndex);
        getColumns().add(dice);
        getColumns().add(metric("IoU", ClassNumbers::iou));
        getColumns().add(metric("HD95 mm", ClassNumbers::hd95));
        getColumns().add(metric("NSD", ClassNumbers::nsd));
        getColumns().add(metric("HD mm", ClassNumbers::hd));
        getColumns().add(metric("ASSD mm", ClassNumbers::assd));
        getColumns().add(count("FP", ClassNumbers::fp));
        getColumns().add(count("FN", ClassNumbers::fn));
        getSortOrder().add(dice); // worst first
        // a mean clicked beside the table: the rows it leaves out are greyed, so what it averages stands out
        setRowFactory(view -> new TableRow<>() {
            {
                model.highlightProperty().addListener(o -> mark(getItem(), model.highlightProperty().get()));
            }

            @Override
            protected void updateItem(AuditRow row, boolean empty) {
                super.updateItem(row, empty);
                mark(empty ? null : row, model.highlightProperty().get());
            }

            private void mark(AuditRow row, AggregateUse use) {
                boolean leftOut = row != null && use != null && !use.uses(row.numbers());
                setStyle(leftOut ? "-fx-opacity: 0.35;" : "");
                setTooltip(leftOut ? new Tooltip("left out of " + use.title()) : null);
                getStyleClass().removeAll("left-out");
                if (leftOut) {
                    getStyleClass().add("left-out");
                }
            }
        });
        setPlaceholder(new Label("No cases yet: choose the two folders and press Audit"));
    }

    /** A column of one metric whose cells show the number or, for NaN and infinity, why. */
    private static TableColumn<AuditRow, Double> metric(String title, ToDoubleFunction<ClassNumbers> value) {
        TableColumn<AuditRow, Double> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.applyAsDouble(row.getValue().numbers())));
        column.setComparator((a, b) -> nanLast(a, b, column.getSortType()));
        column.setPrefWidth(title.startsWith("HD") || title.startsWith("ASSD") ? 150 : 80);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                AuditRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(row == null || item == null ? null : row.text(item));
            }
        });
        return column;
    }

    /** A column of voxel counts. */
    private static TableColumn<AuditRow, Number> count(String title, ToLongFunction<ClassNumbers> value) {
        TableColumn<AuditRow, Number> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.applyAsLong(row.getValue().numbers())));
        return column;
    }

    /**
     * Numbers in order with infinity after them and NaN (no value) last, whichever way the column is sorted: the table
     * reverses the comparator for a descending sort, so NaN is put first then (HD95 worst first shows the missed
     * structures, not the classes absent from both).
     */
    private static int nanLast(Double a, Double b, TableColumn.SortType order) {
        if (a.isNaN() || b.isNaN()) {
            int last = Boolean.compare(a.isNaN(), b.isNaN());
            return order == TableColumn.SortType.DESCENDING ? -last : last;
        }
        return Double.compare(a, b);
    }
}
