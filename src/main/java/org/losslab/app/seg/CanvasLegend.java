package org.losslab.app.seg;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import org.losslab.app.render.ColorBar;
import org.losslab.app.render.ColorMaps;

/** The canvas's own legend: which outline is the ground truth and which the prediction. */
public final class CanvasLegend extends VBox {
    private final BooleanProperty heatmapShown = new SimpleBooleanProperty(this, "heatmapShown", true);
    private final Label predictionText = new Label();
    /** Multiclass and multilabel scenes outline each class in its own colour, not in white and magenta. */
    private final BooleanProperty classColoured = new SimpleBooleanProperty(this, "classColoured", false);
    /** The error map is the prediction itself (TP and FP coloured): no outline is drawn over it to look for. */
    private final BooleanProperty errorMap = new SimpleBooleanProperty(this, "errorMap", false);

    public CanvasLegend() {
        super(2);
        setId("canvas-legend");
        setPadding(new Insets(4, 8, 4, 8));
        setStyle("-fx-background-color: rgba(20,20,20,0.8); -fx-background-radius: 4;");
        Line truth = new Line(0, 0, 22, 0);
        truth.setStroke(Color.WHITE);
        truth.setStrokeWidth(2);
        Line predicted = new Line(0, 0, 22, 0);
        Color binaryPrediction = ColorBar.argb(Overlays.BINARY_PREDICTION_COLOUR);
        predicted.setStrokeWidth(2);
        predicted.getStrokeDashArray().addAll(4.0, 4.0);
        Color classColour = ColorBar.argb(ColorMaps.CLASSES[1]);
        truth.strokeProperty().bind(Bindings.when(classColoured).then(classColour).otherwise(Color.WHITE));
        predicted.strokeProperty().bind(Bindings.when(classColoured).then(classColour).otherwise(binaryPrediction));
        Label truthText = new Label();
        truthText.textProperty().bind(Bindings.when(classColoured)
                .then("ground truth: solid, in each class's colour").otherwise("ground truth: solid white"));
        truthText.setTextFill(Color.WHITE);
        predictionText.setTextFill(Color.WHITE);
        predictionText.textProperty().bind(Bindings.when(heatmapShown.and(errorMap))
                .then("prediction: its TP and FP colours (no outline)")
                .otherwise(Bindings.when(heatmapShown)
                .then(Bindings.when(classColoured).then("prediction (argmax): dashed, class colour and black")
                        .otherwise("prediction (p = 0.5): magenta dashes"))
                .otherwise("prediction: fill = probability")));
        predicted.visibleProperty().bind(heatmapShown.and(errorMap).not());
        HBox first = new HBox(6, truth, truthText);
        HBox second = new HBox(6, predicted, predictionText);
        first.setAlignment(Pos.CENTER_LEFT);
        second.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(first, second);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    }

    public BooleanProperty heatmapShownProperty() {
        return heatmapShown;
    }

    /** True while the error map is shown: the prediction is its colours, not an outline. */
    public BooleanProperty errorMapProperty() {
        return errorMap;
    }

    /** True for scenes whose outlines take their class's colour (multiclass, multilabel). */
    public BooleanProperty classColouredProperty() {
        return classColoured;
    }

    /** The prediction's line of the legend, as shown. */
    public String predictionText() {
        return predictionText.getText();
    }
}
