package org.losslab.app.seg;

import java.util.List;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.losslab.app.render.ColorBar;

/**
 * The segmentation workspace's centre: the painted canvas and, in split view, a second one showing another map,
 * each with its colour bar, the switch that locks the colours' range and the TopK hatch's switch.
 */
final class CanvasArea extends BorderPane {
    private final PaintCanvas canvas;
    private final PaintCanvas compareCanvas = new PaintCanvas();
    private final ColorBar colorBar = new ColorBar();
    private final ColorBar compareBar = new ColorBar();
    /** Keeps the colour bar's range while the user edits, so that colours compare across states. */
    private final CheckBox lockRange = new CheckBox("Lock colours");
    private final HBox canvases = new HBox(4);
    private final TopKHatch topK;
    private double[] lockedRange;
    /** The range the next lock takes instead of the shown frame's (a lesson's, or the user's given back). */
    private double[] givenRange;
    private final Runnable rangeChanged;

    /**
     * @param shownFrame the frame on screen, whose range the lock keeps
     * @param rangeChanged called when the lock is set or released (the frame is computed again)
     */
    CanvasArea(SegDocument doc, PaintCanvas canvas, PaintController controller, Supplier<FrameResult> shownFrame,
               Runnable rangeChanged) {
        this.canvas = canvas;
        this.rangeChanged = rangeChanged;
        topK = new TopKHatch(doc, canvas);
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
        HBox.setHgrow(canvas, Priority.ALWAYS);
        HBox.setHgrow(compareCanvas, Priority.ALWAYS);
        canvases.getChildren().setAll(canvas);
        setCenter(canvases);
        compareBar.setVisible(false);
        compareBar.managedProperty().bind(compareBar.visibleProperty()); // no room taken while hidden
        lockRange.setId("lock-range");
        lockRange.setTextFill(Color.WHITE);
        lockRange.setTooltip(new Tooltip("Keep the colour bar's range while you edit, so that colours compare across "
                + "states (values beyond it saturate)"));
        lockRange.selectedProperty().addListener((o, a, locked) -> {
            FrameResult shown = shownFrame.get();
            lockedRange = locked && givenRange != null ? givenRange
                    : locked && shown != null ? new double[] {shown.heatmap().low(), shown.heatmap().high()} : null;
            givenRange = null;
            rangeChanged.run();
        });
        // wraps, and its colour bars narrow, rather than pushing the side panel off a window shared with a lesson
        FlowPane bar = new FlowPane(8, 4, colorBar, new VBox(4, lockRange, topK.toggle()), compareBar);
        bar.setMinWidth(0);
        bar.prefWrapLengthProperty().bind(widthProperty().subtract(8));
        bar.setAlignment(Pos.CENTER_LEFT);
        widthProperty().addListener(o -> fitBars());
        bar.setPadding(new Insets(4));
        bar.setStyle("-fx-background-color: #2b2b2b;");
        setBottom(bar);
    }

    /** Shows the second canvas beside the first, or the first alone. */
    void split(boolean on) {
        canvases.getChildren().setAll(on ? List.of(canvas, compareCanvas) : List.of(canvas));
        compareBar.setVisible(on);
        fitBars();
        // the two halves share the width; refit once the layout has placed them
        Platform.runLater(canvas::fit);
    }

    /** Each colour bar as wide as the area leaves it: two beside the lock box in a split view, one otherwise. */
    private void fitBars() {
        double lockBox = 130;
        double each = compareBar.isVisible() ? (getWidth() - lockBox - 24) / 2 : getWidth() - lockBox - 16;
        colorBar.setBarWidth(each);
        compareBar.setBarWidth(each);
    }

    /** Another map, another range: the lock is released. */
    void unlock() {
        lockRange.setSelected(false);
    }

    /** Locks the colours to {low, high}, or releases them (null); the switch shows which. */
    void lockTo(double[] range) {
        if (range != null && lockRange.isSelected()) {
            lockedRange = range.clone();
            rangeChanged.run();
        } else {
            givenRange = range == null ? null : range.clone();
            lockRange.setSelected(range != null);
        }
    }

    /** The range the colours are locked to (a copy), or null when they follow each map. */
    double[] lockedRange() {
        return lockRange.isSelected() && lockedRange != null ? lockedRange.clone() : null;
    }

    /** Draws a computed frame on the canvases and their colour bars. */
    void show(FrameResult r, int width, int height) {
        canvas.show(r.heatmap().argb(), r.target(), r.prediction(), r.predictionContour());
        topK.refresh();
        colorBar.show(r.heatmap());
        if (r.compared() != null) {
            compareCanvas.resizeImages(width, height);
            compareCanvas.show(r.compared().argb(), r.target(), r.prediction(), r.predictionContour());
            compareBar.show(r.compared());
        } else {
            compareCanvas.drop(); // the arrays it drew from go back to the worker with this frame's predecessor
        }
    }

    PaintCanvas compareCanvas() {
        return compareCanvas;
    }

    CheckBox topKHatchToggle() {
        return topK.toggle();
    }
}
