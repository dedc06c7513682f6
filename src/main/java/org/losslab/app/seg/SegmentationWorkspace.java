package org.losslab.app.seg;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Color;
import org.losslab.app.core.Action;
import org.losslab.app.core.Dialogs;
import org.losslab.app.core.ViewSettings;
import org.losslab.app.core.Workspace;
import org.losslab.app.render.ColorMaps;
import org.losslab.engine.Domains;
import org.losslab.engine.dataset.DatasetAudit;
import org.losslab.engine.maps.MapKind;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.scene.Presets;
import org.losslab.scene.Scene;

/**
 * The segmentation workspace: tools on the left ({@link ToolsPanel}), the canvas with its colour bar in the middle
 * ({@link CanvasArea}), the map chooser, live values, the table of every loss and the parameter editor on the right
 * ({@link SidePanel}). This class composes them and keeps the workspace's state (its document and view settings).
 * All computation runs on background workers ({@link FramePipeline}, {@link SceneReadouts}); results come back to the
 * UI thread, newest first.
 */
public final class SegmentationWorkspace extends BorderPane implements Workspace {
    /** The key of this workspace's settings in a scene's app block. */
    public static final String KEY = "segmentation";

    private final SegDocument doc;
    private final PaintCanvas canvas = new PaintCanvas();
    private final PaintController controller;
    private final FramePipeline frames;
    private final SceneReadouts readouts;
    private final ParamSheet params;
    private final ToolsPanel tools;
    private final CanvasArea canvasArea;
    private final SidePanel side;
    private final StringProperty cursorText = new SimpleStringProperty(this, "cursorText", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final ObjectProperty<String> selectedLoss = new SimpleObjectProperty<>(this, "selectedLoss");
    /** The palette of magnitude maps (viridis, or cividis for readers with a colour-vision deficiency). */
    private final ObjectProperty<ColorMaps.Palette> palette =
            new SimpleObjectProperty<>(this, "palette", ColorMaps.magnitudePalette());
    private final ViewSettings view = new ViewSettings(KEY);
    private final StringBinding status = Bindings.createStringBinding(
            () -> cursorText.get().isEmpty() ? message.get() : cursorText.get(), cursorText, message);
    private final List<Action> actions;
    private final SegmentationActions commands;
    private final VolumeSlices volume;
    private final VolumeBar volumeBar;
    private final VolumeTableColumn volumeColumn;
    private ExplainWindow explain;

    /** A workspace with its own NSD tolerance (the audit's default), as the headless render builds one. */
    public SegmentationWorkspace(SegDocument doc) {
        this(doc, new SimpleDoubleProperty(DatasetAudit.DEFAULT_TOLERANCE_MM));
    }

    /** @param nsdTolerance NSD's tolerance in mm of the volume view: the window's one value, which the audit sets */
    public SegmentationWorkspace(SegDocument doc, DoubleProperty nsdTolerance) {
        this.doc = doc;
        setId("segmentation-workspace");
        controller = new PaintController(doc, canvas);
        canvas.gesturesProperty().set(controller);
        params = new ParamSheet(doc::params, (name, p) -> doc.setParams(name, p), message::set);
        tools = new ToolsPanel(doc, canvas, controller, message::set);
        setLeft(scrolling(tools, 256, 180));
        canvasArea = new CanvasArea(doc, canvas, controller, this::lastFrame, () -> submit(null));
        setCenter(canvasArea);
        side = new SidePanel(doc, canvas, params, this::explainSelected);
        // the panel scrolls rather than squeezing the table on a small screen or in presentation mode
        setRight(scrolling(side, 378, 260));
        frames = new FramePipeline(doc, this::view,
                new WorkspaceScreen(doc, canvasArea, side, message::set, this::updateCursor, this::submitShare));
        readouts = new SceneReadouts(doc, side.gradientShare()::setText,
                segments -> canvas.setSegments(segments, Color.web("#FF3B30"),
                        "where the Hausdorff distance is realised, both directions"));
        side.layer().valueProperty().addListener((o, a, b) -> {
            submit(null);
            submitShare();
        });
        side.layer().valueProperty().addListener((o, a, b) -> canvasArea.unlock()); // another map, another range
        side.compare().valueProperty().addListener((o, a, b) -> {
            canvasArea.split(b != null);
            submit(null);
        });
        tools.classChoice().valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                controller.channelProperty().set(b);
                submit(null);
                submitShare(); // the counts line is of the class shown
            }
        });
        doc.revisionProperty().addListener((o, a, b) -> submit(doc.lastBox()));
        doc.dataProperty().addListener((o, a, b) -> sceneChanged());
        controller.onHover(this::updateCursor);
        sceneChanged();
        volume = new VolumeSlices(doc, canvas, controller.channelProperty(), nsdTolerance, message::set);
        volumeBar = new VolumeBar(volume, canvas, this::error);
        volumeColumn = new VolumeTableColumn(side.table(), volume, doc);
        canvasArea.setTop(volumeBar.bar());
        side.getChildren().add(side.getChildren().indexOf(side.table()), volumeBar.table());
        commands = new SegmentationActions(this);
        actions = new ArrayList<>(commands.all());
        actions.addAll(volumeBar.actions());
        LossTable table = side.table();
        view.text("layer", side.layer().valueProperty(), MapKind::key, MapKind::parse)
                .text("compare", side.compare().valueProperty(), MapKind::key, MapKind::parse)
                .number("heatmap_opacity", canvas.heatmapOpacityProperty())
                .number("target_opacity", canvas.targetOpacityProperty())
                .number("prediction_opacity", canvas.predictionOpacityProperty())
                .flag("heatmap_visible", canvas.heatmapShownProperty())
                .text("tool", controller.toolProperty(), t -> t.name().toLowerCase(Locale.ROOT),
                        t -> Tool.valueOf(t.toUpperCase(Locale.ROOT)))
                .flag("paint_target", controller.editTargetProperty())
                .number("brush_radius", canvas.brushRadiusProperty())
                .number("brush_probability", controller.probabilityProperty())
                .number("brush_hardness", controller.hardnessProperty())
                .text("channel", tools.classChoice().valueProperty(), String::valueOf, Integer::valueOf)
                .text("selected_loss", selectedLoss, s -> s, s -> table.row(s) != null ? s : null)
                .text("palette", palette, p -> p.name().toLowerCase(Locale.ROOT),
                        p -> ColorMaps.Palette.valueOf(p.toUpperCase(Locale.ROOT)));
        palette.addListener((o, a, b) -> {
            ColorMaps.setMagnitudePalette(b);
            submit(null);
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> selectedLoss.set(row == null ? null : row.name()));
        selectedLoss.addListener((o, a, name) -> submitShare());
        selectedLoss.addListener((o, a, name) -> table.reveal(name));
    }

    /** A panel in a vertical scroll pane of a fixed width (whole pixels: the canvas beside it must start on a pixel). */
    private static ScrollPane scrolling(Node panel, double width, double minWidth) {
        ScrollPane scroll = new ScrollPane(panel);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // a scroll bar that came and went would move the canvas under the cursor
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.ALWAYS);
        scroll.setPrefWidth(width);
        scroll.setMinWidth(minWidth); // the window's minimum width is the sum of the panels' (the split view needs room)
        return scroll;
    }

    private void sceneChanged() {
        SegmentationData d = doc.data();
        tools.showPreset(doc.preset());
        canvas.resizeImages(d.width(), d.height());
        tools.showClasses(d);
        canvas.legend().classColouredProperty().set(d.mode() != SegMode.BINARY);
        TableView.TableViewSelectionModel<LossRow> sel = side.table().getSelectionModel();
        if (sel.getSelectedItem() == null && !rows().isEmpty()) {
            sel.select(0);
        }
    }

    private FrameWorker.View view() {
        SegmentationData d = doc.data();
        int channel = d.mode() == SegMode.MULTILABEL ? Math.max(0, controller.channelProperty().get() - 1)
                : d.mode() == SegMode.MULTICLASS ? controller.channelProperty().get() : 0;
        return new FrameWorker.View(side.layer().getValue(), channel, Map.copyOf(doc.params()), side.compare().getValue(),
                canvasArea.lockedRange());
    }

    private void submit(int[] box) {
        frames.submit(box);
    }

    /** The counts, the gradient share of the selected loss and, with the boundary-distance map, the Hausdorff segments. */
    private void submitShare() {
        // the selected loss, or the table's first (the one the parameter sheet shows before any selection)
        String name = selectedLoss.get() != null ? selectedLoss.get() : rows().isEmpty() ? null : rows().get(0).name();
        MapKind shown = side.layer().getValue();
        readouts.submit(name, shown == MapKind.EDGE_DISTANCE || shown == MapKind.NSD_MARGIN, view().channel());
    }

    private void updateCursor() {
        cursorText.set(CursorReadout.at(doc, controller.hoverY(), controller.hoverX(), frames.lastFrame()));
    }

    /** Opens (or brings forward) the window that takes the selected table entry apart. */
    public void explainSelected() {
        if (explain == null) {
            explain = new ExplainWindow(getScene().getWindow(), doc, selectedLoss);
        }
        explain.show();
    }

    /** The explain window, once opened (null before). */
    public ExplainWindow explainWindow() {
        return explain;
    }

    public ObjectProperty<ColorMaps.Palette> paletteProperty() {
        return palette;
    }

    /** The confidence slider (x0.25 to x4, logarithmic). */
    public Slider confidenceControl() {
        return tools.confidence();
    }

    /**
     * Opens a volume case (a ground-truth and a predicted label volume, .nii or .nii.gz) as slices, on its middle
     * axial slice; refuses unreadable or mismatched files with a one-line reason (nothing changes then).
     */
    public void openVolumeCase(Path labels, Path prediction) {
        volume.open(VolumeSlices.read(labels, prediction));
    }

    VolumeSlices volume() {
        return volume;
    }

    VolumeTableColumn volumeColumn() {
        return volumeColumn;
    }

    VolumeBar volumeBar() {
        return volumeBar;
    }

    /** Opens a built-in scene at a size. */
    public void loadPreset(Presets.Preset p, int size) {
        tools.loadPreset(p, size);
    }

    /** The segments drawn over the canvas (where HD is realised, with the boundary-distance map). */
    public List<int[]> shownSegments() {
        return canvas.segments();
    }

    /** The gradient-share line under the table. */
    public String gradientShareText() {
        return side.gradientShare().getText();
    }

    public SegDocument document() {
        return doc;
    }

    public PaintCanvas canvas() {
        return canvas;
    }

    public PaintController controller() {
        return controller;
    }

    /** The split view's second map (null: no split). */
    public ComboBox<MapKind> compareChoice() {
        return side.compare();
    }

    public PaintCanvas compareCanvas() {
        return canvasArea.compareCanvas();
    }

    /** The TopK hatch's switch (for tests). */
    public CheckBox topKHatchToggle() {
        return canvasArea.topKHatchToggle();
    }

    /** The loss selected in the table (null: none). */
    public ReadOnlyObjectProperty<String> selectedLossProperty() {
        return selectedLoss;
    }

    /**
     * Presentation mode folds the painting tools, the opacity sliders and the live list away; the confidence slider
     * and the presets stay when the lesson step asks the audience to act.
     */
    public void foldTools(boolean fold, boolean keepSceneControls) {
        List<Node> parts = new ArrayList<>(side.foldable());
        parts.add(tools.painting());
        for (Node n : parts) {
            n.setVisible(!fold);
            n.setManaged(!fold);
        }
        boolean hideAll = fold && !keepSceneControls;
        getLeft().setVisible(!hideAll);
        getLeft().setManaged(!hideAll);
    }

    /** Selects a loss in the table: its parameters appear in the sheet below it. */
    public void selectLoss(String name) {
        selectedLoss.set(name);
    }

    /** Puts the rows a lesson step names first, marked; an empty list gives the registry's order back. */
    public void leadRows(List<String> names) {
        side.table().lead(names);
    }

    /** What a lesson marks here beyond the state it sets: the values it hides, the colour range its steps share. */
    public LessonMarks lessonMarks() {
        return new LessonMarks(side.table(), canvasArea);
    }

    public ComboBox<MapKind> layerChoice() {
        return side.layer();
    }

    public ObservableList<LossRow> rows() {
        return side.table().rows();
    }

    public LossRow row(String name) {
        return side.table().row(name);
    }

    public StringProperty cursorTextProperty() {
        return cursorText;
    }

    public StringProperty frameTextProperty() {
        return frames.frameTextProperty();
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** The revision whose heatmap is on screen. */
    public ReadOnlyIntegerProperty shownRevisionProperty() {
        return frames.shownRevisionProperty();
    }

    /** The revision whose values are in the table. */
    public ReadOnlyIntegerProperty tableRevisionProperty() {
        return frames.tableRevisionProperty();
    }

    public FrameResult lastFrame() {
        return frames.lastFrame();
    }

    public Label liveLabel() {
        return side.live();
    }

    public void toggleHeatmap() {
        canvas.heatmapShownProperty().set(!canvas.heatmapShownProperty().get());
    }

    /** Opens a new scene (a blank canvas), asking first if changes would be lost. */
    void newScene(SegmentationData data) {
        doc.replace(data, "");
        message.set("New " + data.mode().name().toLowerCase(Locale.ROOT) + " canvas " + data.width() + " x " + data.height());
    }

    /** Asks for the kind and size of a blank canvas and opens it; false when the user cancels. */
    public boolean newCanvasDialog() {
        return commands.newCanvas();
    }

    /** Shows an error in a dialog and in the status bar; the scene is as it was. */
    void error(String header, String text) {
        message.set(header + ": " + text);
        Dialogs.error(header, text);
    }

    @Override
    public String title() {
        return "Segmentation";
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public void undo() {
        doc.undo();
    }

    @Override
    public void redo() {
        doc.redo();
    }

    @Override
    public List<Action> actions() {
        return actions;
    }

    @Override
    public Scene writeTo(Scene scene) {
        return view.writeTo(SegSceneAdapter.toScene(doc, scene));
    }

    @Override
    public void restoreFrom(Scene scene) {
        if (scene.block(Domains.SEGMENTATION).isPresent()) {
            SegSceneAdapter.load(scene, doc);
        }
        view.restoreFrom(scene);
    }

    /** The document whole (its history included) and the view's settings. */
    private record State(SegDocument.State document, ObjectNode view, ObjectNode viewBaseline, VolumeSlices.State volume) {
    }

    @Override
    public Object saveState() {
        return new State(doc.state(), view.toJson(), view.baseline(), volume.state());
    }

    @Override
    public void restoreState(Object state) {
        State s = (State) state;
        doc.restore(s.document());
        view.apply(s.view());
        volume.restore(s.volume());
        view.restoreBaseline(s.viewBaseline()); // what was unsaved stays unsaved (a save during a lesson marks it saved)
    }

    @Override
    public ObservableBooleanValue dirty() {
        return doc.dirtyProperty();
    }

    @Override
    public void markSaved() {
        doc.markSaved();
        view.markSaved();
    }

    @Override
    public void openedFrom(org.losslab.scene.Scene opened) {
        doc.markSaved();
        view.takeBaselineFrom(opened);
    }

    @Override
    public ObservableStringValue status() {
        return status;
    }

    /** The view settings as saved in a scene (for tests and the app block). */
    public ViewSettings viewSettings() {
        return view;
    }

    @Override
    public void close() {
        if (explain != null) {
            explain.close();
        }
        frames.close();
        readouts.close();
        volume.close();
        volumeColumn.close();
    }
}
