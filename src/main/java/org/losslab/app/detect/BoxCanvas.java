package org.losslab.app.detect;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.losslab.app.render.MapImage;
import org.losslab.engine.box.Box;
import org.losslab.engine.box.BoxLandscape;
import org.losslab.engine.maps.MapKind;

/**
 * The box canvas: drag on empty space to draw a box (ground truth or prediction), drag a box to move
 * it, drag one of its eight handles to resize it (Shift keeps the aspect ratio), arrows nudge by 1
 * pixel (Shift: 10), Delete removes, Esc cancels a drag; Ctrl+click on a ground-truth box pairs the
 * selected prediction with it (by default a prediction pairs with the truth it overlaps most). The
 * selected prediction's pair is drawn with
 * its geometry: intersection, enclosing box, centre distance and diagonal; under it, optionally, the
 * loss landscape with arrows of the negative gradient.
 */
public final class BoxCanvas extends Pane {
    private static final double HANDLE = 5;
    private final BoxDocument doc;
    private final Canvas canvas = new Canvas(600, 600);
    private final BooleanProperty drawTruth = new SimpleBooleanProperty(this, "drawTruth", false);
    private final BooleanProperty snap = new SimpleBooleanProperty(this, "snap", true);
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", 0);
    private boolean selectedIsTruth;
    private BoxLandscape landscape;
    private WritableImage landscapeImage;
    private String landscapeName = "";
    private CanvasOverlay overlay = CanvasOverlay.NONE;
    // drag state
    private int handle = -1;
    private boolean moving;
    private boolean creating;
    private boolean changed;
    private double pressX;
    private double pressY;
    private DetBox before;
    private int dragIndex = -1;
    private boolean dragTruth;

