package org.losslab.app.audit;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * From the audit's table to a case and back: a click on a case's row, or Enter on the selected row, asks the window
 * to open that case in the Segmentation workspace ({@link #onOpen}); {@link #reveal} selects the row again, scrolled
 * into view, when the user comes back. The folders a request names are those of the run the rows came from, even if
 * the folder fields were changed since.
 */
public final class CaseLinks {
    /**
     * A case to open.
     *
     * @param labels      the ground-truth folder audited
     * @param predictions the predictions folder audited
     * @param caseName    the case (its files' stem)
     * @param classIndex  the class of the row clicked (1 ..)
     * @param classes     the largest class of the audit (so far, while it runs)
     */
    public record CaseRequest(Path labels, Path predictions, String caseName, int classIndex, int classes) {
    }

    private final AuditModel model;
    private Consumer<CaseRequest> opener = request -> { };
    private Path labels;
    private Path predictions;
    private TableView<AuditRow> table;

    CaseLinks(AuditModel model) {
        this.model = model;
        model.runningProperty().addListener((o, was, running) -> {
            if (running) { // the folders of the run whose rows the table is about to show
                labels = model.labelsProperty().get();
                predictions = model.predictionsProperty().get();
            }
        });
    }

    /** What opening a case does (the window shows it in the Segmentation workspace). */
    public void onOpen(Consumer<CaseRequest> open) {
        this.opener = open;
    }

    /** Clicks and Enter on the table's rows open their case. */
    void install(TableView<AuditRow> rows) {
        this.table = rows;
        rows.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            AuditRow row = rowAt(e.getPickResult().getIntersectedNode());
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress() && row != null) {
                open(row);
            }
        });
        rows.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            AuditRow row = rows.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && row != null) {
                open(row);
                e.consume();
            }
        });
    }

    /** The row a node of the table belongs to, or null (a header, the empty space below the rows). */
    private static AuditRow rowAt(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof TableRow<?> row) {
                return row.isEmpty() ? null : (AuditRow) row.getItem();
            }
        }
        return null;
    }

    /** Asks the window to open a row's case. */
    public void open(AuditRow row) {
        if (labels == null || predictions == null) {
            return; // no run yet: the rows cannot be from anywhere
        }
        var audit = model.resultProperty().get();
        int classes = audit != null ? audit.classes() : model.rows().stream().mapToInt(AuditRow::classIndex).max().orElse(1);
        opener.accept(new CaseRequest(labels, predictions, row.caseName(), row.classIndex(), classes));
    }

    /** Selects the row of that case and class, scrolled into view and focused; false when the table no longer has it. */
    public boolean reveal(String caseName, int classIndex) {
        if (table == null) {
            return false;
        }
        for (int i = 0; i < table.getItems().size(); i++) {
            AuditRow row = table.getItems().get(i);
            if (row.caseName().equals(caseName) && row.classIndex() == classIndex) {
                table.getSelectionModel().clearAndSelect(i);
                table.getFocusModel().focus(i);
                table.scrollTo(Math.max(0, i - 3)); // a few rows of context above it
                table.requestFocus();
                return true;
            }
        }
        return false;
    }
}
