package org.losslab.app.seg;

import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.maps.MapKind;
import org.losslab.engine.seg.SegParams;

/**
 * The segmentation workspace's right panel: the map and the split view's map, the opacities, the live values,
 * the table of every loss with its pin and explain buttons, the gradient-share line and the parameter sheet.
 */
final class SidePanel extends VBox {
    private final ComboBox<MapKind> layer = new ComboBox<>(FXCollections.observableArrayList(MapKind.values()));
    private final ComboBox<MapKind> compare = new ComboBox<>();
    private final Label live = new Label();
    private final Label gradientShare = new Label();
    private final LossTable table;
    /** What presentation mode folds away: the opacity sliders and the live list (the table has it). */
    private final List<Node> foldable;
    /** The outlines' opacities before a boundary map dimmed them. */
    private double[] outlineOpacities;

    SidePanel(SegDocument doc, PaintCanvas canvas, ParamSheet params, Runnable explain) {
        super(6);
        table = new LossTable(doc);
        layer.setId("layer-choice");
        layer.setValue(MapKind.GRAD_DICE);
        layer.setTooltip(new Tooltip("The heatmap under the masks: per-pixel losses, weights, gradients dL/dz, bands, errors"));
        layer.setCellFactory(v -> new KindCell());
        layer.setButtonCell(new KindCell());
        compare.setId("compare-choice");
        compare.getItems().add(null);
        compare.getItems().addAll(MapKind.values());
        compare.setPromptText("Split view: compare with…");
        compare.setTooltip(new Tooltip("Show a second map beside the first (for example CE against the Dice gradient)"));
        compare.setCellFactory(v -> new KindCell());
        compare.setButtonCell(new KindCell());
        VBox opacities = opacities(canvas);
        live.setId("live-values");
        live.setWrapText(true);
        live.setMinHeight(Region.USE_PREF_SIZE);
        live.setStyle("-fx-font-family: monospace;");
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null) {
                params.show(LossRegistry.get(row.name()), doc.params(row.name()));
            }
        });
        doc.revisionProperty().addListener((o, a, b) -> params.follow(doc::params));
        Button pin = new Button("Pin values");
        pin.setId("pin");
        pin.setTooltip(new Tooltip("Keep the current values in the Pinned column to compare after an edit"));
        pin.setOnAction(e -> table.pin());
        Button explainButton = new Button("Explain… (X)");
        explainButton.setId("explain");
        explainButton.setTooltip(new Tooltip("Take the selected number apart: its counts, score, per-class losses, weights and "
                + "reduction as a waterfall, with the pixels of each line"));
        explainButton.setOnAction(e -> explain.run());
        VBox.setVgrow(params, Priority.ALWAYS);
        gradientShare.setId("gradient-share");
        gradientShare.setWrapText(true);
        gradientShare.setMinHeight(Region.USE_PREF_SIZE);
        gradientShare.setTooltip(new Tooltip("First line: the foreground's counts as the soft losses see them (sums of "
                + "probabilities) and as the metrics do (at threshold 0.5). Second: the selected loss's total |dL/dz| on true "
                + "positives, false positives, misses and the true background: where its gradient goes"));
        VBox liveBlock = new VBox(6, new Separator(Orientation.HORIZONTAL),
                new Label("Live (defaults, ignore " + SegParams.IGNORED_LABEL + ")"), live);
        foldable = List.of(opacities, liveBlock);
        // while a lesson's question hides rows, the counts and the live values (which give Dice away) wait too
        gradientShare.visibleProperty().bind(table.askingProperty().not());
        gradientShare.managedProperty().bind(gradientShare.visibleProperty());
        live.visibleProperty().bind(table.askingProperty().not());
        table.setMinHeight(150); // a few rows stay in view however crowded the panel
        getChildren().addAll(new Label("Heatmap"), layer, compare, opacities, liveBlock, table,
                new HBox(6, pin, explainButton), gradientShare, params);
        setPadding(new Insets(8));
        setPrefWidth(360);
        setMinWidth(300);
        setMaxWidth(Region.USE_PREF_SIZE);
        table.setMinWidth(0);
        params.setMinWidth(0);
        params.setMinHeight(200); // at least six parameter rows in view: alpha and beta of Tversky without scrolling
    }

    private VBox opacities(PaintCanvas canvas) {
        Slider heatOpacity = ToolsPanel.slider(0, 1, 1, "Opacity of the heatmap");
        canvas.heatmapOpacityProperty().bindBidirectional(heatOpacity.valueProperty());
        Slider targetOpacity = ToolsPanel.slider(0, 1, canvas.targetOpacityProperty().get(), "Opacity of the ground truth's outline");
        canvas.targetOpacityProperty().bindBidirectional(targetOpacity.valueProperty());
        Slider predictionOpacity = ToolsPanel.slider(0, 1, canvas.predictionOpacityProperty().get(),
                "Opacity of the prediction: its dashed outline over a heatmap, its fill without one (V)");
        canvas.predictionOpacityProperty().bindBidirectional(predictionOpacity.valueProperty());
        // the error map is the prediction itself, drawn without its outline: the legend says so
        canvas.legend().errorMapProperty().bind(layer.valueProperty().isEqualTo(MapKind.ERRORS));
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
        return new VBox(6, new Label("Heatmap opacity (V toggles)"), heatOpacity,
                new Label("Ground-truth opacity"), targetOpacity, new Label("Prediction opacity"), predictionOpacity);
    }

    private static final class KindCell extends ListCell<MapKind> {
        @Override
        protected void updateItem(MapKind item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? "" : item == null ? "Split view: off" : item.title());
        }
    }

    /** The live values of a frame, or why there are none. */
    void showLive(FrameResult r) {
        StringBuilder s = new StringBuilder();
        r.live().forEach((k, v) -> s.append(String.format(Locale.ROOT, "%-13s %.6f%n", k, v)));
        live.setText(s.length() > 0 ? s.toString().trim()
                : "No live value could be computed for this scene; the table below says why for each entry.");
    }

    ComboBox<MapKind> layer() {
        return layer;
    }

    ComboBox<MapKind> compare() {
        return compare;
    }

    Label live() {
        return live;
    }

    Label gradientShare() {
        return gradientShare;
    }

    LossTable table() {
        return table;
    }

    List<Node> foldable() {
        return foldable;
    }
}