    public BoxCanvas(BoxDocument doc) {
        this.doc = doc;
        setId("box-canvas");
        getChildren().add(canvas);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener(o -> redraw());
        canvas.heightProperty().addListener(o -> redraw());
        setFocusTraversable(true);
        setMinSize(300, 300);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(fx(e.getX()), fx(e.getY())));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(Double.NaN, Double.NaN));
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        doc.revisionProperty().addListener(o -> redraw());
        selected.addListener(o -> redraw());
    }

    public BooleanProperty drawTruthProperty() {
        return drawTruth;
    }

    public BooleanProperty snapProperty() {
        return snap;
    }

    /** The selected prediction (the pair shown). */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    public double scale() {
        return Math.min(getWidth(), getHeight()) / BoxDocument.FIELD;
    }

    /** Canvas coordinates of a field point. */
    public double[] toCanvas(double x, double y) {
        return new double[] {x * scale(), y * scale()};
    }

    /**
     * The field coordinate of a canvas one, kept within a field's width around the field: on a canvas squeezed to a
     * few pixels the scale nears 0, and a drag would otherwise make boxes millions of pixels wide (whose dashed
     * outlines took the renderer minutes and whose masks gigabytes).
     */
    private double fx(double canvasX) {
        double scale = scale();
        double x = scale > 0 ? canvasX / scale : 0;
        return Math.max(-BoxDocument.FIELD, Math.min(2 * BoxDocument.FIELD, x));
    }

    private double snapped(double v) {
        return snap.get() ? Math.round(v) : v;
    }

    private final StringProperty hoverText = new SimpleStringProperty(this, "hover", "");

    /** What lies under the cursor: its position and, over a landscape, the loss there. */
    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText;
    }

    /** Where the cursor is over the field (NaN: elsewhere): the read-out is redone there when the landscape changes. */
    private double hoverX = Double.NaN;
    private double hoverY = Double.NaN;

    private void hover(double x, double y) {
        hoverX = x;
        hoverY = y;
        hoverText.set(Double.isNaN(x) ? "" : readout(x, y));
    }

    /** The read-out at a field point: position, and the landscape's value for a centre there. */
    String readout(double x, double y) {
        if (x < 0 || y < 0 || x > BoxDocument.FIELD || y > BoxDocument.FIELD) {
            return "";
        }
        String at = String.format(Locale.ROOT, "x %.1f  y %.1f", x, y);
        if (landscape == null) {
            return at;
        }
        int c = (int) Math.min(landscape.xs().length - 1, Math.floor(x / BoxDocument.FIELD * landscape.xs().length));
        int r = (int) Math.min(landscape.ys().length - 1, Math.floor(y / BoxDocument.FIELD * landscape.ys().length));
        int k = r * landscape.xs().length + c;
        return at + String.format(Locale.ROOT, "  %s loss with the predicted box centred here: %.4f  (-gradient %.3g, %.3g)",
                landscapeName, landscape.values()[k], -landscape.gradX()[k], -landscape.gradY()[k]);
    }

    /** The landscape on screen (null: none) and the loss it shows. */
    public BoxLandscape shownLandscape() {
        return landscape;
    }

    public String shownLandscapeLoss() {
        return landscapeName;
    }

    public void showLandscape(BoxLandscape l, String lossName) {
        landscape = l;
        landscapeName = lossName;
        if (l != null) {
            double[] v = l.values();
            MapImage image = MapImage.of(MapKind.CROSS_ENTROPY, l.xs().length, l.ys().length, v, 0);
            landscapeImage = new WritableImage(l.xs().length, l.ys().length);
            landscapeImage.getPixelWriter().setPixels(0, 0, l.xs().length, l.ys().length, PixelFormat.getIntArgbInstance(),
                    image.argb(), 0, l.xs().length);
        } else {
            landscapeImage = null; // "none": no heatmap, no arrows
        }
        // after a drop the cursor has not moved, but the value under it has: say the new one
        hover(hoverX, hoverY);
        redraw();
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        e.consume(); // the tab pane around would take the keyboard focus back

        double x = fx(e.getX());
        double y = fx(e.getY());
        pressX = x;
        pressY = y;
        changed = false;
        creating = false;
        moving = false;
        handle = -1;
        before = null;
        List<DetBox> predictions = doc.predictions();
        List<DetBox> truths = doc.truths();
        DetBox current = current();
        if (current != null) {
            handle = handleAt(current, e.getX(), e.getY());
            if (handle >= 0) {
                startDrag(selectedIsTruth, selectedIsTruth ? selectedTruth : selected.get(), current);
                return;
            }
        }
        for (int i = predictions.size() - 1; i >= 0; i--) {
            if (predictions.get(i).contains(x, y)) {
                select(false, i);
                moving = true;
                startDrag(false, i, predictions.get(i));
                return;
            }
        }
        for (int i = truths.size() - 1; i >= 0; i--) {
            if (truths.get(i).contains(x, y)) {
                if (e.isShortcutDown() && !selectedIsTruth && selected.get() < predictions.size()) {
                    doc.choosePair(selected.get(), i); // Ctrl+click: pair the selected prediction with this truth
                    return;
                }
                select(true, i);
                moving = true;
                startDrag(true, i, truths.get(i));
                return;
            }
        }
        creating = true;
        dragTruth = drawTruth.get();
        before = null;
    }

    private int selectedTruth;

    private void select(boolean truth, int index) {
        selectedIsTruth = truth;
        if (truth) {
            selectedTruth = index;
        } else {
            selected.set(index);
        }
        redraw();
    }

    private DetBox current() {
        if (selectedIsTruth) {
            return selectedTruth < doc.truths().size() ? doc.truths().get(selectedTruth) : null;
        }
        return selected.get() < doc.predictions().size() ? doc.predictions().get(selected.get()) : null;
    }

    private void startDrag(boolean truth, int index, DetBox box) {
        dragTruth = truth;
        dragIndex = index;
        before = box;
    }

    private void dragged(MouseEvent e) {
        if (!creating && before == null) {
            return; // the press chose a pair (Ctrl+click on a ground truth): nothing to drag
        }
        double x = fx(e.getX());
        double y = fx(e.getY());
        if (!changed && Math.hypot(x - pressX, y - pressY) < 0.5) {
            return;
        }
        if (!changed) {
            doc.checkpoint();
            changed = true;
            if (creating) {
                dragIndex = doc.add(dragTruth, new DetBox(snapped(pressX), snapped(pressY), snapped(pressX) + 1,
                        snapped(pressY) + 1, 1, 0.5));
                before = doc.truths().size() > 0 && dragTruth ? doc.truths().get(dragIndex) : null;
                select(dragTruth, dragIndex);
            }
        }
        DetBox box;
        if (creating) {
            double w = x - pressX;
            double h = y - pressY;
            if (e.isShiftDown()) {
                double side = Math.max(Math.abs(w), Math.abs(h));
                w = Math.signum(w == 0 ? 1 : w) * side;
                h = Math.signum(h == 0 ? 1 : h) * side;
            }
            box = new DetBox(snapped(pressX), snapped(pressY), snapped(pressX + w), snapped(pressY + h), 1, dragTruth ? 1 : 0.5)
                    .normalised();
        } else if (moving) {
            box = before.moved(snapped(x - pressX), snapped(y - pressY));
        } else {
            box = BoxHandles.resized(before, handle, snapped(x), snapped(y), e.isShiftDown());
        }
        if (box.width() >= 1 && box.height() >= 1) {
            doc.set(dragTruth, dragIndex, box);
        }
        sizeReadout = String.format(Locale.ROOT, "%.0f x %.0f", box.width(), box.height());
        redraw();
    }

    private String sizeReadout = "";

    private void released(MouseEvent e) {
        if (e != null) {
            hover(fx(e.getX()), fx(e.getY()));
        }
        sizeReadout = "";
        creating = false;
        moving = false;
        handle = -1;
        redraw();
    }

    private int handleAt(DetBox b, double cx, double cy) {
        double[][] points = handles(b);
        for (int k = 0; k < points.length; k++) {
            if (Math.abs(points[k][0] - cx) <= HANDLE + 1 && Math.abs(points[k][1] - cy) <= HANDLE + 1) {
                return k;
            }
        }
        return -1;
    }

    private double[][] handles(DetBox b) {
        return BoxHandles.of(b, scale());
    }

    private void key(KeyEvent e) {
        DetBox b = current();
        if (e.getCode() == KeyCode.ESCAPE && before != null && (moving || handle >= 0 || creating) && changed) {
            doc.set(dragTruth, dragIndex, before);
            doc.undo();
            released(null);
            e.consume();
            return;
        }
        if (b == null) {
            return;
        }
        double step = e.isShiftDown() ? 10 : 1;
        double dx = e.getCode() == KeyCode.LEFT ? -step : e.getCode() == KeyCode.RIGHT ? step : 0;
        double dy = e.getCode() == KeyCode.UP ? -step : e.getCode() == KeyCode.DOWN ? step : 0;
        int index = selectedIsTruth ? selectedTruth : selected.get();
        if (dx != 0 || dy != 0) {
            doc.checkpoint();
            doc.set(selectedIsTruth, index, b.moved(dx, dy));
            e.consume();
        } else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
            if ((selectedIsTruth ? doc.truths().size() : doc.predictions().size()) > 1) {
                doc.checkpoint();
                doc.remove(selectedIsTruth, index);
                select(selectedIsTruth, 0);
            }
            e.consume();
        }
    }

    /** Draws this (a dataset's image, its crowd regions) with the boxes; {@link CanvasOverlay#NONE} for nothing. */
    void setOverlay(CanvasOverlay overlay) {
        this.overlay = overlay;
        redraw();
    }

    /** Draws everything. */
    public void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double s = scale();
        g.setFill(Color.web("#1e1e1e"));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setFill(Color.web("#262626"));
        g.fillRect(0, 0, BoxDocument.FIELD * s, BoxDocument.FIELD * s);
        overlay.under(g, s);
        if (landscapeImage != null && landscape != null) {
            g.setImageSmoothing(false);
            g.setGlobalAlpha(0.85);
            g.drawImage(landscapeImage, 0, 0, BoxDocument.FIELD * s, BoxDocument.FIELD * s);
            g.setGlobalAlpha(1);
            drawArrows(g, s);
        }
        List<DetBox> truths = doc.truths();
        List<DetBox> predictions = doc.predictions();
        int[] pairing = doc.pairing();
        int sel = selected.get();
        if (sel < predictions.size() && pairing[sel] >= 0) {
            drawGeometry(g, s, predictions.get(sel), truths.get(pairing[sel]));
        }
        for (DetBox t : truths) {
            g.setStroke(Color.web("#3CB44B"));
            g.setLineWidth(2.5);
            g.setLineDashes();
            g.strokeRect(t.x1() * s, t.y1() * s, t.width() * s, t.height() * s);
        }
        // TIDE's verdict on each prediction (TP, or its error type) beside its score, as the Metrics tab reports it
        String[] labels = LabelChips.labels(doc);
        double[][] chips = LabelChips.place(predictions, labels, s);
        for (int i = 0; i < predictions.size(); i++) {
            DetBox p = predictions.get(i);
            g.setStroke(Color.web("#F58231"));
            g.setLineWidth(i == sel ? 2.5 : 1.5);
            g.setLineDashes(8, 5);
            g.strokeRect(p.x1() * s, p.y1() * s, p.width() * s, p.height() * s);
        }
        g.setLineDashes();
        g.setFont(LabelChips.FONT);
        for (int i = 0; i < predictions.size(); i++) {
            // on a dark chip: readable over any colour of the landscape
            double[] chip = chips[i];
            g.setFill(Color.rgb(20, 20, 20, 0.75));
            g.fillRect(chip[0], chip[1], chip[2], chip[3]);
            g.setFill(Color.web("#F58231"));
            g.fillText(labels[i], chip[0] + 2, chip[1] + 12);
        }
        overlay.over(g, s);
        DetBox current = current();
        if (current != null) {
            g.setFill(Color.WHITE);
            for (double[] h : handles(current)) {
                g.fillRect(h[0] - HANDLE / 2 - 1, h[1] - HANDLE / 2 - 1, HANDLE + 2, HANDLE + 2);
            }
            if (!sizeReadout.isEmpty()) {
                g.setFont(Font.font(14));
                g.fillText(sizeReadout, current.x2() * s + 6, current.y2() * s + 14);
            }
        }
        // the legend on a dark strip of its own: readable over any colour of the landscape
        String legend = "green: ground truth   orange dashed: prediction (score, TIDE verdict at IoU 0.5)"
                + (landscape != null ? "   heatmap: " + landscapeName + " loss at each centre" : "");
        g.setFont(Font.font(12));
        g.setFill(Color.rgb(20, 20, 20, 0.8));
        g.fillRect(0, BoxDocument.FIELD * s - 22, BoxDocument.FIELD * s, 22);
        g.setFill(Color.WHITE);
        g.fillText(legend, 6, BoxDocument.FIELD * s - 7);
    }

    /** The label chips as drawn now, {x, y, width, height} in canvas pixels (for tests). */
    double[][] labelChipsShown() {
        return LabelChips.place(doc.predictions(), LabelChips.labels(doc), scale());
    }

    private void drawGeometry(GraphicsContext g, double s, DetBox p, DetBox t) {
        double[] pc = p.corners();
        double[] tc = t.corners();
        double ix1 = Math.max(pc[0], tc[0]);
        double iy1 = Math.max(pc[1], tc[1]);
        double ix2 = Math.min(pc[2], tc[2]);
        double iy2 = Math.min(pc[3], tc[3]);
        if (ix2 > ix1 && iy2 > iy1) {
            g.setFill(Color.rgb(255, 255, 255, 0.25));
            g.fillRect(ix1 * s, iy1 * s, (ix2 - ix1) * s, (iy2 - iy1) * s);
        }
        double[] c = new double[4];
        Box.enclosing(pc, 0, tc, 0, c);
        g.setStroke(Color.rgb(200, 200, 255, 0.8));
        g.setLineWidth(1);
        g.setLineDashes(3, 4);
        g.strokeRect(c[0] * s, c[1] * s, (c[2] - c[0]) * s, (c[3] - c[1]) * s);
        g.strokeLine(c[0] * s, c[1] * s, c[2] * s, c[3] * s);
        g.setLineDashes();
        g.setStroke(Color.YELLOW);
        g.strokeLine((pc[0] + pc[2]) / 2 * s, (pc[1] + pc[3]) / 2 * s, (tc[0] + tc[2]) / 2 * s, (tc[1] + tc[3]) / 2 * s);
    }

    private void drawArrows(GraphicsContext g, double s) {
        int columns = landscape.xs().length;
        int rows = landscape.ys().length;
        int stride = Math.max(1, columns / 12);
        double max = 1e-12;
        for (int k = 0; k < landscape.values().length; k++) {
            max = Math.max(max, Math.hypot(landscape.gradX()[k], landscape.gradY()[k]));
        }
        g.setStroke(Color.WHITE);
        g.setLineWidth(1.2);
        double length = BoxDocument.FIELD / 12 * 0.8 * s;
        for (int r = stride / 2; r < rows; r += stride) {
            for (int c = stride / 2; c < columns; c += stride) {
                int k = r * columns + c;
                double gx = -landscape.gradX()[k] / max;
                double gy = -landscape.gradY()[k] / max;
                double x0 = landscape.xs()[c] * s;
                double y0 = landscape.ys()[r] * s;
                if (Math.hypot(gx, gy) < 1e-9) {
                    g.strokeOval(x0 - 1.5, y0 - 1.5, 3, 3); // flat: no gradient at all
                    continue;
                }
                double x1 = x0 + gx * length;
                double y1 = y0 + gy * length;
                g.strokeLine(x0, y0, x1, y1);
                double angle = Math.atan2(y1 - y0, x1 - x0);
                g.strokeLine(x1, y1, x1 - 4 * Math.cos(angle - 0.5), y1 - 4 * Math.sin(angle - 0.5));
                g.strokeLine(x1, y1, x1 - 4 * Math.cos(angle + 0.5), y1 - 4 * Math.sin(angle + 0.5));
            }
        }
    }
}
