package org.losslab.app.seg;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.losslab.engine.paint.ElementSink;
import org.losslab.engine.paint.Painting;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/**
 * Turns canvas gestures into edits of the document with the current tool, layer, class and brush,
 * one undo step per stroke. Dabs along a drag are spaced by a third of the radius so that fast strokes
 * leave no gaps.
 */
public final class PaintController implements PaintCanvas.Gestures {
    private final SegDocument doc;
    private final PaintCanvas canvas;
    private final ObjectProperty<Tool> tool = new SimpleObjectProperty<>(this, "tool", Tool.BRUSH);
    private final BooleanProperty editTarget = new SimpleBooleanProperty(this, "editTarget", false);
    private final IntegerProperty channel = new SimpleIntegerProperty(this, "channel", 1);
    private final DoubleProperty probability = new SimpleDoubleProperty(this, "probability", 0.95);
    private final DoubleProperty hardness = new SimpleDoubleProperty(this, "hardness", 0.6);
    private StrokeRecorder stroke;
    private double lastY;
    private double lastX;
    private double startY;
    private double startX;
    private boolean erase;
    private Runnable hoverListener = () -> { };
    private double hoverY;
    private double hoverX;

    public PaintController(SegDocument doc, PaintCanvas canvas) {
        this.doc = doc;
        this.canvas = canvas;
    }

    public ObjectProperty<Tool> toolProperty() {
        return tool;
    }

    /** true: painting the ground truth; false: painting the prediction. */
    public BooleanProperty editTargetProperty() {
        return editTarget;
    }

    /** The class (multiclass), channel (multilabel) or 1 (binary) painted. */
    public IntegerProperty channelProperty() {
        return channel;
    }

    public DoubleProperty probabilityProperty() {
        return probability;
    }

    public DoubleProperty hardnessProperty() {
        return hardness;
    }

    public void onHover(Runnable listener) {
        hoverListener = listener;
    }

    public double hoverY() {
        return hoverY;
    }

    public double hoverX() {
        return hoverX;
    }

    @Override
    public void press(double y, double x, boolean secondary) {
        erase = secondary || tool.get() == Tool.ERASER;
        SegmentationData d = doc.data();
        stroke = new StrokeRecorder(tool.get().title + (editTarget.get() ? " (target)" : " (prediction)"),
                editTarget.get(), d.prediction(), d.target(), d.width());
        startY = y;
        startX = x;
        lastY = y;
        lastX = x;
        switch (tool.get()) {
            case FILL:
                Painting.targetFill(d, (int) Math.floor(y), (int) Math.floor(x), label(), planeChannel(), sink());
                live();
                break;
            case RECTANGLE:
            case ELLIPSE:
                canvas.previewShape(y, x, y, x, true);
                break;
            default:
                dab(y, x);
                live();
        }
    }

    @Override
    public void drag(double y, double x) {
        if (stroke == null) {
            return;
        }
        hover(y, x);
        if (tool.get() == Tool.RECTANGLE || tool.get() == Tool.ELLIPSE) {
            canvas.previewShape(startY, startX, y, x, true);
            return;
        }
        if (tool.get() == Tool.FILL) {
            return;
        }
        double step = Math.max(0.5, canvas.brushRadiusProperty().get() / 3);
        double distance = Math.hypot(y - lastY, x - lastX);
        int steps = (int) Math.ceil(distance / step);
        for (int k = 1; k <= steps; k++) {
            dab(lastY + (y - lastY) * k / steps, lastX + (x - lastX) * k / steps);
        }
        lastY = y;
        lastX = x;
        live();
    }

    @Override
    public void release(double y, double x) {
        if (stroke == null) {
            return;
        }
        if (tool.get() == Tool.RECTANGLE || tool.get() == Tool.ELLIPSE) {
            canvas.previewShape(0, 0, 0, 0, false);
            if (!editTarget.get()) {
                shapeOnPrediction(y, x);
            } else {
                Painting.targetShape(doc.data(), (int) Math.floor(Math.min(startY, y)), (int) Math.ceil(Math.max(startY, y)),
                        (int) Math.floor(Math.min(startX, x)), (int) Math.ceil(Math.max(startX, x)),
                        tool.get() == Tool.ELLIPSE, label(), planeChannel(), sink());
            }
            live();
        }
        if (!stroke.isEmpty()) {
            Edit.Sparse edit = stroke.finish();
            doc.commit(edit);
        }
        stroke = null;
    }

    /** A rectangle or ellipse on the prediction: the chosen probability, hard-edged. */
    private void shapeOnPrediction(double y, double x) {
        SegmentationData d = doc.data();
        int y0 = (int) Math.floor(Math.min(startY, y));
        int y1 = (int) Math.ceil(Math.max(startY, y));
        int x0 = (int) Math.floor(Math.min(startX, x));
        int x1 = (int) Math.ceil(Math.max(startX, x));
        double cy = (y0 + y1) / 2.0;
        double cx = (x0 + x1) / 2.0;
        double ry = Math.max(0.5, (y1 - y0) / 2.0);
        double rx = Math.max(0.5, (x1 - x0) / 2.0);
        for (int yy = Math.max(0, y0); yy < Math.min(d.height(), y1); yy++) {
            for (int xx = Math.max(0, x0); xx < Math.min(d.width(), x1); xx++) {
                double dy = (yy + 0.5 - cy) / ry;
                double dx = (xx + 0.5 - cx) / rx;
                if (tool.get() != Tool.ELLIPSE || dy * dy + dx * dx <= 1) {
                    Painting.blendPixel(d, yy * d.width() + xx, planeChannel(), paintedProbability(), 1, sink());
                }
            }
        }
    }

    @Override
    public void hover(double y, double x) {
        hoverY = y;
        hoverX = x;
        hoverListener.run();
    }

    private void dab(double y, double x) {
        SegmentationData d = doc.data();
        double r = canvas.brushRadiusProperty().get();
        if (editTarget.get()) {
            Painting.targetDisc(d, y, x, r, label(), planeChannel(), sink());
        } else {
            Painting.predictionDisc(d, y, x, r, paintedProbability(), hardness.get(), planeChannel(), sink());
        }
    }

    /** The eraser paints background: label 0, or probability 0 of the class. */
    private int label() {
        if (erase) {
            return 0;
        }
        return doc.data().mode() == SegMode.MULTICLASS ? channel.get() : 1;
    }

    private double paintedProbability() {
        return erase ? 1 - probability.get() : probability.get();
    }

    /** The channel a tool writes: the class in multiclass mode, the label channel in multilabel, else 0. */
    private int planeChannel() {
        SegmentationData d = doc.data();
        if (d.mode() == SegMode.BINARY) {
            return 0;
        }
        if (d.mode() == SegMode.MULTICLASS) {
            return erase ? 0 : Math.min(channel.get(), d.channels() - 1);
        }
        return Math.min(Math.max(0, channel.get() - 1), d.channels() - 1);
    }

    private ElementSink sink() {
        StrokeRecorder s = stroke;
        return s::touch;
    }

    private void live() {
        int[] box = stroke.takeBox();
        if (box[0] <= box[1] && box[0] != Integer.MAX_VALUE) {
            doc.changedLive(box);
        }
    }
}
