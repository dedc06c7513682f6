package org.losslab.app.seg;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.losslab.app.render.ColorMaps;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.scene.Presets;

/**
 * The segmentation workspace's left panel: the painting tools (brushes, target or prediction, class, brush sliders),
 * the confidence slider, and the presets with the caption of the one shown.
 */
final class ToolsPanel extends VBox {
    private final SegDocument doc;
    private final PaintCanvas canvas;
    private final PaintController controller;
    private final Consumer<String> message;
    private final ComboBox<Integer> classChoice = new ComboBox<>();
    private final ComboBox<Presets.Preset> presets = new ComboBox<>(FXCollections.observableArrayList(Presets.all()));
    private final Label lesson = new Label();
    private final Label confidenceLabel = new Label("Confidence x1.00 (drag: scale every logit)");
    private final Slider confidence = new Slider(-2, 2, 0);
    private double[] confidenceBase;
    private boolean resettingConfidence;
    /** True while the preset box is set to follow the scene (which must not load the preset again). */
    private boolean followingScene;
    /** The painting tools (brushes, target or prediction, class, brush sliders): folded in presentation mode. */
    private final VBox painting;

    ToolsPanel(SegDocument doc, PaintCanvas canvas, PaintController controller, Consumer<String> message) {
        super(6);
        this.doc = doc;
        this.canvas = canvas;
        this.controller = controller;
        this.message = message;
        painting = paintingTools();
        getChildren().addAll(painting, confidenceLabel, confidenceSlider(), new Separator(), new Label("Presets"),
                presets(), lesson);
        painting.setPadding(Insets.EMPTY);
        setPadding(new Insets(8));
    }

    private VBox paintingTools() {
        ToggleGroup group = new ToggleGroup();
        VBox box = new VBox(6);
        box.setPadding(new Insets(8));
        box.setPrefWidth(240);
        box.setMinWidth(220);
        box.setMaxWidth(Region.USE_PREF_SIZE);
        box.getChildren().add(new Label("Tools"));
        for (Tool t : Tool.values()) {
            ToggleButton b = new ToggleButton(t.title + "  (" + t.key.getName() + ")");
            b.setId("tool-" + t.name().toLowerCase(Locale.ROOT));
            b.setMaxWidth(Double.MAX_VALUE);
            b.setToggleGroup(group);
            b.setTooltip(new Tooltip(t.title + ": key " + t.key.getName()
                    + (t == Tool.BRUSH ? "; hold Alt or right-drag to erase" : "")));
            b.setSelected(controller.toolProperty().get() == t);
            b.setOnAction(e -> controller.toolProperty().set(t));
            controller.toolProperty().addListener((o, a, now) -> b.setSelected(now == t));
            box.getChildren().add(b);
        }
        ToggleGroup layerGroup = new ToggleGroup();
        ToggleButton target = new ToggleButton("Ground truth (T)");
        ToggleButton prediction = new ToggleButton("Prediction (P)");
        target.setId("edit-target");
        prediction.setId("edit-prediction");
        target.setToggleGroup(layerGroup);
        prediction.setToggleGroup(layerGroup);
        target.setTooltip(new Tooltip("Paint the ground-truth mask (key T)"));
        prediction.setTooltip(new Tooltip("Paint the predicted probability (key P)"));
        prediction.setSelected(true);
        target.setOnAction(e -> controller.editTargetProperty().set(true));
        prediction.setOnAction(e -> controller.editTargetProperty().set(false));
        controller.editTargetProperty().addListener((o, a, b) -> {
            target.setSelected(b);
            prediction.setSelected(!b);
        });
        Slider size = slider(1, 100, canvas.brushRadiusProperty().get(), "Brush radius in pixels ([ and ])");
        size.valueProperty().bindBidirectional(canvas.brushRadiusProperty());
        Label sizeLabel = new Label();
        sizeLabel.textProperty().bind(canvas.brushRadiusProperty().asString(Locale.ROOT, "Brush radius %.0f px"));
        Slider probability = slider(0, 1, controller.probabilityProperty().get(),
                "Probability the prediction brush paints for the class");
        probability.valueProperty().bindBidirectional(controller.probabilityProperty());
        Label probabilityLabel = new Label();
        probabilityLabel.textProperty().bind(controller.probabilityProperty().asString(Locale.ROOT, "Probability %.2f"));
        Slider hardness = slider(0, 1, controller.hardnessProperty().get(), "Share of the radius painted at full strength (feather)");
        hardness.valueProperty().bindBidirectional(controller.hardnessProperty());
        Label hardnessLabel = new Label();
        hardnessLabel.textProperty().bind(controller.hardnessProperty().asString(Locale.ROOT, "Hardness %.2f"));
        classChoice.setId("class-choice");
        classChoice.setTooltip(new Tooltip("The class (or label channel) the tools paint and the maps show"));
        classChoice.setCellFactory(v -> new ClassCell());
        classChoice.setButtonCell(new ClassCell());
        box.getChildren().addAll(new Separator(), new Label("Paint"), target, prediction, new Label("Class / channel"),
                new HBox(6, classChoice, renameButton()), sizeLabel, size, probabilityLabel, probability, hardnessLabel,
                hardness, new Separator());
        return box;
    }

