package org.losslab.app.seg;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Affine;

/**
 * The zoomable, pannable canvas: stacked image layers (heatmap, target, prediction) drawn pixel by
 * pixel, a brush cursor of the brush's real size, and the mouse gestures of painting tools: the wheel
 * zooms around the cursor, a middle drag or Space and drag pans.
 */
public final class PaintCanvas extends Pane {
    /** Receives the canvas gestures in image coordinates. */
    public interface Gestures {
        void press(double y, double x, boolean secondary);

        void drag(double y, double x);

        void release(double y, double x);

        void hover(double y, double x);
    }

    private final Group content = new Group();
    private final Affine view = new Affine();
    private final ImageView background = new ImageView();
    private final ImageView heatmap = new ImageView();
    private final ImageView target = new ImageView();
    private final ImageView prediction = new ImageView();
    private final Circle cursorCircle = new Circle();
    private final Rectangle shapePreview = new Rectangle();
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1);
    private final DoubleProperty brushRadius = new SimpleDoubleProperty(this, "brushRadius", 8);
    private final ObjectProperty<Gestures> gestures = new SimpleObjectProperty<>(this, "gestures");
    private WritableImage heatImage;
    private WritableImage targetImage;
    private WritableImage predictionImage;
    private int imageWidth;
    private int imageHeight;
    private boolean spaceDown;
    private Point2D panAnchor;
    private boolean painting;

    public PaintCanvas() {
        setId("paint-canvas");
        setStyle("-fx-background-color: #1b1b1b;");
        setMinSize(200, 200);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        for (ImageView v : new ImageView[] {heatmap, target, prediction}) {
            v.setSmooth(false);
            v.setPreserveRatio(false);
        }
        target.setOpacity(0.35);
        prediction.setOpacity(0.35);
        cursorCircle.setFill(Color.TRANSPARENT);
        cursorCircle.setStroke(Color.WHITE);
        cursorCircle.setStrokeWidth(1);
        cursorCircle.setMouseTransparent(true);
        cursorCircle.radiusProperty().bind(brushRadius);
        cursorCircle.strokeWidthProperty().bind(zoom.getReadOnlyProperty().map(z -> 1.0 / z.doubleValue()));
        shapePreview.setFill(Color.TRANSPARENT);
        shapePreview.setStroke(Color.YELLOW);
        shapePreview.setVisible(false);
        shapePreview.setMouseTransparent(true);
        content.getTransforms().add(view);
        content.getChildren().addAll(shapePreview, cursorCircle);
        // the images are scaled by their own fit size, not by a parent transform, so that pixels stay
        // sharp squares (ImageView smoothing only applies to its own scaling)
        background.setPreserveRatio(false);
        getChildren().addAll(background, heatmap, target, prediction, content);
        view.setOnTransformChanged(e -> placeImages());
        cursorCircle.setVisible(false);
        setCursor(Cursor.NONE);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> cursorCircle.setVisible(false));
        addEventHandler(MouseEvent.MOUSE_ENTERED, e -> cursorCircle.setVisible(true));
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        widthProperty().addListener((o, a, b) -> fitIfUnset());
        heightProperty().addListener((o, a, b) -> fitIfUnset());
    }

    private boolean fitted;

    private void placeImages() {
        double s = view.getMxx();
        for (ImageView v : new ImageView[] {background, heatmap, target, prediction}) {
            v.setLayoutX(view.getTx());
            v.setLayoutY(view.getTy());
            v.setFitWidth(imageWidth * s);
            v.setFitHeight(imageHeight * s);
        }
    }

    private boolean following;

    private void fitIfUnset() {
        if (!following && !fitted && getWidth() > 0 && getHeight() > 0 && imageWidth > 0) {
            fit();
        }
    }

    public ObjectProperty<Gestures> gesturesProperty() {
        return gestures;
    }

    public DoubleProperty brushRadiusProperty() {
        return brushRadius;
    }

    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    /** An image under the layers (the photo being segmented), stretched to the canvas size; null removes it. */
    public void setBackground(javafx.scene.image.Image image) {
        background.setImage(image);
        placeImages();
    }

    /** Follows another canvas's zoom and pan (the split view's second map). */
    public void follow(PaintCanvas leader) {
        following = true;
        leader.view.setOnTransformChanged(e -> {
            leader.placeImages();
            view.setToTransform(leader.view);
            zoom.set(leader.zoom.get());
        });
        view.setToTransform(leader.view);
        zoom.set(leader.zoom.get());
    }

    public ImageView heatmapLayer() {
        return heatmap;
    }

    public ImageView targetLayer() {
        return target;
    }

    public ImageView predictionLayer() {
        return prediction;
    }

    public void setSpaceDown(boolean down) {
        spaceDown = down;
    }

    private int upscale = 1;

    /**
     * Stores the layers k times larger, pixel-replicated, so that snapshots (which smooth scaled
     * images) still show sharp pixels; 1 on screen, where ImageView scales without smoothing.
     */
    public void setUpscale(int k) {
        upscale = Math.max(1, k);
        int w = imageWidth;
        int h = imageHeight;
        imageWidth = 0;
        resizeImages(w, h);
    }

    /** Makes room for images of a new size (and fits them to the window). */
    public void resizeImages(int width, int height) {
        if (width == imageWidth && height == imageHeight) {
            return;
        }
        imageWidth = width;
        imageHeight = height;
        heatImage = new WritableImage(width * upscale, height * upscale);
        targetImage = new WritableImage(width * upscale, height * upscale);
        predictionImage = new WritableImage(width * upscale, height * upscale);
        heatmap.setImage(heatImage);
        target.setImage(targetImage);
        prediction.setImage(predictionImage);
        fitted = false;
        fitIfUnset();
        placeImages();
    }

    /** Writes new pixels into the three layers. */
    public void show(int[] heat, int[] targetPixels, int[] predictionPixels) {
        write(heatImage, heat);
        write(targetImage, targetPixels);
        write(predictionImage, predictionPixels);
    }

    private void write(WritableImage image, int[] pixels) {
        if (pixels == null) {
            return;
        }
        PixelFormat<java.nio.IntBuffer> argb = PixelFormat.getIntArgbInstance();
        int[] data = pixels;
        int w = imageWidth;
        if (upscale > 1) {
            w = imageWidth * upscale;
            data = new int[w * imageHeight * upscale];
            for (int y = 0; y < imageHeight * upscale; y++) {
                for (int x = 0; x < w; x++) {
                    data[y * w + x] = pixels[(y / upscale) * imageWidth + x / upscale];
                }
            }
        }
        image.getPixelWriter().setPixels(0, 0, w, imageHeight * upscale, argb, data, 0, w);
    }

    /** Fits the image to the window (Ctrl+0). */
    public void fit() {
        if (imageWidth == 0 || getWidth() <= 0) {
            return;
        }
        double s = Math.min(getWidth() / imageWidth, getHeight() / imageHeight) * 0.96;
        view.setToIdentity();
        view.appendTranslation((getWidth() - s * imageWidth) / 2, (getHeight() - s * imageHeight) / 2);
        view.appendScale(s, s);
        zoom.set(s);
        fitted = true;
    }

    /** Zooms by a factor around a point of the canvas. */
    public void zoomAround(double factor, double px, double py) {
        double s = zoom.get() * factor;
        if (s < 0.05 || s > 200) {
            return;
        }
        Point2D p = toImage(px, py);
        view.appendScale(factor, factor, p.getX(), p.getY());
        zoom.set(s);
    }

    /** Image coordinates (x, y) of a point of the canvas. */
    public Point2D toImage(double px, double py) {
        try {
            return view.inverseTransform(px, py);
        } catch (javafx.scene.transform.NonInvertibleTransformException e) {
            return new Point2D(0, 0);
        }
    }

    /** The canvas point of an image point, for tests and the UI benchmark. */
    public Point2D toCanvas(double x, double y) {
        return view.transform(x, y);
    }

    /** Shows or hides the dashed box of a rectangle or ellipse being drawn (image coordinates). */
    public void previewShape(double y0, double x0, double y1, double x1, boolean visible) {
        shapePreview.setVisible(visible);
        shapePreview.setX(Math.min(x0, x1));
        shapePreview.setY(Math.min(y0, y1));
        shapePreview.setWidth(Math.abs(x1 - x0));
        shapePreview.setHeight(Math.abs(y1 - y0));
        shapePreview.setStrokeWidth(1 / zoom.get());
    }

    private boolean panGesture(MouseEvent e) {
        return e.getButton() == MouseButton.MIDDLE || spaceDown;
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        if (panGesture(e)) {
            panAnchor = new Point2D(e.getX(), e.getY());
            setCursor(Cursor.CLOSED_HAND);
            return;
        }
        Point2D p = toImage(e.getX(), e.getY());
        painting = true;
        if (gestures.get() != null) {
            gestures.get().press(p.getY(), p.getX(), e.getButton() == MouseButton.SECONDARY || e.isAltDown());
        }
    }

    private void dragged(MouseEvent e) {
        if (panAnchor != null) {
            double s = zoom.get();
            view.appendTranslation((e.getX() - panAnchor.getX()) / s, (e.getY() - panAnchor.getY()) / s);
            panAnchor = new Point2D(e.getX(), e.getY());
            return;
        }
        moveCursor(e);
        if (painting && gestures.get() != null) {
            Point2D p = toImage(e.getX(), e.getY());
            gestures.get().drag(p.getY(), p.getX());
        }
    }

    private void released(MouseEvent e) {
        if (panAnchor != null) {
            panAnchor = null;
            setCursor(Cursor.NONE);
            return;
        }
        if (painting && gestures.get() != null) {
            Point2D p = toImage(e.getX(), e.getY());
            gestures.get().release(p.getY(), p.getX());
        }
        painting = false;
    }

    private void moved(MouseEvent e) {
        moveCursor(e);
        if (gestures.get() != null) {
            Point2D p = toImage(e.getX(), e.getY());
            gestures.get().hover(p.getY(), p.getX());
        }
    }

    private void moveCursor(MouseEvent e) {
        Point2D p = toImage(e.getX(), e.getY());
        cursorCircle.setCenterX(p.getX());
        cursorCircle.setCenterY(p.getY());
        cursorCircle.setVisible(true);
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            zoomAround(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15, e.getX(), e.getY());
        }
        e.consume();
    }

    public boolean isPainting() {
        return painting;
    }
}
