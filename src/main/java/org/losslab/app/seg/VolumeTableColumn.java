package org.losslab.app.seg;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.TableColumn;
import org.losslab.app.core.FxLatest;
import org.losslab.app.core.LatestWins;
import org.losslab.engine.Domains;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.engine.volume.VolumeEvaluation;

/**
 * The loss table's "Volume" column while a volume case is open: every entry on the whole volume beside its value on
 * the shown slice ("This slice"), with the parameters the user set for it, distances in mm. Computed off the JavaFX
 * thread whenever the volume or a parameter changes; a newer request stops the running one, and until its values
 * arrive the cells say they are being computed, so no cell ever shows a value of another volume or parameter set.
 */
final class VolumeTableColumn implements AutoCloseable {
    static final String COMPUTING = "…";
    private static final String SLICE_HEADER = "This slice";
    /** The names' width beside the volume column: the side panel then shows both values and the unit whole. */
    private static final double NAME_WIDTH_WITH_VOLUME = 130;

    /** One request's values, by entry. */
    private record Result(int request, Map<String, VolumeEvaluation.Value> values) {
    }

    private final VolumeSlices slices;
    private final SegDocument doc;
    private final TableColumn<LossRow, String> column = new TableColumn<>("Volume");
    private final TableColumn<?, ?> valueColumn;
    private final String valueHeader;
    private final TableColumn<?, ?> nameColumn;
    private final double nameWidth;
    private final Map<String, StringProperty> texts = new HashMap<>();
    private final Map<String, String> reasons = new HashMap<>();
    private final Map<String, Double> values = new HashMap<>();
    private final LatestWins worker = new LatestWins("losslab-volume-table");
    private final FxLatest<Result> shown = new FxLatest<>(this::show);
    /** The newest request: a running evaluation of an older one stops between two entries. */
    private final AtomicInteger latest = new AtomicInteger();
    /** What the newest request was computed from: the case, its revision and the parameters. */
    private Object submittedCase;
    private int submittedChanges = -1;
    private Map<String, Params> submittedParams = Map.of();

    VolumeTableColumn(LossTable table, VolumeSlices slices, SegDocument doc) {
        this.slices = slices;
        this.doc = doc;
        for (LossSpec<SegmentationData> spec : LossRegistry.of(Domains.SEGMENTATION)) {
            texts.put(spec.name(), new SimpleStringProperty(COMPUTING));
        }
        column.setId("loss-volume");
        column.setPrefWidth(100);
        column.setCellValueFactory(c -> texts.get(c.getValue().name()));
        column.setCellFactory(c -> LossTable.explained(row -> reasons.get(row.name())));
        valueColumn = table.getColumns().stream().filter(c -> "loss-value".equals(c.getId())).findFirst().orElseThrow();
        valueHeader = valueColumn.getText();
        nameColumn = table.getColumns().get(0);
        nameWidth = nameColumn.getPrefWidth();
        table.getColumns().add(table.getColumns().indexOf(valueColumn) + 1, column);
        column.visibleProperty().bind(slices.openedProperty().isNotNull());
        slices.openedProperty().addListener((o, a, b) -> update());
        slices.voxelEditsProperty().addListener((o, a, b) -> update());
        doc.revisionProperty().addListener((o, a, b) -> update()); // a parameter set for an entry
        update();
    }

    /** Submits a new evaluation when the case, its volume or a parameter changed since the last one. */
    private void update() {
        VolumeSlices.Opened opened = slices.openedProperty().get();
        valueColumn.setText(opened == null ? valueHeader : SLICE_HEADER);
        nameColumn.setPrefWidth(opened == null ? nameWidth : NAME_WIDTH_WITH_VOLUME);
        int changes = slices.voxelEditsProperty().get();
        Map<String, Params> params = Map.copyOf(doc.params());
        if (opened == submittedCase && changes == submittedChanges && params.equals(submittedParams)) {
            return; // another slice shown, or an edit that changed no voxel
        }
        submittedCase = opened;
        submittedChanges = changes;
        submittedParams = params;
        int request = latest.incrementAndGet();
        texts.values().forEach(t -> t.set(COMPUTING));
        reasons.clear();
        values.clear();
        if (opened == null) {
            return;
        }
        worker.submit(() -> {
            if (latest.get() != request) {
                return;
            }
            List<VolumeEvaluation.Value> values = VolumeEvaluation.of(opened.pair()).all(params, () -> latest.get() != request);
            Map<String, VolumeEvaluation.Value> byName = new HashMap<>();
            values.forEach(v -> byName.put(v.name(), v));
            shown.accept(new Result(request, byName));
        });
    }

    private void show(Result r) {
        if (r.request() != latest.get()) {
            return; // computed for a volume or parameters since replaced
        }
        r.values().forEach((name, v) -> {
            // a value's tooltip says how the volume was read, a missing one why it is missing
            reasons.put(name, v.message().isEmpty() ? "On the volume: " + VolumeEvaluation.reading(spec(name)) : v.message());
            values.put(name, v.value());
            texts.get(name).set(text(v));
        });
        column.getTableView().refresh(); // the tooltips follow the reasons
    }

    /**
     * "0.392909", a distance "5.700 mm" (three decimals: a hundredth of a voxel, and the unit stays in view), or in
     * short why there is no value, as the slice's column says it (the full reason is the cell's tooltip).
     */
    static String text(VolumeEvaluation.Value v) {
        if (!Double.isNaN(v.value())) {
            return v.unit().isEmpty() ? String.format(Locale.ROOT, "%.6f", v.value())
                    : String.format(Locale.ROOT, "%.3f %s", v.value(), v.unit());
        }
        LossSpec<SegmentationData> spec = spec(v.name());
        if (v.message().equals(spec.name() + " " + spec.requirement())) {
            return spec.requirement();
        }
        return v.message().equals(VolumeEvaluation.PLANAR_ONLY) ? "2-D only" : "n/a";
    }

    @SuppressWarnings("unchecked")
    private static LossSpec<SegmentationData> spec(String name) {
        return (LossSpec<SegmentationData>) LossRegistry.get(name);
    }

    /** The column's text for an entry (tests). */
    String text(String name) {
        return texts.get(name).get();
    }

    /** The value shown for an entry, unrounded (NaN: none, or not computed yet; tests). */
    double value(String name) {
        return values.getOrDefault(name, Double.NaN);
    }

    /** Why an entry has no volume value, or "" (tests). */
    String reason(String name) {
        return reasons.getOrDefault(name, "");
    }

    TableColumn<LossRow, String> column() {
        return column;
    }

    @Override
    public void close() {
        latest.incrementAndGet();
        worker.close();
    }
}
