package org.losslab.app.seg;

import static org.losslab.app.core.Action.plain;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.util.StringConverter;
import org.losslab.app.core.Action;
import org.losslab.app.core.Dialogs;
import org.losslab.engine.dataset.ClassNumbers;
import org.losslab.engine.volume.SliceAxis;
import org.losslab.engine.volume.SlicePlane;

/**
 * The controls of a volume case: the axis, the slice slider (Ctrl/Cmd + wheel over the canvas and Page Up / Page
 * Down move through slices, as in napari and ITK-SNAP), the slice's pixel size, "Go to where HD is realised", and
 * the table of the shown class's numbers on the volume beside those of the slice. Hidden while no case is open.
 */
final class VolumeBar {
    private final VolumeSlices slices;
    private final HBox bar;
    private final GridPane table = new GridPane();
    private final Slider slider = new Slider(0, 0, 0);
    private final Label where = new Label();
    private final Label[][] cells = new Label[5][2];
    /** How the case was read: hard labels or probabilities, its orientation. */
    private final Label reading = new Label();
    private final OrientationEdges edges;
    private final ChoiceBox<SliceAxis> axis = new ChoiceBox<>();
    private final BiConsumer<String, String> error;
    private boolean syncing;

    /**
     * @param error shows a file's refusal (a header and a one-line reason)
     */
    VolumeBar(VolumeSlices slices, PaintCanvas canvas, BiConsumer<String, String> error) {
        this.slices = slices;
        this.error = error;
        edges = new OrientationEdges(canvas);
        axis.getItems().setAll(SliceAxis.values());
        axis.setId("volume-axis");
        axis.setConverter(planeNames());
        axis.valueProperty().bindBidirectional(slices.axisProperty());
        axis.setTooltip(new Tooltip("The plane the volume is cut along, from the header's affine (the array axis closest to "
                + "the patient's axis, as nibabel's aff2axcodes), shown radiologically: axial with anterior up and the patient's "
                + "right on the screen's left, coronal and sagittal with superior up (sagittal: anterior on the left). Without "
                + "an orientation in the header: the array's own axes. Pixels are drawn with the voxels' true aspect"));
        slider.setId("volume-slice");
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setTooltip(new Tooltip("The slice shown (Ctrl/Cmd + wheel over the canvas, Page Up / Page Down). Slice and voxel "
                + "indices count from 0 everywhere in LossLab, as nibabel and numpy index the array (ITK-SNAP's slice display "
                + "counts from 1: add 1)"));
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.valueProperty().addListener((o, a, b) -> {
            if (!syncing) {
                slices.indexProperty().set((int) Math.round(b.doubleValue()));
            }
        });
        slices.indexProperty().addListener(o -> refresh());
        slices.axisProperty().addListener(o -> refresh());
        slices.openedProperty().addListener(o -> {
            axis.setConverter(planeNames()); // the names follow the case's orientation
            refresh();
        });
        Button hd = new Button("Go to HD (G)");
        hd.setId("volume-go-to-hd");
        hd.setTooltip(new Tooltip("Go to where HD is realised: shows the slice of the volume's farthest edge voxel and the line to its nearest edge "
                + "voxel on the other mask (magenta)"));
        hd.setOnAction(e -> slices.goToHausdorff(false));
        Button hd95 = new Button("HD95 (Shift+G)");
        hd95.setId("volume-go-to-hd95");
        hd95.setTooltip(new Tooltip("Shows where HD95 is reached: in the direction whose 95th percentile is HD95, the edge "
                + "voxel with the smallest distance at or above it, and the line to its nearest voxel on the other mask"));
        hd95.setOnAction(e -> slices.goToHausdorff(true));
        where.setId("volume-where");
        where.setTextFill(Color.WHITE);
        Label title = new Label("Volume");
        title.setTextFill(Color.WHITE);
        bar = new HBox(8, title, axis, slider, where, hd, hd95);
        bar.setAlignment(Pos.CENTER_LEFT);
        for (Node n : bar.getChildren()) {
            if (n != slider) {
                ((Region) n).setMinWidth(Region.USE_PREF_SIZE); // the slider gives way
            }
        }
        bar.setPadding(new Insets(4));
        bar.setStyle("-fx-background-color: #2b2b2b;");
        buildTable();
        for (Node n : List.of(bar, table)) {
            n.visibleProperty().bind(slices.openedProperty().isNotNull());
            n.managedProperty().bind(n.visibleProperty());
        }
        slices.numbersProperty().addListener((o, a, n) -> showNumbers(n));
        // Ctrl (Cmd on a Mac) + wheel moves through slices instead of zooming, as in napari
        canvas.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.isShortcutDown() && slices.openedProperty().get() != null && e.getDeltaY() != 0) {
                slices.step(e.getDeltaY() > 0 ? 1 : -1);
                e.consume();
            }
        });
        refresh();
    }

    private void buildTable() {
        table.setId("volume-numbers");
        table.setHgap(12);
        table.setVgap(2);
        table.setPadding(new Insets(4, 0, 4, 0));
        table.add(new Label("Shown class"), 0, 0);
        table.add(new Label("volume"), 1, 0);
        table.add(new Label("this slice"), 2, 0);
        String[] names = {"Dice", "HD95", "HD", "ASSD", "NSD"};
        for (int r = 0; r < names.length; r++) {
            Label name = new Label(names[r]);
            if (r == 4) {
                name.setId("volume-nsd-name");
                name.textProperty().bind(slices.toleranceProperty().asString(Locale.ROOT, "NSD (%.3g mm)"));
                name.setTooltip(new Tooltip("NSD's tolerance is the Audit's setting (default 1 mm, CONTRACTS_V3)"));
            }
            table.add(name, 0, r + 1);
            for (int c = 0; c < 2; c++) {
                cells[r][c] = new Label("-");
                cells[r][c].setStyle("-fx-font-family: monospace;");
                table.add(cells[r][c], c + 1, r + 1);
            }
        }
        Label hausdorff = new Label();
        hausdorff.setId("volume-hd-text");
        hausdorff.setWrapText(true);
        hausdorff.setMaxWidth(340);
        hausdorff.textProperty().bind(slices.hausdorffTextProperty());
        table.add(hausdorff, 0, names.length + 1, 3, 1);
        reading.setId("volume-reading");
        reading.setWrapText(true);
        reading.setMaxWidth(340);
        table.add(reading, 0, names.length + 2, 3, 1);
        Tooltip.install(table, new Tooltip("The class painted, on the whole volume (3-D distances with the voxel spacing) "
                + "and on the shown slice alone (2-D, with the slice's pixel spacing); distances in mm, MONAI's edges"));
    }

    private void refresh() {
        VolumeSlices.Opened o = slices.openedProperty().get();
        if (o == null) {
            edges.show(null);
            return;
        }
        SliceAxis a = slices.axisProperty().get();
        SlicePlane plane = o.pair().plane(a);
        int[] shape = o.pair().labels().shape();
        syncing = true;
        slider.setMax(Math.max(0, plane.count(shape) - 1));
        slider.setValue(slices.indexProperty().get());
        syncing = false;
        double[] mm = plane.spacing(o.pair().labels().spacing());
        where.setText(String.format(Locale.ROOT, "slice %s = %d (0 .. %d)   pixels %s x %s mm (w x h)", "zyx".charAt(plane.fixedAxis()),
                slices.indexProperty().get(), plane.count(shape) - 1, fmt(mm[1]), fmt(mm[0])));
        reading.setText("Prediction read as " + o.reading());
        edges.show(plane.edges());
    }

    private void showNumbers(VolumeSlices.Numbers n) {
        List<ToDoubleFunction<ClassNumbers>> values = List.of(ClassNumbers::dice, ClassNumbers::hd95, ClassNumbers::hd,
                ClassNumbers::assd, ClassNumbers::nsd);
        ((Label) table.getChildren().get(0)).setText(n == null ? "Shown class" : "Class " + n.k());
        for (int r = 0; r < values.size(); r++) {
            cells[r][0].setText(cell(n == null ? null : n.volume(), values.get(r), r == 1 || r == 2 || r == 3));
            cells[r][1].setText(cell(n == null ? null : n.slice(), values.get(r), r == 1 || r == 2 || r == 3));
        }
    }

    private static String cell(ClassNumbers numbers, ToDoubleFunction<ClassNumbers> value, boolean mm) {
        if (numbers == null) {
            return "…";
        }
        double v = value.applyAsDouble(numbers);
        if (Double.isNaN(v)) {
            return "- (absent)";
        }
        if (Double.isInfinite(v)) {
            return "inf (" + (numbers.nPred() == 0 ? "missed" : "no truth") + ")";
        }
        return mm ? String.format(Locale.ROOT, "%.2f mm", v) : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** The planes' names: anatomical from the case's orientation, the array's axes without one. */
    private StringConverter<SliceAxis> planeNames() {
        VolumeSlices.Opened o = slices.openedProperty().get();
        boolean oriented = o == null || o.pair().orientation().known();
        return new StringConverter<>() {
            @Override
            public String toString(SliceAxis a) {
                if (a == null) {
                    return "";
                }
                String name = a.key().substring(0, 1).toUpperCase(Locale.ROOT) + a.key().substring(1);
                return oriented ? name : "Array " + "zyx".charAt(a.fixedAxis()) + " (no orientation)";
            }

            @Override
            public SliceAxis fromString(String s) {
                return null;
            }
        };
    }

    /** The patient direction shown at an edge of the canvas (0 top, 1 bottom, 2 left, 3 right); empty without one. */
    String edgeText(int edge) {
        return edges.text(edge);
    }

    /** The plane choice's text for an axis. */
    String axisName(SliceAxis a) {
        return axis.getConverter().toString(a);
    }

    /** The slice line ("slice z = 4 (0 .. 7) ..."). */
    String whereText() {
        return where.getText();
    }

    String readingText() {
        return reading.getText();
    }

    /** Asks for the two volumes and reads them off the JavaFX thread (a CT takes seconds to inflate). */
    private void openDialog() {
        Optional<Path> labels = Dialogs.open(bar, "Volume case: the ground-truth labels", "NIfTI volumes", "*.nii", "*.nii.gz");
        if (labels.isEmpty()) {
            return;
        }
        Optional<Path> prediction = Dialogs.open(bar, "Volume case: the predicted labels", "NIfTI volumes", "*.nii", "*.nii.gz");
        if (prediction.isEmpty()) {
            return;
        }
        Thread reader = new Thread(() -> {
            try {
                VolumeSlices.Opened o = VolumeSlices.read(labels.get(), prediction.get());
                Platform.runLater(() -> slices.open(o));
            } catch (RuntimeException e) { // SceneException, EngineException: one line naming the file
                Platform.runLater(() -> error.accept("Cannot open the volume case", e.getMessage()));
            }
        }, "losslab-volume-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The keys: Page Up / Page Down (previous / next slice), G and Shift+G (go to where HD, HD95 are reached). */
    List<Action> actions() {
        return List.of(Action.menu("File", "Open volume case (NIfTI labels and prediction)…", this::openDialog),
                Action.key("Previous slice", "volume cases; also Ctrl/Cmd + wheel over the canvas",
                        () -> slices.step(-1), plain(KeyCode.PAGE_UP)),
                Action.key("Next slice", "volume cases", () -> slices.step(1), plain(KeyCode.PAGE_DOWN)),
                Action.key("Go to where HD is realised", "volume cases: the slice and the line of the volume's Hausdorff distance",
                        () -> slices.goToHausdorff(false), plain(KeyCode.G)),
                Action.key("Go to where HD95 is reached", "volume cases: the voxel at HD95's percentile and its line",
                        () -> slices.goToHausdorff(true), new KeyCodeCombination(KeyCode.G, KeyCombination.SHIFT_DOWN)));
    }

    /** The axis, slider and buttons (above the canvas). */
    Node bar() {
        return bar;
    }

    /** The volume's numbers beside the slice's (in the side panel). */
    Node table() {
        return table;
    }

    Slider slider() {
        return slider;
    }

    /** The table's cell of a row (0 Dice, 1 HD95, 2 HD, 3 ASSD, 4 NSD) and column (0 volume, 1 slice). */
    String cellText(int row, int column) {
        return cells[row][column].getText();
    }
}
