package org.losslab.app.seg;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.losslab.app.render.ColorBar;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.maps.MapKind;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.scene.Presets;

/**
 * The segmentation workspace: tools on the left, the canvas with its colour bar in the middle, the
 * map chooser, live values, the table of every loss and the parameter editor on the right. All
 * computation runs on background workers; results come back to the UI thread, newest first.
 */
public final class SegmentationWorkspace extends BorderPane implements org.losslab.app.Workspace {
    private final SegDocument doc;
    private final PaintCanvas canvas = new PaintCanvas();
    private final PaintController controller;
    private final FrameWorker frames;
    private final TableWorker tables;
    private final ColorBar colorBar = new ColorBar();
    private final PaintCanvas compareCanvas = new PaintCanvas();
    private final ColorBar compareBar = new ColorBar();
    private final ComboBox<MapKind> compare = new ComboBox<>();
    /** Keeps the colour bar's range while the user edits, so that colours compare across states. */
    private final javafx.scene.control.CheckBox lockRange = new javafx.scene.control.CheckBox("Lock colours");
    private TopKHatch topK;
    private double[] lockedRange;
    private final javafx.scene.layout.HBox canvases = new javafx.scene.layout.HBox(4);
    private final ComboBox<MapKind> layer = new ComboBox<>(FXCollections.observableArrayList(MapKind.values()));
    private final ComboBox<Integer> classChoice = new ComboBox<>();
    private final ObservableList<LossRow> rows = FXCollections.observableArrayList();
    private final TableView<LossRow> table = new TableView<>(rows);
    private final ParamSheet params;
    private final Label live = new Label();
    private final Label lesson = new Label();
    private final StringProperty cursorText = new SimpleStringProperty(this, "cursorText", "");
    private final StringProperty frameText = new SimpleStringProperty(this, "frameText", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final ReadOnlyIntegerWrapper shownRevision = new ReadOnlyIntegerWrapper(this, "shownRevision", -1);
    private final ReadOnlyIntegerWrapper tableRevision = new ReadOnlyIntegerWrapper(this, "tableRevision", -1);
    private final SimpleObjectProperty<FrameResult> lastFrame = new SimpleObjectProperty<>(this, "lastFrame");
    private final Map<String, LossRow> rowByName = new LinkedHashMap<>();
    private final ComboBox<Presets.Preset> presets = new ComboBox<>(FXCollections.observableArrayList(Presets.all()));
    private final org.losslab.app.ViewSettings view = new org.losslab.app.ViewSettings(KEY);
    private final javafx.beans.binding.StringBinding status = javafx.beans.binding.Bindings.createStringBinding(
            () -> cursorText.get().isEmpty() ? message.get() : cursorText.get(), cursorText, message);
    private final java.util.List<org.losslab.app.Action> actions;
    private final SegmentationActions commands;

    /** The key of this workspace's settings in a scene's app block. */
    public static final String KEY = "segmentation";

    public SegmentationWorkspace(SegDocument doc) {
        this.doc = doc;
        setId("segmentation-workspace");
        controller = new PaintController(doc, canvas);
        canvas.gesturesProperty().set(controller);
        frames = new FrameWorker(new org.losslab.app.FxLatest<>(r -> {
            try {
                showFrame(r);
            } finally {
                r.release().run();
            }
        }, r -> r.release().run()));
        tables = new TableWorker(new org.losslab.app.FxLatest<>(this::showTable));
        params = new ParamSheet(doc::params, (name, p) -> doc.setParams(name, p), message::set);
        layer.setId("layer-choice");
        layer.setValue(MapKind.GRAD_DICE);
        layer.setTooltip(new Tooltip("The heatmap under the masks: per-pixel losses, weights, gradients dL/dz, bands, errors"));
        layer.setCellFactory(v -> new KindCell());
        layer.setButtonCell(new KindCell());
        layer.valueProperty().addListener((o, a, b) -> {
            submit(null);
            submitShare();
        });
        compare.setId("compare-choice");
        compare.getItems().add(null);
        compare.getItems().addAll(MapKind.values());
        compare.setPromptText("Split view: compare with…");
        compare.setTooltip(new Tooltip("Show a second map beside the first (for example CE against the Dice gradient)"));
        compare.setCellFactory(v -> new KindCell());
        compare.setButtonCell(new KindCell());
        compare.valueProperty().addListener((o, a, b) -> {
            canvases.getChildren().setAll(b == null ? java.util.List.of(canvas) : java.util.List.of(canvas, compareCanvas));
            compareBar.setVisible(b != null);
            // the two halves share the width; refit once the layout has placed them
            Platform.runLater(canvas::fit);
            submit(null);
        });
        classChoice.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                controller.channelProperty().set(b);
                submit(null);
            }
        });
        for (var spec : LossRegistry.of(org.losslab.engine.Domains.SEGMENTATION)) {
            LossRow row = new LossRow(spec.name(), !spec.differentiable());
            rows.add(row);
            rowByName.put(spec.name(), row);
        }
        javafx.scene.control.ScrollPane toolScroll = new javafx.scene.control.ScrollPane(tools());
        toolScroll.setFitToWidth(true);
        toolScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        // a scroll bar that came and went would move the canvas under the cursor
        toolScroll.setVbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.ALWAYS);
        // whole pixels: the canvas beside it must start on a pixel, or its squares and the cursor disagree
        toolScroll.setPrefWidth(256);
        toolScroll.setMinWidth(180); // the window's minimum width is the sum of the panels' (the split view needs room)
        setLeft(toolScroll);
        topK = new TopKHatch(doc, canvas);
        setCenter(centre());
        // the panel scrolls rather than squeezing the table on a small screen or in presentation mode
        javafx.scene.control.ScrollPane sideScroll = new javafx.scene.control.ScrollPane(side());
        sideScroll.setFitToWidth(true);
        sideScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        sideScroll.setVbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.ALWAYS);
        sideScroll.setPrefWidth(378);
        sideScroll.setMinWidth(260);
        setRight(sideScroll);
        doc.revisionProperty().addListener((o, a, b) -> submit(doc.lastBox()));
        doc.dataProperty().addListener((o, a, b) -> sceneChanged());
        controller.onHover(this::updateCursor);
        sceneChanged();
        commands = new SegmentationActions(this);
        actions = commands.all();
        view.text("layer", layer.valueProperty(), MapKind::key, MapKind::parse)
                .text("compare", compare.valueProperty(), MapKind::key, MapKind::parse)
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
                .text("channel", classChoice.valueProperty(), String::valueOf, Integer::valueOf)
                .text("selected_loss", selectedLoss, s -> s, s -> rowByName.containsKey(s) ? s : null)
                .text("palette", palette, p -> p.name().toLowerCase(Locale.ROOT),
                        p -> org.losslab.app.render.ColorMaps.Palette.valueOf(p.toUpperCase(Locale.ROOT)));
        palette.addListener((o, a, b) -> {
            org.losslab.app.render.ColorMaps.setMagnitudePalette(b);
            submit(null);
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> selectedLoss.set(row == null ? null : row.name()));
        selectedLoss.addListener((o, a, name) -> submitShare());
        selectedLoss.addListener((o, a, name) -> {
            if (name != null && rowByName.containsKey(name)) {
                // selected and scrolled into view: a lesson pointing at a row off-screen must not leave it unseen
                table.getSelectionModel().select(rowByName.get(name));
                int index = rows.indexOf(rowByName.get(name));
                table.scrollTo(Math.max(0, index - 2));
            }
        });
    }

    private final javafx.beans.property.ObjectProperty<String> selectedLoss = new SimpleObjectProperty<>(this, "selectedLoss");
    private ExplainWindow explain;

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
    /** The palette of magnitude maps (viridis, or cividis for readers with a colour-vision deficiency). */
    private final javafx.beans.property.ObjectProperty<org.losslab.app.render.ColorMaps.Palette> palette =
            new SimpleObjectProperty<>(this, "palette", org.losslab.app.render.ColorMaps.magnitudePalette());

    public javafx.beans.property.ObjectProperty<org.losslab.app.render.ColorMaps.Palette> paletteProperty() {
        return palette;
    }

    private static final class KindCell extends ListCell<MapKind> {
        @Override
        protected void updateItem(MapKind item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? "" : item == null ? "Split view: off" : item.title());
        }
    }

    private VBox tools() {
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
        Button rename = new Button("Name…");
        rename.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        rename.setId("rename-class");
        rename.setTooltip(new Tooltip("Give the chosen class a name (saved with the scene)"));
        rename.setOnAction(e -> {
            Integer k = classChoice.getValue();
            if (k == null) {
                return;
            }
            javafx.scene.control.TextInputDialog dialog = new javafx.scene.control.TextInputDialog(doc.className(k));
            dialog.setHeaderText("Name of class " + k);
            dialog.showAndWait().ifPresent(name -> {
                doc.renameClass(k, name.trim());
                Integer keep = classChoice.getValue();
                classChoice.setValue(null);
                classChoice.setValue(keep);
            });
        });
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
        box.getChildren().addAll(new Separator(), new Label("Paint"), target, prediction, new Label("Class / channel"),
                new HBox(6, classChoice, rename), sizeLabel, size, probabilityLabel, probability, hardnessLabel, hardness,
                new Separator());
        painting = box;
        VBox all = new VBox(6, box, confidenceLabel, confidenceSlider(), new Separator(), new Label("Presets"), presets, lesson);
        box.setPadding(Insets.EMPTY);
        all.setPadding(new Insets(8));
        return all;
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
            SegMode mode = doc.data().mode();
            int colourIndex = mode == SegMode.MULTICLASS ? item : item;
            int c = org.losslab.app.render.ColorMaps.CLASSES[colourIndex % org.losslab.app.render.ColorMaps.CLASSES.length];
            javafx.scene.shape.Rectangle swatch = new javafx.scene.shape.Rectangle(12, 12,
                    javafx.scene.paint.Color.rgb((c >> 16) & 255, (c >> 8) & 255, c & 255));
            swatch.setStroke(javafx.scene.paint.Color.GRAY);
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

    private final Label confidenceLabel = new Label("Confidence x1.00 (drag: scale every logit)");
    private final Slider confidence = new Slider(-2, 2, 0);
    private double[] confidenceBase;
    private boolean resettingConfidence;

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

    /** The confidence slider (x0.25 to x4, logarithmic). */
    public Slider confidenceControl() {
        return confidence;
    }

    /** Opens a built-in scene at a size. */
    public void loadPreset(Presets.Preset p, int size) {
        doc.replace(p.create(size), p.key());
        message.set("Preset: " + p.title());
    }

    private static Slider slider(double min, double max, double value, String tip) {
        Slider s = new Slider(min, max, value);
        s.setTooltip(new Tooltip(tip));
        return s;
    }

    private BorderPane centre() {
        compareCanvas.setId("compare-canvas");
        compareCanvas.follow(canvas);
        // the second pane reads out under the cursor too (it does not paint)
        compareCanvas.gesturesProperty().set(new PaintCanvas.Gestures() {
            @Override
            public void press(double y, double x, boolean secondary) {
            }

            @Override
            public void drag(double y, double x) {
                controller.hover(y, x);
            }

            @Override
            public void release(double y, double x) {
            }

            @Override
            public void hover(double y, double x) {
                controller.hover(y, x);
            }
        });
        canvas.setPrefWidth(100);
        compareCanvas.setPrefWidth(100);
        javafx.scene.layout.HBox.setHgrow(canvas, Priority.ALWAYS);
        javafx.scene.layout.HBox.setHgrow(compareCanvas, Priority.ALWAYS);
        canvases.getChildren().setAll(canvas);
        BorderPane pane = new BorderPane(canvases);
        compareBar.setVisible(false);
        compareBar.managedProperty().bind(compareBar.visibleProperty()); // no room taken while hidden
        lockRange.setId("lock-range");
        lockRange.setTextFill(javafx.scene.paint.Color.WHITE);
        lockRange.setTooltip(new Tooltip("Keep the colour bar's range while you edit, so that colours compare across "
                + "states (values beyond it saturate)"));
        lockRange.selectedProperty().addListener((o, a, locked) -> {
            FrameResult shown = lastFrame.get();
            lockedRange = locked && shown != null ? new double[] {shown.heatmap().low(), shown.heatmap().high()} : null;
            submit(null);
        });
        layer.valueProperty().addListener((o, a, b) -> lockRange.setSelected(false)); // another map, another range
        HBox bar = new HBox(8, colorBar, new VBox(4, lockRange, topK.toggle()), compareBar);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4));
        bar.setStyle("-fx-background-color: #2b2b2b;");
        pane.setBottom(bar);
        return pane;
    }

    private VBox side() {
        Slider heatOpacity = slider(0, 1, 1, "Opacity of the heatmap");
        canvas.heatmapOpacityProperty().bindBidirectional(heatOpacity.valueProperty());
        Slider targetOpacity = slider(0, 1, canvas.targetOpacityProperty().get(), "Opacity of the ground truth's outline");
        canvas.targetOpacityProperty().bindBidirectional(targetOpacity.valueProperty());
        Slider predictionOpacity = slider(0, 1, canvas.predictionOpacityProperty().get(),
                "Opacity of the prediction: its dashed outline over a heatmap, its fill without one (V)");
        canvas.predictionOpacityProperty().bindBidirectional(predictionOpacity.valueProperty());
        // a map of boundary pixels lies under the outlines: dim them while it is shown, and give them back after
        layer.valueProperty().addListener((o, before, now) -> {
            boolean was = before != null && before.onBoundary();
            boolean is = now != null && now.onBoundary();
            if (is && !was) {
                outlineOpacities = new double[] {targetOpacity.getValue(), predictionOpacity.getValue()};
                targetOpacity.setValue(0.2);
                predictionOpacity.setValue(0.2);
            } else if (was && !is && outlineOpacities != null) {
                targetOpacity.setValue(outlineOpacities[0]);
                predictionOpacity.setValue(outlineOpacities[1]);
            }
        });
        live.setId("live-values");
        live.setWrapText(true);
        live.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        live.setStyle("-fx-font-family: monospace;");
        TableColumn<LossRow, String> name = new TableColumn<>("Loss / metric");
        name.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().name() + (c.getValue().metric() ? " (metric)" : "")));
        name.setPrefWidth(170);
        TableColumn<LossRow, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> javafx.beans.binding.Bindings.createStringBinding(
                () -> format(c.getValue().valueProperty().get(), c.getValue()), c.getValue().valueProperty(), c.getValue().messageProperty()));
        value.setPrefWidth(90);
        // a value that cannot be computed says why (for example "needs a multiclass scene") under the cursor
        value.setCellFactory(column -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                LossRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                String why = row == null ? "" : row.messageProperty().get();
                setTooltip(why.isEmpty() ? null : new Tooltip(why));
            }
        });
        TableColumn<LossRow, String> pinned = new TableColumn<>("Pinned");
        pinned.setCellValueFactory(c -> javafx.beans.binding.Bindings.createStringBinding(() -> {
            double v = c.getValue().pinnedProperty().get();
            return Double.isNaN(v) ? "" : ColorBar.format(v);
        }, c.getValue().pinnedProperty()));
        pinned.setPrefWidth(80);
        table.getColumns().setAll(java.util.List.of(name, value, pinned));
        table.setId("loss-table");
        table.setPrefHeight(230); // room below for the parameters of the selected loss (sliders)
        table.setTooltip(new Tooltip("Every loss and metric of the registry on this scene; select one to edit its parameters"));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null) {
                params.show(LossRegistry.get(row.name()), doc.params(row.name()));
            }
        });
        Button pin = new Button("Pin values");
        pin.setId("pin");
        pin.setTooltip(new Tooltip("Keep the current values in the Pinned column to compare after an edit"));
        pin.setOnAction(e -> rows.forEach(r -> r.pinnedProperty().set(r.valueProperty().get())));
        Button explainButton = new Button("Explain… (X)");
        explainButton.setId("explain");
        explainButton.setTooltip(new Tooltip("Take the selected number apart: its counts, score, per-class losses, weights and "
                + "reduction as a waterfall, with the pixels of each line"));
        explainButton.setOnAction(e -> explainSelected());
        VBox.setVgrow(params, Priority.ALWAYS);
        gradientShare.setId("gradient-share");
        gradientShare.setWrapText(true);
        gradientShare.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        gradientShare.setTooltip(new Tooltip("First line: the foreground's counts as the soft losses see them (sums of "
                + "probabilities) and as the metrics do (at threshold 0.5). Second: the selected loss's total |dL/dz| on true "
                + "positives, false positives, misses and the true background: where its gradient goes"));
        VBox opacities = new VBox(6, new Label("Heatmap opacity (V toggles)"), heatOpacity,
                new Label("Ground-truth opacity"), targetOpacity, new Label("Prediction opacity"), predictionOpacity);
        VBox liveBlock = new VBox(6, new Separator(Orientation.HORIZONTAL),
                new Label("Live (defaults, ignore " + org.losslab.engine.seg.SegParams.IGNORED_LABEL + ")"), live);
        foldable.add(opacities);
        foldable.add(liveBlock);
        table.setMinHeight(150); // a few rows stay in view however crowded the panel
        VBox box = new VBox(6, new Label("Heatmap"), layer, compare, opacities, liveBlock, table,
                new HBox(6, pin, explainButton), gradientShare, params);
        box.setPadding(new Insets(8));
        box.setPrefWidth(360);
        box.setMinWidth(300);
        box.setMaxWidth(Region.USE_PREF_SIZE);
        table.setMinWidth(0);
        params.setMinWidth(0);
        params.setMinHeight(200); // at least six parameter rows in view: alpha and beta of Tversky without scrolling
        return box;
    }

    /** A row's value; one that cannot be computed says why in short (the full message is its tooltip). */
    @SuppressWarnings("unchecked")
    private String format(double v, LossRow row) {
        if (Double.isNaN(v)) {
            if (row.messageProperty().get().isEmpty()) {
                return "…";
            }
            var spec = (org.losslab.engine.LossSpec<SegmentationData>) LossRegistry.get(row.name());
            return spec.appliesTo(doc.data()) ? "n/a" : spec.requirement();
        }
        return String.format(Locale.ROOT, "%.6f", v);
    }

    /** True while the preset box is set to follow the scene (which must not load the preset again). */
    private boolean followingScene;

    private void sceneChanged() {
        SegmentationData d = doc.data();
        // the preset box names the scene shown: a painted, opened or blank scene is no preset
        followingScene = true;
        presets.setValue(Presets.all().stream().filter(p -> p.key().equals(doc.preset())).findFirst().orElse(null));
        followingScene = false;
        lesson.setText(Presets.all().stream().filter(p -> p.key().equals(doc.preset())).findFirst()
                .map(Presets.Preset::lesson).orElse(""));
        canvas.resizeImages(d.width(), d.height());
        ObservableList<Integer> classes = FXCollections.observableArrayList();
        int first = d.mode() == SegMode.MULTICLASS ? 0 : 1;
        int last = d.mode() == SegMode.MULTICLASS ? d.channels() - 1 : d.mode() == SegMode.MULTILABEL ? d.channels() : 1;
        for (int c = first; c <= last; c++) {
            classes.add(c);
        }
        classChoice.setItems(classes);
        classChoice.setValue(Math.min(last, Math.max(first, 1)));
        TableView.TableViewSelectionModel<LossRow> sel = table.getSelectionModel();
        if (sel.getSelectedItem() == null && !rows.isEmpty()) {
            sel.select(0);
        }
    }

    private FrameWorker.View view() {
        SegmentationData d = doc.data();
        int channel = d.mode() == SegMode.MULTILABEL ? Math.max(0, controller.channelProperty().get() - 1)
                : d.mode() == SegMode.MULTICLASS ? controller.channelProperty().get() : 0;
        return new FrameWorker.View(layer.getValue(), channel, Map.copyOf(doc.params()), compare.getValue(),
                lockRange.isSelected() && lockedRange != null ? lockedRange.clone() : null);
    }

    private void submit(int[] box) {
        frames.submitBox(doc.data(), box, view(), doc.revisionProperty().get());
    }

    /**
     * The table follows the frame: it starts once the heatmap is on screen, so that it never delays it,
     * and while the user paints it is recomputed at most every {@link #TABLE_INTERVAL_MS} ms (the whole
     * registry takes tens of milliseconds on a large scene: every frame would starve the brush). The last
     * state of a stroke is always computed.
     */
    private void submitTable() {
        if (tableTimer.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            return; // the timer submits the newest revision when it fires
        }
        int revision = doc.revisionProperty().get();
        if (revision != tableRequested) {
            tableRequested = revision;
            tables.submit(doc.data(), doc.params(), revision);
            tableTimer.playFromStart();
        }
    }

    static final int TABLE_INTERVAL_MS = 250;
    private int tableRequested = -1;
    private final javafx.animation.PauseTransition tableTimer = new javafx.animation.PauseTransition(
            javafx.util.Duration.millis(TABLE_INTERVAL_MS));

    {
        tableTimer.setOnFinished(e -> submitTable());
    }

    private void showFrame(FrameResult r) {
        if (r.heatmap() == null) {
            message.set("The map could not be computed for this scene");
            submitTable();
            return;
        }
        if (r.target().length != doc.data().pixels() || r.revision() < shownRevision.get()) {
            return; // computed for an older scene or state: a newer frame is coming
        }
        canvas.show(r.heatmap().argb(), r.target(), r.prediction(), r.predictionContour());
        topK.refresh();
        colorBar.show(r.heatmap());
        if (r.compared() != null) {
            compareCanvas.resizeImages(doc.data().width(), doc.data().height());
            compareCanvas.show(r.compared().argb(), r.target(), r.prediction(), r.predictionContour());
            compareBar.show(r.compared());
        }
        StringBuilder s = new StringBuilder();
        r.live().forEach((k, v) -> s.append(String.format(Locale.ROOT, "%-13s %.6f%n", k, v)));
        live.setText(s.length() > 0 ? s.toString().trim() : doc.data().mode() != SegMode.BINARY
                ? "Live values are computed for binary scenes; the table below has every value for this one."
                : "Live values are off for these parameters (the fast frame knows smp's defaults only); the table "
                        + "below has every value with yours.");
        frameText.set(String.format(Locale.ROOT, "frame %.1f ms", r.millis()));
        lastFrame.set(detached(r));
        shownRevision.set(r.revision());
        updateCursor();
        submitTable();
    }

    /**
     * The frame as shown, out of the worker's arrays (which it reuses): the map's values copied for the
     * read-out, its colours those the canvases already keep (shown just before), not copied again.
     */
    private FrameResult detached(FrameResult r) {
        shownPlane = Buffers.keep(shownPlane, r.mapValues());
        org.losslab.app.render.MapImage shown = r.heatmap().withPixels(canvas.heatPixels());
        org.losslab.app.render.MapImage compared = r.compared() == null ? null
                : r.compared().withPixels(compareCanvas.heatPixels());
        shownComparePlane = r.compared() == null ? shownComparePlane : Buffers.keep(shownComparePlane, r.comparedValues());
        return new FrameResult(r.revision(), shown, shownPlane, null, null, null, r.live(), r.millis(), compared,
                r.compared() == null ? null : shownComparePlane, r.factors(), () -> { });
    }


    private double[] shownPlane;
    private double[] shownComparePlane;

    private void showTable(TableWorker.Table t) {
        if (t.revision() < tableRevision.get()) {
            return;
        }
        for (TableWorker.Row row : t.rows()) {
            LossRow r = rowByName.get(row.name());
            if (r != null) {
                r.messageProperty().set(row.message());
                r.valueProperty().set(row.value());
            }
        }
        tableRevision.set(t.revision());
        submitShare();
    }

    private final Label gradientShare = new Label();
    /** The outlines' opacities before a boundary map dimmed them. */
    private double[] outlineOpacities;
    private final org.losslab.app.LatestWins shares = new org.losslab.app.LatestWins("losslab-gradient-share");
    private final org.losslab.app.FxLatest<String> shareShown = new org.losslab.app.FxLatest<>(gradientShare::setText);
    private final org.losslab.app.FxLatest<List<int[]>> segmentsShown = new org.losslab.app.FxLatest<>(
            segments -> canvas.setSegments(segments, javafx.scene.paint.Color.web("#FF3B30"),
                    "where the Hausdorff distance is realised, both directions"));

    /**
     * Where each directed Hausdorff distance is realised on the shown channel (prediction at 0.5 against
     * the target): from the farthest edge pixel to its nearest edge pixel on the other mask.
     */
    static List<int[]> hausdorffSegments(SegmentationData scene, int channel) {
        try {
            org.losslab.engine.seg.Labels labels = org.losslab.engine.seg.Labels.of(scene,
                    (long) org.losslab.engine.seg.SegParams.IGNORED_LABEL, "hausdorff");
            boolean[] predicted = org.losslab.engine.distance.MaskChannels.predicted(scene, channel, 0.5);
            boolean[] truth = org.losslab.engine.distance.MaskChannels.truth(labels, channel, scene.pixels());
            List<int[]> out = new java.util.ArrayList<>();
            int[] forward = org.losslab.engine.distance.SurfaceDistances.farthestPair(predicted, truth, scene.height(),
                    scene.width());
            int[] backward = org.losslab.engine.distance.SurfaceDistances.farthestPair(truth, predicted, scene.height(),
                    scene.width());
            if (forward != null) {
                out.add(forward);
            }
            if (backward != null) {
                out.add(backward);
            }
            return out;
        } catch (org.losslab.engine.EngineException e) {
            return List.of();
        }
    }

    /** The segments drawn over the canvas (where HD is realised, with the boundary-distance map). */
    public List<int[]> shownSegments() {
        return canvas.segments();
    }

    /**
     * Off the JavaFX thread: the soft and hard counts, where the selected loss's gradient goes, and, with
     * the boundary-distance map, where the Hausdorff distance is realised.
     */
    private void submitShare() {
        // the selected loss, or the table's first (the one the parameter sheet shows before any selection)
        String name = selectedLoss.get() != null ? selectedLoss.get() : rows.isEmpty() ? null : rows.get(0).name();
        @SuppressWarnings("unchecked")
        var spec = name != null && org.losslab.engine.LossRegistry.contains(name)
                && org.losslab.engine.LossRegistry.get(name).differentiable()
                ? (org.losslab.engine.LossSpec<SegmentationData>) org.losslab.engine.LossRegistry.get(name) : null;
        SegmentationData scene = doc.data().copy();
        var params = spec == null ? null : doc.params(name);
        boolean hausdorff = layer.getValue() == MapKind.EDGE_DISTANCE || layer.getValue() == MapKind.NSD_MARGIN;
        int channel = view().channel();
        double threshold = thresholdOf(name);
        shares.submit(() -> {
            shareShown.accept(countsText(scene, threshold) + (spec == null ? "" : "\n" + shareText(spec, scene, params)));
            segmentsShown.accept(hausdorff ? hausdorffSegments(scene, channel) : List.of());
        });
    }

    static String shareText(org.losslab.engine.LossSpec<SegmentationData> spec, SegmentationData scene,
                            org.losslab.engine.Params params) {
        if (!spec.appliesTo(scene)) {
            return "";
        }
        try {
            double[] g = spec.evaluate(scene, params, true).gradient().get("prediction");
            var s = org.losslab.engine.train.GradientShare.of(scene, g);
            double total = s.total() == 0 ? 1 : s.total();
            return String.format(Locale.ROOT, "|d%s/dz| on TP %.0f%%  FP %.0f%%  FN %.0f%%  TN %.0f%%", spec.name(),
                    100 * s.tp() / total, 100 * s.fp() / total, 100 * s.fn() / total, 100 * s.tn() / total);
        } catch (org.losslab.engine.EngineException e) {
            return "";
        }
    }

    /** The threshold of the selected entry (a metric's), which the hard counts then follow; 0.5 for the others. */
    private double thresholdOf(String name) {
        if (name == null || !LossRegistry.contains(name) || LossRegistry.get(name).params().stream()
                .noneMatch(p -> p.name().equals("threshold"))) {
            return 0.5;
        }
        Object t = doc.params(name).raw("threshold");
        return t instanceof Double d ? d : 0.5;
    }

    /**
     * The foreground's counts as the soft losses see them (sums of probabilities) and as the metrics do
     * (thresholded at the selected metric's threshold): the gap between soft Dice and the Dice score in two lines.
     */
    static String countsText(SegmentationData scene, double threshold) {
        try {
            double[] soft = org.losslab.engine.sweep.SoftCounts.of(scene);
            var hard = org.losslab.engine.seg.ConfusionCounts.of(scene, threshold,
                    (long) org.losslab.engine.seg.SegParams.IGNORED_LABEL, "counts");
            int c = scene.mode() == SegMode.MULTICLASS ? 1 : 0;
            return String.format(Locale.ROOT, "soft TP %.1f FP %.1f FN %.1f | hard (p >= %.2f) TP %d FP %d FN %d", soft[0],
                    soft[1], soft[2], threshold, hard.tp[c], hard.fp[c], hard.fn[c]);
        } catch (org.losslab.engine.EngineException e) {
            return "";
        }
    }

    /** The gradient-share line under the table. */
    public String gradientShareText() {
        return gradientShare.getText();
    }

    private void updateCursor() {
        SegmentationData d = doc.data();
        int y = (int) Math.floor(controller.hoverY());
        int x = (int) Math.floor(controller.hoverX());
        if (y < 0 || x < 0 || y >= d.height() || x >= d.width()) {
            cursorText.set("");
            return;
        }
        FrameResult r = lastFrame.get();
        if (r != null && (stale(r.mapValues(), d) || stale(r.comparedValues(), d))) {
            // the frame of a scene of another size (a resize or an undo while it computed): read the scene only
            r = null;
        }
        var focal = doc.params("focal");
        var readings = org.losslab.engine.maps.PixelReadout.at(d, y, x, r == null ? null : r.factors(),
                focal.number("gamma"), focal.optionalNumber("alpha"), r == null ? null : r.heatmap().kind(),
                r == null ? null : r.mapValues());
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "x %d  y %d", x, y));
        for (var reading : readings) {
            s.append("  ").append(reading.name()).append(' ');
            switch (reading.kind()) {
                case CLASS -> {
                    int k = (int) reading.value();
                    s.append(k < 0 ? "ignored" : d.mode() == SegMode.BINARY ? Integer.toString(k) : k + " " + doc.className(k));
                }
                case PROBABILITY -> s.append(String.format(Locale.ROOT, "%.4f", reading.value()));
                case VALUE -> s.append(ColorBar.format(reading.value()));
            }
        }
        if (r != null && r.compared() != null && r.comparedValues() != null) {
            // the split view's second map at the same pixel, whichever pane the cursor is in
            s.append("  |  ").append(r.compared().kind().key()).append(' ')
                    .append(ColorBar.format(r.comparedValues()[y * d.width() + x]));
        }
        cursorText.set(s.toString());
    }

    private static boolean stale(double[] values, SegmentationData d) {
        return values != null && values.length != d.pixels();
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
        return compare;
    }

    public PaintCanvas compareCanvas() {
        return compareCanvas;
    }

    /** The TopK hatch's switch (for tests). */
    public javafx.scene.control.CheckBox topKHatchToggle() {
        return topK.toggle();
    }

    /** The loss selected in the table (null: none). */
    public javafx.beans.property.ReadOnlyObjectProperty<String> selectedLossProperty() {
        return selectedLoss;
    }

    /**
     * Presentation mode folds the painting tools, the opacity sliders and the live list away; the confidence slider
     * and the presets stay when the lesson step asks the audience to act.
     */
    public void foldTools(boolean fold, boolean keepSceneControls) {
        List<javafx.scene.Node> parts = new java.util.ArrayList<>(foldable);
        parts.add(painting);
        for (javafx.scene.Node n : parts) {
            n.setVisible(!fold);
            n.setManaged(!fold);
        }
        boolean hideAll = fold && !keepSceneControls;
        getLeft().setVisible(!hideAll);
        getLeft().setManaged(!hideAll);
    }

    /** The painting tools (brushes, target or prediction, class, brush sliders): folded in presentation mode. */
    private VBox painting;

    /** What presentation mode folds away besides the tools: the opacity sliders and the live list (the table has it). */
    private final List<javafx.scene.Node> foldable = new java.util.ArrayList<>();

    /** Selects a loss in the table: its parameters appear in the sheet below it. */
    public void selectLoss(String name) {
        selectedLoss.set(name);
    }

    public ComboBox<MapKind> layerChoice() {
        return layer;
    }

    public ObservableList<LossRow> rows() {
        return rows;
    }

    public LossRow row(String name) {
        return rowByName.get(name);
    }

    public StringProperty cursorTextProperty() {
        return cursorText;
    }

    public StringProperty frameTextProperty() {
        return frameText;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** The revision whose heatmap is on screen. */
    public ReadOnlyIntegerProperty shownRevisionProperty() {
        return shownRevision.getReadOnlyProperty();
    }

    /** The revision whose values are in the table. */
    public ReadOnlyIntegerProperty tableRevisionProperty() {
        return tableRevision.getReadOnlyProperty();
    }

    public FrameResult lastFrame() {
        return lastFrame.get();
    }

    public Label liveLabel() {
        return live;
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
        org.losslab.app.Dialogs.error(header, text);
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
    public javafx.scene.Node node() {
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
    public java.util.List<org.losslab.app.Action> actions() {
        return actions;
    }

    @Override
    public org.losslab.scene.Scene writeTo(org.losslab.scene.Scene scene) {
        return view.writeTo(org.losslab.app.SceneAdapter.toScene(doc, scene));
    }

    @Override
    public void restoreFrom(org.losslab.scene.Scene scene) {
        if (scene.block(org.losslab.engine.Domains.SEGMENTATION).isPresent()) {
            org.losslab.app.SceneAdapter.load(scene, doc);
        }
        view.restoreFrom(scene);
    }

    /** The document whole (its history included) and the view's settings. */
    private record State(SegDocument.State document, com.fasterxml.jackson.databind.node.ObjectNode view) {
    }

    @Override
    public Object saveState() {
        return new State(doc.state(), view.toJson());
    }

    @Override
    public void restoreState(Object state) {
        State s = (State) state;
        doc.restore(s.document());
        view.apply(s.view());
        if (!s.document().dirty()) {
            view.markSaved();
        }
    }

    @Override
    public javafx.beans.value.ObservableBooleanValue dirty() {
        return doc.dirtyProperty();
    }

    @Override
    public void markSaved() {
        doc.markSaved();
        view.markSaved();
    }

    @Override
    public javafx.beans.value.ObservableStringValue status() {
        return status;
    }

    /** The view settings as saved in a scene (for tests and the app block). */
    public org.losslab.app.ViewSettings viewSettings() {
        return view;
    }

    @Override
    public void close() {
        if (explain != null) {
            explain.close();
        }
        tableTimer.stop();
        frames.close();
        tables.close();
        shares.close();
    }
}
