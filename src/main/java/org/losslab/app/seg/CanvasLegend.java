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

/** The canvas's own legend: which outline is the ground truth and which the prediction. */
public final class CanvasLegend extends VBox {
    private final BooleanProperty heatmapShown = new SimpleBooleanProperty(this, "heatmapShown", true);
    private final Label predictionText = new Label();

    public CanvasLegend() {
        super(2);
        setId("canvas-legend");
        setPadding(new Insets(4, 8, 4, 8));
        setStyle("-fx-background-color: rgba(20,20,20,0.8); -fx-background-radius: 4;");
        Line truth = new Line(0, 0, 22, 0);
        truth.setStroke(Color.WHITE);
        truth.setStrokeWidth(2);
        Line predicted = new Line(0, 0, 22, 0);
        predicted.setStroke(Color.web("#FFD700"));
        predicted.setStrokeWidth(2);
        predicted.getStrokeDashArray().addAll(4.0, 4.0);
        Label truthText = new Label("ground truth");
        truthText.setTextFill(Color.WHITE);
        predictionText.setTextFill(Color.WHITE);
        predictionText.textProperty().bind(Bindings.when(heatmapShown)
                .then("prediction (p = 0.5)").otherwise("prediction: fill = probability"));
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

    /** The prediction's line of the legend, as shown. */
    public String predictionText() {
        return predictionText.getText();
    }
}
