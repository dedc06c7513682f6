package org.losslab.app.seg;

import java.util.List;
import java.util.function.IntUnaryOperator;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.image.Image;
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
import javafx.scene.transform.NonInvertibleTransformException;
import javafx.scene.transform.TransformChangedEvent;
import org.losslab.app.render.CanvasComposite;

/**
 * The zoomable, pannable canvas: the heatmap, the ground truth and the prediction composed into one
 * image (see {@link org.losslab.app.render.CanvasComposite}: with the heatmap shown the masks are
 * contours, so every other pixel has its colour bar's colour), drawn pixel by pixel over an optional
 * background photo; a legend naming the contours; a brush cursor of the brush's real size; and the
 * mouse gestures of painting tools: the wheel zooms around the cursor, a middle drag or Space and drag
 * pans. One composed texture keeps the window's rendering within a frame even in software.
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
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1);
    /** Lines drawn over the image in its own coordinates: where the slice's HD is realised, and marks of a volume's. */
    private final SegmentMarks annotations = new SegmentMarks(zoom.getReadOnlyProperty());
    private final SegmentMarks marks = new SegmentMarks(zoom.getReadOnlyProperty());
    /** The height of an image pixel on screen over its width (a slice of a volume with anisotropic voxels). */
    private double pixelAspect = 1;
    private final Affine view = new Affine();
    private final ImageView background = new ImageView();
    private final ImageView composite = new ImageView();
    private final DoubleProperty heatmapOpacity = new SimpleDoubleProperty(this, "heatmapOpacity", 1);
    private final DoubleProperty targetOpacity = new SimpleDoubleProperty(this, "targetOpacity", 1);
    private final DoubleProperty predictionOpacity = new SimpleDoubleProperty(this, "predictionOpacity", 1);
    private final BooleanProperty heatmapShown =
            new SimpleBooleanProperty(this, "heatmapShown", true);
    private final CanvasLegend legend = new CanvasLegend();
    private final CanvasLayers layers = new CanvasLayers();
    private final Circle cursorCircle = new Circle();
    private final Rectangle shapePreview = new Rectangle();
    private final DoubleProperty brushRadius = new SimpleDoubleProperty(this, "brushRadius", 8);
    private final ObjectProperty<Gestures> gestures = new SimpleObjectProperty<>(this, "gestures");
    private WritableImage compositeImage;
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
        composite.setSmooth(false);
        composite.setPreserveRatio(true);
        for (Observable o : new Observable[] {heatmapOpacity, targetOpacity, predictionOpacity,
            heatmapShown, background.imageProperty()}) {
            o.addListener(x -> recompose());
        }
        legend.heatmapShownProperty().bind(heatmapShown);
        legend.setMouseTransparent(true);
        legend.relocate(8, 8);
        cursorCircle.setFill(Color.TRANSPARENT);
        cursorCircle.setStroke(Color.WHITE);
        cursorCircle.setStrokeWidth(1);
        cursorCircle.setMouseTransparent(true);
        cursorCircle.radiusProperty().bind(brushRadius);
        cursorCircle.strokeWidthProperty().bind(Bindings.divide(1.0, zoom.getReadOnlyProperty()));
        shapePreview.setFill(Color.TRANSPARENT);
        shapePreview.setStroke(Color.YELLOW);
        shapePreview.setVisible(false);
        shapePreview.setMouseTransparent(true);
        content.getTransforms().add(view);
        content.getChildren().addAll(annotations, marks, shapePreview, cursorCircle);
        // the images are scaled by their own fit size, not by a parent transform, so that pixels stay
        // sharp squares (ImageView smoothing only applies to its own scaling)
        background.setPreserveRatio(false);
        getChildren().addAll(background, composite, content, legend);
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
        widthProperty().addListener((o, a, b) -> {
            fitIfUnset();
            redrawScreen();
        });
        heightProperty().addListener((o, a, b) -> {
            fitIfUnset();
            redrawScreen();
        });
    }

    private boolean fitted;

    private void placeImages() {
        double s = view.getMxx();
        background.setLayoutX(view.getTx());
        background.setLayoutY(view.getTy());
        background.setFitWidth(imageWidth * s);
        background.setFitHeight(imageHeight * view.getMyy());
        redrawScreen();
    }

    private boolean following;
    /** The canvas this one follows (the split view's first pane), which its pan and zoom gestures move. */
    private PaintCanvas leaderCanvas;

    /** Where pan and zoom gestures go: the leader's transform when following, else this canvas's own. */
    private PaintCanvas navigated() {
        return leaderCanvas != null ? leaderCanvas : this;
    }

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
    public void setBackground(Image image) {
        background.setImage(image);
        placeImages();
    }

    /** Follows another canvas's zoom, pan, layer opacities and visibility (the split view's second map). */
    public void follow(PaintCanvas leader) {
        following = true;
        leaderCanvas = leader;
        leader.view.addEventHandler(TransformChangedEvent.TRANSFORM_CHANGED,
                e -> view.setToTransform(leader.view));
        view.setToTransform(leader.view);
        zoom.bind(leader.zoom); // the leader sets its zoom after its transform: bound, never a step behind
        heatmapOpacity.bind(leader.heatmapOpacity);
        targetOpacity.bind(leader.targetOpacity);
        predictionOpacity.bind(leader.predictionOpacity);
        heatmapShown.bind(leader.heatmapShown);
        background.imageProperty().bind(leader.background.imageProperty());
    }

    /** The heatmap's opacity over the backdrop or the background photo. */
    public DoubleProperty heatmapOpacityProperty() {
        return heatmapOpacity;
    }

    /** The ground truth's contour opacity. */
    public DoubleProperty targetOpacityProperty() {
        return targetOpacity;
    }

    /** The prediction's contour (heatmap shown) or fill (heatmap hidden) opacity. */
    public DoubleProperty predictionOpacityProperty() {
        return predictionOpacity;
    }

    /** Whether the heatmap is shown (V toggles); hidden, the prediction is drawn as a fill. */
    public BooleanProperty heatmapShownProperty() {
        return heatmapShown;
    }

    /** Whether pixel i lies on a drawn outline (ground truth or prediction) or an ignored pixel's mark. */
    public boolean onOutline(int i) {
        return layers.onOutline(i);
    }

    /** The composed image's pixels as on screen (before zoom), for tests that compare them with the colour bar. */
    public int[] composedPixels() {
        return layers.composedPixels();
    }

    public CanvasLegend legend() {
        return legend;
    }

    public void setSpaceDown(boolean down) {
        spaceDown = down;
    }

    /** Makes room for images of a new size (and fits them to the window). */
    public void resizeImages(int width, int height) {
        if (width == imageWidth && height == imageHeight) {
            return;
        }
        imageWidth = width;
        imageHeight = height;
        layers.clear();
        fitted = false;
        fitIfUnset();
        placeImages();
    }

    /**
     * New layers: the heatmap's colours, the ground truth's contour, the prediction's fill and its
     * contour (ARGB, one per image pixel); composed into the one image the canvas shows.
     */
    public void show(int[] heat, int[] targetContour, int[] fill, int[] predictionContour) {
        int n = imageWidth * imageHeight;
        if (heat == null || heat.length != n) {
            return;
        }
        // the frame's own arrays, not copies: the window holds the frame on screen until the next one is, and an
        // opacity change recomposes from these
        layers.set(heat, targetContour, fill, predictionContour);
        recompose();
    }

    /** Forgets the layers (the split view's second pane, hidden): their frame's arrays go back to be reused. */
    public void drop() {
        layers.clear();
    }

    private void recompose() {
        layers.compose(new CanvasComposite.Settings(heatmapShown.get(), heatmapOpacity.get(), targetOpacity.get(),
                predictionOpacity.get(), background.getImage() != null));
        redrawScreen();
    }

    /**
     * Draws the composed image into a screen-sized image shown 1:1: each screen pixel takes the image
     * pixel under its centre (nearest neighbour, so image pixels stay sharp squares). Drawing an
     * unscaled texture costs the renderer a fraction of a scaled one, which keeps painting within a
     * frame even with the software pipeline.
     */
    private void redrawScreen() {
        int sw = (int) Math.ceil(getWidth());
        int sh = (int) Math.ceil(getHeight());
        IntUnaryOperator imagePixel = layers.imagePixel();
        if (layers.isEmpty() || imagePixel == null || sw <= 0 || sh <= 0) {
            return;
        }
        if (compositeImage == null || (int) compositeImage.getWidth() != sw || (int) compositeImage.getHeight() != sh) {
            compositeImage = new WritableImage(sw, sh);
            composite.setImage(compositeImage);
            screen = new int[sw * sh];
        }
        int outside = background.getImage() != null ? 0 : 0xFF1B1B1B;
        CanvasComposite.toScreen(screen, sw, sh, imagePixel, imageWidth, imageHeight, view.getTx(), view.getTy(), view.getMxx(),
                view.getMyy(), outside, hatch != null && hatch.length == layers.pixels() ? hatch : null);
        compositeImage.getPixelWriter().setPixels(0, 0, sw, sh, PixelFormat.getIntArgbInstance(), screen, 0, sw);
    }

    private int[] screen;
    /** Image pixels drawn with diagonal stripes over the map (null: none). */
    private boolean[] hatch;

    /** Stripes these image pixels (one flag per pixel; null clears): the map between the stripes keeps its colours. */
    public void setHatch(boolean[] pixels) {
        hatch = pixels;
        redrawScreen();
    }

    /** The hatched pixels (null: none). */
    public boolean[] hatch() {
        return hatch;
    }

    /** Fits the image to the window (Ctrl+0). */
    public void fit() {
        if (leaderCanvas != null) {
            leaderCanvas.fit();
            return;
        }
        if (imageWidth == 0 || getWidth() <= 0) {
            return;
        }
        double s = Math.min(getWidth() / imageWidth, getHeight() / (imageHeight * pixelAspect)) * 0.96;
        view.setToIdentity();
        view.appendTranslation((getWidth() - s * imageWidth) / 2, (getHeight() - s * pixelAspect * imageHeight) / 2);
        view.appendScale(s, s * pixelAspect);
        zoom.set(s);
        fitted = true;
    }

    /** Zooms by a factor around a point of the canvas. */
    public void zoomAround(double factor, double px, double py) {
        if (leaderCanvas != null) {
            leaderCanvas.zoomAround(factor, px, py);
            return;
        }
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
        } catch (NonInvertibleTransformException e) {
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
            navigated().view.appendTranslation((e.getX() - panAnchor.getX()) / s, (e.getY() - panAnchor.getY()) / s);
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
            navigated().zoomAround(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15, e.getX(), e.getY());
        }
        e.consume();
    }

    public boolean isPainting() {
        return painting;
    }

    /**
     * Draws segments between pixel centres, {y1, x1, y2, x2} each, with a dot at the first end, over the
     * image (an empty list clears them).
     */
    public void setSegments(List<int[]> segments, Color colour, String tooltip) {
        annotations.show(segments, colour, tooltip);
    }

    /** The segments drawn, as {y1, x1, y2, x2}. */
    public List<int[]> segments() {
        return annotations.segments();
    }

    /** A second set of segments, kept apart from {@link #setSegments}'s (a volume's marks on its slice). */
    public void setMarks(List<int[]> segments, Color colour, String tooltip) {
        marks.show(segments, colour, tooltip);
    }

    public List<int[]> marks() {
        return marks.segments();
    }

    /** Draws image pixels {@code aspect} times taller than wide (a slice's row over column spacing), refitted. */
    public void setPixelAspect(double aspect) {
        pixelAspect = aspect;
        annotations.aspect(aspect);
        marks.aspect(aspect);
        fitted = false;
        fit();
    }
}