    private Button renameButton() {
        Button rename = new Button("Name…");
        rename.setMinWidth(Region.USE_PREF_SIZE);
        rename.setId("rename-class");
        rename.setTooltip(new Tooltip("Give the chosen class a name (saved with the scene)"));
        rename.setOnAction(e -> {
            Integer k = classChoice.getValue();
            if (k == null) {
                return;
            }
            TextInputDialog dialog = new TextInputDialog(doc.className(k));
            dialog.setHeaderText("Name of class " + k);
            dialog.showAndWait().ifPresent(name -> {
                doc.renameClass(k, name.trim());
                Integer keep = classChoice.getValue();
                classChoice.setValue(null);
                classChoice.setValue(keep);
            });
        });
        return rename;
    }

    private ComboBox<Presets.Preset> presets() {
        presets.setId("preset-choice");
        presets.setPromptText("Open a preset");
        presets.setMaxWidth(Double.MAX_VALUE);
        presets.setTooltip(new Tooltip("Built-in scenes, each teaching one thing"));
        presets.setCellFactory(v -> new PresetCell());
        presets.setButtonCell(new PresetCell());
        presets.setOnAction(e -> {
            Presets.Preset p = presets.getValue();
            if (p != null && !followingScene) {
                loadPreset(p, doc.data().width());
            }
        });
        lesson.setWrapText(true);
        lesson.setId("lesson");
        return presets;
    }

    /** A class with its colour swatch and name. */
    private final class ClassCell extends ListCell<Integer> {
        @Override
        protected void updateItem(Integer item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText("");
                setGraphic(null);
                return;
            }
            int c = ColorMaps.CLASSES[item % ColorMaps.CLASSES.length];
            Rectangle swatch = new Rectangle(12, 12, Color.rgb((c >> 16) & 255, (c >> 8) & 255, c & 255));
            swatch.setStroke(Color.GRAY);
            setGraphic(swatch);
            setText(item + ": " + doc.className(item));
        }
    }

    private static final class PresetCell extends ListCell<Presets.Preset> {
        @Override
        protected void updateItem(Presets.Preset item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? "" : item.title());
            setTooltip(empty || item == null ? null : new Tooltip(item.lesson()));
        }
    }

    /**
     * A slider that scales every logit by 2^position (x0.25 to x4) while it is dragged, live, and makes
     * the drag one undo step when released: softer or sharper predictions at a glance.
     */
    private Slider confidenceSlider() {
        confidence.setId("confidence-slider");
        confidence.setTooltip(new Tooltip("Multiply every logit: left softens the prediction towards p = 0.5, right sharpens it"));
        confidence.valueProperty().addListener((o, a, b) -> {
            double factor = Math.pow(2, b.doubleValue());
            confidenceLabel.setText(String.format(Locale.ROOT, "Confidence x%.2f (drag: scale every logit)", factor));
            if (resettingConfidence) {
                return;
            }
            if (confidenceBase == null) {
                confidenceBase = doc.data().prediction().clone();
            }
            double[] scaled = confidenceBase.clone();
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] *= factor;
            }
            doc.previewPrediction(scaled);
        });
        Runnable commit = () -> {
            if (confidenceBase != null) {
                double factor = Math.pow(2, confidence.getValue());
                doc.commitPreview(String.format(Locale.ROOT, "confidence x%.2f", factor), confidenceBase);
                confidenceBase = null;
                resettingConfidence = true;
                confidence.setValue(0); // the new scene is the reference of the next drag
                resettingConfidence = false;
            }
        };
        confidence.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) {
                commit.run();
            }
        });
        confidence.setOnMouseReleased(e -> commit.run());
        return confidence;
    }

    static Slider slider(double min, double max, double value, String tip) {
        Slider s = new Slider(min, max, value);
        s.setTooltip(new Tooltip(tip));
        return s;
    }

    /** Opens a built-in scene at a size. */
    void loadPreset(Presets.Preset p, int size) {
        doc.replace(p.create(size), p.key());
        message.accept("Preset: " + p.title());
    }

    /** The preset box and its caption name the scene shown: a painted, opened or blank scene is no preset. */
    void showPreset(String presetKey) {
        Presets.Preset shown = Presets.all().stream().filter(p -> p.key().equals(presetKey)).findFirst().orElse(null);
        followingScene = true;
        presets.setValue(shown);
        followingScene = false;
        lesson.setText(shown == null ? "" : shown.lesson());
    }

    /** The classes (or label channels) of a scene in the class box, the first foreground one chosen. */
    void showClasses(SegmentationData d) {
        ObservableList<Integer> classes = FXCollections.observableArrayList();
        int first = d.mode() == SegMode.MULTICLASS ? 0 : 1;
        int last = d.mode() == SegMode.MULTICLASS ? d.channels() - 1 : d.mode() == SegMode.MULTILABEL ? d.channels() : 1;
        for (int c = first; c <= last; c++) {
            classes.add(c);
        }
        Integer chosen = classChoice.getValue();
        if (!classes.equals(classChoice.getItems())) {
            classChoice.setItems(classes);
        }
        // another slice or scene of the same classes keeps the class the user chose (the volume's numbers follow it)
        classChoice.setValue(chosen != null && classes.contains(chosen) ? chosen : Math.min(last, Math.max(first, 1)));
    }

    ComboBox<Integer> classChoice() {
        return classChoice;
    }

    Slider confidence() {
        return confidence;
    }

    VBox painting() {
        return painting;
    }
}
