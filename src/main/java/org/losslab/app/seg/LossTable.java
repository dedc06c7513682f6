package org.losslab.app.seg;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.losslab.app.render.ColorBar;
import org.losslab.engine.Domains;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.seg.SegmentationData;

/** The table of every segmentation loss and metric of the registry: its value on the scene and the pinned one. */
final class LossTable extends TableView<LossRow> {
    /** The tooltip of a value a lesson hides while it asks about it. */
    static final String HIDDEN_WHY = "Guess first: the lesson shows this value on its next step";
    private final SegDocument doc;
    private final ObservableList<LossRow> rows = FXCollections.observableArrayList();
    private final Map<String, LossRow> rowByName = new LinkedHashMap<>();
    /** The rows a lesson's question step asks about (empty: none). */
    private List<String> asked = List.of();
    private final ReadOnlyBooleanWrapper asking = new ReadOnlyBooleanWrapper(this, "asking", false);

    LossTable(SegDocument doc) {
        this.doc = doc;
        setItems(rows);
        for (var spec : LossRegistry.of(Domains.SEGMENTATION)) {
            LossRow row = new LossRow(spec.name(), !spec.differentiable());
            rows.add(row);
            rowByName.put(spec.name(), row);
        }
        TableColumn<LossRow, String> name = new TableColumn<>("Loss / metric");
        name.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().name() + (c.getValue().metric() ? " (metric)" : "")));
        name.setPrefWidth(170);
        // the rows a lesson step names stand out: bold, with a marker, at the top
        name.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                LossRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                boolean named = row != null && row.namedProperty().get();
                setText(empty ? null : (named ? "\u25B6 " : "") + text);
                setStyle(named ? "-fx-font-weight: bold;" : "");
            }
        });
        TableColumn<LossRow, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> Bindings.createStringBinding(
                () -> format(c.getValue().valueProperty().get(), c.getValue()), c.getValue().valueProperty(), c.getValue().messageProperty()));
        value.setPrefWidth(90);
        value.setId("loss-value");
        // a value that cannot be computed says why (for example "needs a multiclass scene") under the cursor
        value.setCellFactory(column -> explained(row -> row.messageProperty().get()));
        TableColumn<LossRow, String> pinned = new TableColumn<>("Pinned");
        pinned.setCellValueFactory(c -> Bindings.createStringBinding(() -> {
            double v = c.getValue().pinnedProperty().get();
            return Double.isNaN(v) ? "" : ColorBar.format(v);
        }, c.getValue().pinnedProperty()));
        pinned.setPrefWidth(80);
        getColumns().setAll(List.of(name, value, pinned));
        setId("loss-table");
        setPrefHeight(230); // room below for the parameters of the selected loss (sliders)
        setTooltip(new Tooltip("Every loss and metric of the registry on this scene; select one to edit its parameters"));
    }

    /** A cell of a row's text whose tooltip says why the row has no value ({@code why}: null or empty when it has one), "?" while a lesson hides the row. */
    static TableCell<LossRow, String> explained(Function<LossRow, String> why) {
        return new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                LossRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                // a lesson's question step hides the rows it asks about in every value column (slice and volume)
                boolean hidden = row != null && row.hiddenProperty().get();
                setText(empty ? null : hidden ? "?" : text);
                String reason = row == null ? null : hidden ? HIDDEN_WHY : why.apply(row);
                setTooltip(reason == null || reason.isEmpty() ? null : new Tooltip(reason));
            }
        };
    }

    /** A row's value; one that cannot be computed says why in short (the full message is its tooltip). */
    @SuppressWarnings("unchecked")
    private String format(double v, LossRow row) {
        if (Double.isNaN(v)) {
            if (row.messageProperty().get().isEmpty()) {
                return "…";
            }
            var spec = (LossSpec<SegmentationData>) LossRegistry.get(row.name());
            return spec.appliesTo(doc.data()) ? "n/a" : spec.requirement();
        }
        return String.format(Locale.ROOT, "%.6f", v);
    }

    /** Keeps the current values in the Pinned column, to compare after an edit. */
    void pin() {
        rows.forEach(r -> r.pinnedProperty().set(r.valueProperty().get()));
    }

    /** Selects a row and scrolls it into view: a lesson pointing at a row off-screen must not leave it unseen. */
    void reveal(String name) {
        if (name != null && rowByName.containsKey(name)) {
            getSelectionModel().select(rowByName.get(name));
            int index = rows.indexOf(rowByName.get(name));
            scrollTo(Math.max(0, index - 2));
        }
    }

    /**
     * Puts the rows a lesson step names first, in its order, marked (its caption quotes them, so they must be in
     * view beside the text); an empty list gives the registry's order back.
     */
    void lead(List<String> names) {
        List<LossRow> order = new ArrayList<>();
        for (String name : names) {
            LossRow row = rowByName.get(name);
            if (row != null && !order.contains(row)) {
                order.add(row);
            }
        }
        rowByName.values().forEach(r -> r.namedProperty().set(order.contains(r)));
        LossRow selected = getSelectionModel().getSelectedItem();
        if (selected != null && !names.isEmpty() && !order.contains(selected)) {
            order.add(selected); // in view under them: its parameters are the sheet below the table
        }
        rowByName.values().stream().filter(r -> !order.contains(r)).forEach(order::add);
        // a permutation, not a replacement: the table keeps its selection (the selected entry is part of the state)
        Map<LossRow, Integer> rank = new HashMap<>();
        for (int k = 0; k < order.size(); k++) {
            rank.put(order.get(k), k);
        }
        FXCollections.sort(rows, Comparator.comparing(rank::get));
        refresh();
        scrollTo(names.isEmpty() && selected != null ? Math.max(0, rows.indexOf(selected) - 2) : 0);
    }

    /** Shows "?" for the values of these rows (a lesson asks about them), every other value as computed. */
    void hide(List<String> names) {
        asked = List.copyOf(names);
        asking.set(!asked.isEmpty());
        markHidden();
    }

    /** True while a lesson's question hides rows: the read-outs that would give the answer away hide too. */
    ReadOnlyBooleanProperty askingProperty() {
        return asking.getReadOnlyProperty();
    }

    /**
     * The rows asked about, and every row whose value equals one of theirs: at its defaults (alpha = beta = 0.5)
     * Tversky is Dice, and its row would give the answer away.
     */
    private void markHidden() {
        double[] answers = asked.stream().map(rowByName::get).filter(r -> r != null)
                .mapToDouble(r -> r.valueProperty().get()).filter(Double::isFinite).toArray();
        rowByName.forEach((name, row) -> row.hiddenProperty().set(asked.contains(name)
                || sameAsOne(row.valueProperty().get(), answers)));
        refresh();
    }

    private static boolean sameAsOne(double value, double[] answers) {
        for (double answer : answers) {
            if (Math.abs(value - answer) <= 1e-9 * Math.max(1, Math.abs(answer))) {
                return true;
            }
        }
        return false;
    }

    /** Shows the values a table worker computed. */
    void show(TableWorker.Table t) {
        for (TableWorker.Row row : t.rows()) {
            LossRow r = rowByName.get(row.name());
            if (r != null) {
                r.messageProperty().set(row.message());
                r.valueProperty().set(row.value());
            }
        }
        if (!asked.isEmpty()) {
            markHidden(); // new values: a row may now equal an answer, or no longer
        }
    }

    ObservableList<LossRow> rows() {
        return rows;
    }

    /** The row of a loss (null: no such row). */
    LossRow row(String name) {
        return rowByName.get(name);
    }
}
