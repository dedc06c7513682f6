package org.losslab.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.controlsfx.control.StatusBar;
import org.losslab.app.seg.SegDocument;
import org.losslab.app.seg.SegmentationWorkspace;
import org.losslab.app.seg.Tool;
import org.losslab.engine.EngineException;
import org.losslab.engine.paint.MapOperations;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.scene.MaskImport;
import org.losslab.scene.NpyReader;
import org.losslab.scene.Presets;
import org.losslab.scene.SceneFiles;

/**
 * The main window: menus, the workspaces as tabs, and the status bar (cursor read-out, messages, zoom,
 * frame time). Actions are declared once and reached from menus and keys.
 */
public final class MainWindow extends BorderPane implements AutoCloseable {
    private final SegDocument doc;
    private final SegmentationWorkspace segmentation;
    private final org.losslab.app.plots.PlotsWorkspace plots;
    private final org.losslab.app.detect.DetectionWorkspace detection;
    private final TabPane tabs = new TabPane();
    private final StatusBar status = new StatusBar();
    private final Label zoomLabel = new Label();
    private final Label frameLabel = new Label();
    private Path file;
    private org.losslab.scene.Scene loadedScene;

    public MainWindow() {
        setId("main-window");
        doc = new SegDocument(Presets.standard().create(256), Presets.standard().key());
        segmentation = new SegmentationWorkspace(doc);
        Tab segTab = new Tab("Segmentation", segmentation);
        segTab.setClosable(false);
        tabs.getTabs().add(segTab);
        plots = new org.losslab.app.plots.PlotsWorkspace(doc);
        addWorkspace("Plots", plots);
        detection = new org.losslab.app.detect.DetectionWorkspace();
        addWorkspace("Detection", detection);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b.getContent() == plots) {
                plots.refresh();
            }
        });
        tabs.setId("workspaces");
        setTop(menus());
        setCenter(tabs);
        status.setId("status-bar");
        status.textProperty().bind(segmentation.cursorTextProperty().map(t -> t.isEmpty()
                ? segmentation.messageProperty().get() : t));
        segmentation.messageProperty().addListener((o, a, b) -> {
            if (segmentation.cursorTextProperty().get().isEmpty()) {
                status.textProperty().unbind();
                status.setText(b);
                status.textProperty().bind(segmentation.cursorTextProperty().map(t -> t.isEmpty()
                        ? segmentation.messageProperty().get() : t));
            }
        });
        zoomLabel.textProperty().bind(segmentation.canvas().zoomProperty().map(z ->
                String.format(Locale.ROOT, "zoom %.0f%%", 100 * z.doubleValue())));
        zoomLabel.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                segmentation.canvas().fit();
            }
        });
        zoomLabel.setId("zoom-label");
        frameLabel.textProperty().bind(segmentation.frameTextProperty());
        frameLabel.setId("frame-label");
        status.getRightItems().addAll(zoomLabel, new Label("  "), frameLabel);
        setBottom(status);
    }

    public SegmentationWorkspace segmentation() {
        return segmentation;
    }

    public org.losslab.app.plots.PlotsWorkspace plots() {
        return plots;
    }

    public org.losslab.app.detect.DetectionWorkspace detection() {
        return detection;
    }

    public TabPane tabs() {
        return tabs;
    }

    /** Adds a workspace tab (plots, detection). */
    public void addWorkspace(String title, javafx.scene.Node node) {
        Tab tab = new Tab(title, node);
        tab.setClosable(false);
        tabs.getTabs().add(tab);
    }

    private MenuBar menus() {
        Menu fileMenu = new Menu("_File");
        fileMenu.getItems().addAll(
                item("_New canvas…", "Ctrl+N", this::newCanvas),
                item("_Open scene…", "Ctrl+O", this::openDialog),
                item("_Save scene", "Ctrl+S", this::save),
                item("Save scene _as…", "Ctrl+Shift+S", this::saveAs),
                new SeparatorMenuItem(),
                item("Import mask (PNG)…", null, this::importMask),
                item("Import prediction (NumPy .npy)…", null, this::importNpy),
                item("Import background image (PNG, JPEG)…", null, this::importBackground),
                new SeparatorMenuItem(),
                item("Export canvas as PNG…", "Ctrl+E", this::exportPng),
                item("Export table as CSV…", null, this::exportCsv),
                new SeparatorMenuItem(),
                item("_Quit", "Ctrl+Q", () -> getScene().getWindow().fireEvent(
                        new javafx.stage.WindowEvent(getScene().getWindow(), javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST))));
        Menu edit = new Menu("_Edit");
        edit.getItems().addAll(
                item("_Undo", "Ctrl+Z", this::undo),
                item("_Redo", "Ctrl+Y", this::redo),
                new SeparatorMenuItem(),
                item("Confidence (scale logits)…", null, this::confidence),
                item("Blur prediction", null, () -> doc.setPrediction("blur", MapOperations.blur(doc.data(), 2))),
                item("Shift prediction…", null, this::shift),
                item("Dilate prediction", null, () -> doc.setPrediction("dilate", MapOperations.morph(doc.data(), 2, true))),
                item("Erode prediction", null, () -> doc.setPrediction("erode", MapOperations.morph(doc.data(), 2, false))),
                item("Copy target to prediction", null, () -> doc.setPrediction("copy target", MapOperations.fromTarget(doc.data()))),
                item("Invert prediction", null, () -> doc.setPrediction("invert", MapOperations.invert(doc.data()))),
                item("Clear prediction (p = 0.5)", null, () -> doc.setPrediction("clear", MapOperations.clear(doc.data()))));
        Menu view = new Menu("_View");
        view.getItems().addAll(
                item("Fit to window", "Ctrl+0", () -> segmentation.canvas().fit()),
                item("Zoom in", "Ctrl+Plus", () -> zoomBy(1.25)),
                item("Zoom out", "Ctrl+Minus", () -> zoomBy(0.8)),
                item("Toggle heatmap", null, segmentation::toggleHeatmap));
        Menu help = new Menu("_Help");
        help.getItems().addAll(item("Shortcuts", "F1", this::shortcuts), item("About LossLab", null, this::about));
        MenuBar bar = new MenuBar(fileMenu, edit, view, help);
        bar.setId("menu-bar");
        return bar;
    }

    private boolean detectionShown() {
        return tabs.getSelectionModel().getSelectedItem() != null
                && tabs.getSelectionModel().getSelectedItem().getContent() == detection;
    }

    private void undo() {
        if (detectionShown()) {
            detection.document().undo();
        } else {
            doc.undo();
        }
    }

    private void redo() {
        if (detectionShown()) {
            detection.document().redo();
        } else {
            doc.redo();
        }
    }

    private void zoomBy(double f) {
        var c = segmentation.canvas();
        c.zoomAround(f, c.getWidth() / 2, c.getHeight() / 2);
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    /** Keys that are not menu accelerators: tools, brush size, pan, overlay toggle. */
    public void installKeys(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() instanceof javafx.scene.control.TextInputControl) {
                return;
            }
            var controller = segmentation.controller();
            var radius = segmentation.canvas().brushRadiusProperty();
            if (new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN).match(e)) {
                redo();
                e.consume();
                return;
            }
            if (e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            if (detectionShown()) {
                if (e.getCode() == KeyCode.G || e.getCode() == KeyCode.P) {
                    detection.boxes().canvas().drawTruthProperty().set(e.getCode() == KeyCode.G);
                    e.consume();
                }
                return;
            }
            switch (e.getCode()) {
                case OPEN_BRACKET -> radius.set(Math.max(1, radius.get() / 1.25));
                case CLOSE_BRACKET -> radius.set(Math.min(200, radius.get() * 1.25));
                case V -> segmentation.toggleHeatmap();
                case T -> controller.editTargetProperty().set(true);
                case P -> controller.editTargetProperty().set(false);
                case SPACE -> segmentation.canvas().setSpaceDown(true);
                default -> {
                    for (Tool t : Tool.values()) {
                        if (t.key == e.getCode()) {
                            controller.toolProperty().set(t);
                        }
                    }
                    return;
                }
            }
            e.consume();
        });
        scene.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                segmentation.canvas().setSpaceDown(false);
            }
        });
    }

    private FileChooser chooser(String title, String description, String... patterns) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, patterns));
        if (file != null && file.getParent() != null) {
            c.setInitialDirectory(file.getParent().toFile());
        }
        return c;
    }

    private void newCanvas() {
        if (!confirmDiscard()) {
            return;
        }
        java.util.List<String> modes = new java.util.ArrayList<>(java.util.List.of("binary"));
        for (int k = 2; k <= 8; k++) {
            modes.add("multiclass (" + k + " classes)");
        }
        for (int k = 2; k <= 4; k++) {
            modes.add("multilabel (" + k + " labels)");
        }
        ChoiceDialog<String> mode = new ChoiceDialog<>("binary", modes);
        mode.setHeaderText("Mode of the new canvas");
        Optional<String> m = mode.showAndWait();
        if (m.isEmpty()) {
            return;
        }
        ChoiceDialog<Integer> size = new ChoiceDialog<>(256, 32, 64, 128, 256, 512, 1024);
        size.setHeaderText("Canvas size (pixels a side)");
        Optional<Integer> s = size.showAndWait();
        if (s.isEmpty()) {
            return;
        }
        int n = s.get();
        SegMode segMode = m.get().startsWith("binary") ? SegMode.BINARY : m.get().startsWith("multiclass") ? SegMode.MULTICLASS
                : SegMode.MULTILABEL;
        int channels = segMode == SegMode.BINARY ? 1 : Integer.parseInt(m.get().replaceAll("\\D", ""));
        int targetLength = segMode == SegMode.MULTILABEL ? channels * n * n : n * n;
        double[] logits = new double[channels * n * n];
        if (segMode != SegMode.MULTICLASS) {
            java.util.Arrays.fill(logits, -4);
        } else {
            for (int i = 0; i < n * n; i++) {
                logits[i] = 4;
            }
        }
        doc.replace(new SegmentationData(segMode, channels, n, n, logits, new int[targetLength]), "");
        file = null;
    }

    private void openDialog() {
        if (!confirmDiscard()) {
            return;
        }
        var chosen = chooser("Open scene", "LossLab scenes", "*.json").showOpenDialog(getScene().getWindow());
        if (chosen != null) {
            open(chosen.toPath());
        }
    }

    /** Opens a scene file; a file that cannot be read leaves the current scene as it is. */
    public boolean open(Path path) {
        try {
            org.losslab.scene.Scene scene = SceneFiles.read(path);
            if (scene.block(org.losslab.engine.Domains.SEGMENTATION).isPresent()) {
                SceneAdapter.load(scene, doc);
            }
            SceneAdapter.loadBoxes(scene, detection.document());
            loadedScene = scene;
            file = path;
            segmentation.messageProperty().set("Opened " + path.getFileName());
            return true;
        } catch (EngineException e) {
            error("Cannot open " + path.getFileName(), e.getMessage());
            return false;
        }
    }

    private void save() {
        if (file == null) {
            saveAs();
        } else {
            saveTo(file);
        }
    }

    private void saveAs() {
        var chosen = chooser("Save scene", "LossLab scenes", "*.json").showSaveDialog(getScene().getWindow());
        if (chosen != null) {
            saveTo(chosen.toPath());
        }
    }

    /** Writes the scene; on failure the previous file is untouched and the error shown. */
    public boolean saveTo(Path path) {
        try {
            SceneFiles.write(SceneAdapter.withBoxes(SceneAdapter.toScene(doc, loadedScene,
                    segmentation.layerChoice().getValue().key()), detection.document()), path);
            file = path;
            doc.markSaved();
            segmentation.messageProperty().set("Saved " + path.getFileName());
            return true;
        } catch (IOException | EngineException e) {
            error("Cannot save " + path.getFileName(), e.getMessage());
            return false;
        }
    }

    private void importMask() {
        var chosen = chooser("Import mask", "Images", "*.png", "*.jpg", "*.jpeg").showOpenDialog(getScene().getWindow());
        if (chosen == null) {
            return;
        }
        try {
            MaskImport.Mask mask = MaskImport.read(chosen.toPath());
            SegmentationData d = doc.data();
            if (mask.height() != d.height() || mask.width() != d.width()) {
                throw new EngineException("the mask is " + mask.width() + " x " + mask.height() + ", the canvas "
                        + d.width() + " x " + d.height());
            }
            int[] target = mask.labels();
            if (d.mode() == SegMode.BINARY) {
                for (int i = 0; i < target.length; i++) {
                    target[i] = target[i] == 255 ? 255 : target[i] > 0 ? 1 : 0;
                }
            }
            if (d.mode() == SegMode.MULTILABEL) {
                throw new EngineException("import a multilabel target as a scene file; PNG masks are one label per pixel");
            }
            doc.replace(new SegmentationData(d.mode(), d.channels(), d.height(), d.width(), d.prediction().clone(), target), doc.preset());
        } catch (EngineException e) {
            error("Cannot import " + chosen.getName(), e.getMessage());
        }
    }

    private void importBackground() {
        var chosen = chooser("Background image", "Images", "*.png", "*.jpg", "*.jpeg").showOpenDialog(getScene().getWindow());
        if (chosen == null) {
            return;
        }
        javafx.scene.image.Image image = new javafx.scene.image.Image(chosen.toURI().toString());
        if (image.isError()) {
            error("Cannot read " + chosen.getName(), String.valueOf(image.getException()));
            return;
        }
        segmentation.canvas().setBackground(image);
        segmentation.messageProperty().set("Background " + chosen.getName() + " (lower the heatmap opacity to see it)");
    }

    private void importNpy() {
        var chosen = chooser("Import prediction", "NumPy arrays", "*.npy").showOpenDialog(getScene().getWindow());
        if (chosen == null) {
            return;
        }
        try {
            importPrediction(NpyReader.read(chosen.toPath()));
        } catch (EngineException e) {
            error("Cannot import " + chosen.getName(), e.getMessage());
        }
    }

    /** Puts an array as the prediction: logits, or probabilities (all values in [0, 1]) turned into logits. */
    public void importPrediction(NpyReader.Array array) {
        SegmentationData d = doc.data();
        int[] s = array.shape();
        if (s[0] != d.channels() || s[1] != d.height() || s[2] != d.width()) {
            throw new EngineException("the array is " + s[0] + " x " + s[1] + " x " + s[2] + ", the scene needs "
                    + d.channels() + " x " + d.height() + " x " + d.width());
        }
        double[] v = array.values().clone();
        boolean probabilities = java.util.Arrays.stream(v).allMatch(x -> x >= 0 && x <= 1);
        if (probabilities) {
            for (int i = 0; i < v.length; i++) {
                double p = Math.min(1 - 1e-6, Math.max(1e-6, v[i]));
                v[i] = d.mode() == SegMode.MULTICLASS ? Math.log(p) : Math.log(p) - Math.log1p(-p);
            }
        }
        doc.setPrediction("import prediction", v);
    }

    private void exportPng() {
        var chosen = chooser("Export canvas", "PNG images", "*.png").showSaveDialog(getScene().getWindow());
        if (chosen != null) {
            try {
                var image = segmentation.snapshot(null, null);
                ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", chosen);
            } catch (IOException e) {
                error("Cannot export", e.getMessage());
            }
        }
    }

    private void exportCsv() {
        var chosen = chooser("Export table", "CSV", "*.csv").showSaveDialog(getScene().getWindow());
        if (chosen == null) {
            return;
        }
        StringBuilder csv = new StringBuilder("name,kind,value,pinned\n");
        segmentation.rows().forEach(r -> csv.append(r.name()).append(',').append(r.metric() ? "metric" : "loss").append(',')
                .append(r.valueProperty().get()).append(',').append(r.pinnedProperty().get()).append('\n'));
        try {
            Files.writeString(chosen.toPath(), csv.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            error("Cannot export", e.getMessage());
        }
    }

    private void confidence() {
        TextInputDialog d = new TextInputDialog("2");
        d.setHeaderText("Multiply every logit by (below 1 softens, above 1 sharpens):");
        d.showAndWait().ifPresent(text -> {
            try {
                doc.setPrediction("confidence x" + text, MapOperations.scale(doc.data(), Double.parseDouble(text.trim())));
            } catch (NumberFormatException e) {
                error("Not a number", text);
            }
        });
    }

    private void shift() {
        TextInputDialog d = new TextInputDialog("0 5");
        d.setHeaderText("Shift the prediction by dy dx pixels:");
        d.showAndWait().ifPresent(text -> {
            String[] parts = text.trim().split("[ ,]+");
            try {
                doc.setPrediction("shift", MapOperations.shift(doc.data(), Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
            } catch (RuntimeException e) {
                error("Give two whole numbers, dy and dx", text);
            }
        });
    }

    private void shortcuts() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setHeaderText("Shortcuts");
        a.setContentText(String.join("\n",
                "B brush, E eraser, F fill, R rectangle, O ellipse",
                "T paint ground truth, P paint prediction",
                "[ and ] brush size; Alt or right button erases",
                "Wheel zoom around the cursor; Space+drag or middle drag pans; Ctrl+0 fits",
                "V toggles the heatmap",
                "Ctrl+Z undo, Ctrl+Y or Ctrl+Shift+Z redo",
                "Ctrl+O open, Ctrl+S save, Ctrl+E export PNG",
                "Detection: G draw ground truth, P draw prediction; drag a box to move, its handles to resize",
                "  (Shift keeps the aspect ratio); arrows nudge (Shift: 10 px); Delete removes; Esc cancels;",
                "  Ctrl+click a ground-truth box to pair the selected prediction with it"));
        a.show();
    }

    private void about() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setHeaderText("LossLab");
        a.setContentText("See how segmentation and detection losses behave. Numbers as segmentation_models.pytorch and torchvision compute them.");
        a.show();
    }

    private void error(String header, String text) {
        segmentation.messageProperty().set(header + ": " + text);
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.setHeaderText(header);
        a.setContentText(text);
        a.show();
    }

    /** Asks before unsaved changes are lost; true when it is fine to go on. */
    public boolean confirmDiscard() {
        if (!doc.dirtyProperty().get()) {
            return true;
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "The scene has unsaved changes. Discard them?",
                ButtonType.YES, ButtonType.CANCEL);
        a.setHeaderText("Unsaved changes");
        return a.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
    }

    public void attach(Stage stage) {
        stage.setOnCloseRequest(e -> {
            if (!confirmDiscard()) {
                e.consume();
            } else {
                close();
                Platform.exit();
            }
        });
        doc.dirtyProperty().addListener((o, a, b) -> stage.setTitle("LossLab" + (b ? " *" : "")));
    }

    @Override
    public void close() {
        segmentation.close();
        plots.close();
        detection.close();
    }
}
