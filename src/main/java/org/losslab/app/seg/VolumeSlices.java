package org.losslab.app.seg;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.paint.Color;
import org.losslab.app.core.FxLatest;
import org.losslab.app.core.LatestWins;
import org.losslab.engine.EngineException;
import org.losslab.engine.dataset.ClassNumbers;
import org.losslab.engine.distance.HausdorffPair;
import org.losslab.engine.volume.SliceAxis;
import org.losslab.engine.volume.SlicePlane;
import org.losslab.engine.volume.VolumePair;
import org.losslab.scene.VolumeCases;

/**
 * A volume case shown as slices in the segmentation workspace: the volumes live in the engine ({@link VolumePair});
 * the document holds the 2-D scene of the shown slice, so every map, the table and the painting tools work on it
 * unchanged. Each change of the document is written back into the volume; each step of the history remembers its
 * slice, and undoing it goes back there first. The numbers of the shown class on the volume and on the slice (mm,
 * each with its own spacing) and where the volume's Hausdorff distance is realised are computed off the JavaFX thread.
 */
final class VolumeSlices implements AutoCloseable {
    /** A volume case as opened: its files, its volumes and how they were read (hard labels or probabilities, orientation). */
    record Opened(Path labels, Path prediction, VolumePair pair, String reading) {
    }

    /** Where a step was taken: a case's slice. */
    private record Place(Opened opened, SliceAxis axis, int index) {
    }

    /** The numbers of class k: on the volume (null while computing) and on the shown slice, and the volume's HD pair. */
    record Numbers(int k, ClassNumbers volume, ClassNumbers slice, HausdorffPair.Realised pairs) {
    }

    /** A volume's result, computed for one revision of the volume and class. */
    private record VolumeResult(int revision, ClassNumbers numbers, HausdorffPair.Realised pairs) {
    }

    /** What a workspace's state keeps of the case (null fields: no case open). */
    record State(Opened opened, SliceAxis axis, int index) {
    }

    private final SegDocument doc;
    private final PaintCanvas canvas;
    private final IntegerProperty shownClass;
    private final Consumer<String> message;
    /** NSD's tolerance in mm: the audit's setting (one model value for both workspaces). */
    private final DoubleProperty tolerance;
    private final ReadOnlyObjectWrapper<Opened> opened = new ReadOnlyObjectWrapper<>(this, "opened");
    private final ObjectProperty<SliceAxis> axis = new SimpleObjectProperty<>(this, "axis", SliceAxis.AXIAL);
    private final IntegerProperty index = new SimpleIntegerProperty(this, "index");
    /** Where the HD was last found, in words (empty until asked). */
    private final ReadOnlyStringWrapper hausdorffText = new ReadOnlyStringWrapper(this, "hausdorffText", "");
    private final ReadOnlyObjectWrapper<Numbers> numbers = new ReadOnlyObjectWrapper<>(this, "numbers");
    private final LatestWins volumeWorker = new LatestWins("losslab-volume-numbers");
    private final LatestWins sliceWorker = new LatestWins("losslab-slice-numbers");
    private final FxLatest<VolumeResult> volumeShown = new FxLatest<>(this::volumeDone);
    private final FxLatest<Numbers> sliceShown = new FxLatest<>(this::sliceDone);
    /** True while this class puts a slice in the document (any other new scene ends the case). */
    private boolean showing;
    private ClassNumbers volumeNumbers;
    private HausdorffPair.Realised pairs;
    /** Which pair is drawn: HD's (false) or HD95's (true), the one last gone to. */
    private boolean percentileShown;
    /** Bumped when the volume or the class changes: a volume result computed before is stale. */
    private int volumeRevision;
    /** Counts the edits that changed a voxel, for others that compute on the volume (the table's volume column). */
    private final ReadOnlyIntegerWrapper voxelEdits = new ReadOnlyIntegerWrapper(this, "voxelEdits");
    private double shownAspect = 1;

    VolumeSlices(SegDocument doc, PaintCanvas canvas, IntegerProperty shownClass, DoubleProperty tolerance,
                 Consumer<String> message) {
        this.doc = doc;
        this.tolerance = tolerance;
        this.canvas = canvas;
        this.shownClass = shownClass;
        this.message = message;
        doc.placeSteps(() -> opened.get() == null ? null : new Place(opened.get(), axis.get(), index.get()), this::goTo);
        doc.dataProperty().addListener((o, a, b) -> {
            if (!showing && opened.get() != null) {
                end(); // a preset, a file or a state given back: the slices are no longer what is shown
            }
        });
        doc.revisionProperty().addListener((o, a, b) -> writeBack());
        shownClass.addListener((o, a, b) -> volumeChanged());
        tolerance.addListener((o, a, b) -> volumeChanged());
        axis.addListener((o, a, b) -> {
            if (opened.get() != null && !showing) {
                show(b, plane(b).count(shape()) / 2);
            }
        });
        index.addListener((o, a, b) -> {
            if (opened.get() != null && !showing) {
                show(axis.get(), b.intValue());
            }
        });
    }

    /** Reads a label volume and a predicted one (.nii or .nii.gz; labels or probabilities); one-line errors name the file. */
    static Opened read(Path labels, Path prediction) {
        VolumeCases.Read read = VolumeCases.read(labels, prediction);
        return new Opened(labels, prediction, read.pair(), read.reading());
    }

    /** Opens a case on its middle axial slice, as a new scene (one undo step, as opening any scene). */
    void open(Opened o) {
        int middle = o.pair().plane(SliceAxis.AXIAL).count(o.pair().labels().shape()) / 2;
        end(); // the new-scene step belongs to no slice
        showing = true;
        try {
            axis.set(SliceAxis.AXIAL);
            pixelAspect(aspect(o.pair(), SliceAxis.AXIAL));
            doc.replace(o.pair().sliceScene(SliceAxis.AXIAL, middle), "");
            index.set(middle);
        } finally {
            showing = false;
        }
        opened.set(o); // after the new-scene step, which belongs to no slice
        volumeChanged();
        double[] mm = o.pair().labels().spacing();
        int[] shape = shape();
        message.accept(String.format(Locale.ROOT, "Volume %s: %d x %d x %d voxels of %.3g x %.3g x %.3g mm (z, y, x), %d classes; %s",
                o.labels().getFileName(), shape[0], shape[1], shape[2], mm[0], mm[1], mm[2], o.pair().classes(), o.reading()));
    }

    /** Shows slice {@code i} along an axis (no undo step: moving through slices is not an edit). */
    void show(SliceAxis a, int i) {
        Opened o = opened.get();
        if (o == null) {
            return;
        }
        int clamped = Math.max(0, Math.min(plane(a).count(shape()) - 1, i));
        if (a != axis.get() && !hausdorffText.get().isEmpty()) {
            hausdorffText.set(""); // "both on this slice" was said of the other axis
            message.accept("");
        }
        showing = true;
        try {
            axis.set(a);
            index.set(clamped);
            pixelAspect(aspect(o.pair(), a));
            doc.showSlice(o.pair().sliceScene(a, clamped));
        } finally {
            showing = false;
        }
        submitSlice();
        drawPair();
    }

    /** Moves by a number of slices along the shown axis. */
    void step(int slices) {
        if (opened.get() != null) {
            show(axis.get(), index.get() + slices);
        }
    }

    /** The pair drawn (HD's or HD95's), or null. */
    private HausdorffPair pair() {
        return pairs == null ? null : percentileShown ? pairs.hd95() : pairs.hd();
    }

    /** Jumps to the slice where the volume's Hausdorff distance (or HD95) is realised and draws it there. */
    void goToHausdorff(boolean hd95) {
        percentileShown = hd95;
        HausdorffPair pair = pair();
        if (pair == null) {
            message.accept(opened.get() == null ? "No volume case is open"
                    : "No Hausdorff distance for class " + klass() + ": a mask is empty or the numbers are being computed");
            return;
        }
        int[] from = pair.from();
        int[] to = pair.to();
        int k = klass(); // the class the pair is of, whatever showing the slice does to the choice
        SliceAxis a = axis.get();
        int fixed = plane(a).fixedAxis();
        show(a, from[fixed]);
        int apart = Math.abs(to[fixed] - from[fixed]);
        hausdorffText.set(String.format(Locale.ROOT, "%s %.2f mm, class %d: from the %s's voxel (z %d, y %d, x %d) to the %s's "
                + "(z %d, y %d, x %d)%s", hd95 ? "HD95 reached at" : "HD", pair.distance(), k, pair.fromPrediction() ? "prediction" : "ground truth",
                from[0], from[1], from[2], pair.fromPrediction() ? "ground truth" : "prediction", to[0], to[1], to[2],
                apart == 0 ? ", both on this slice" : ", " + apart + " slice" + (apart == 1 ? "" : "s") + " apart (drawn "
                        + "projected onto this one)"));
        message.accept(hausdorffText.get());
    }

    /** The HD line on the shown slice when one of its ends lies on it. */
    private void drawPair() {
        HausdorffPair pair = pair();
        SlicePlane plane = opened.get() == null ? null : plane(axis.get());
        if (pair == null || plane == null
                || pair.from()[plane.fixedAxis()] != index.get() && pair.to()[plane.fixedAxis()] != index.get()) {
            canvas.setMarks(List.of(), Color.MAGENTA, "");
            return;
        }
        int[] f = plane.pixel(shape(), pair.from());
        int[] t = plane.pixel(shape(), pair.to());
        canvas.setMarks(List.of(new int[] {f[0], f[1], t[0], t[1]}), Color.MAGENTA, "where the volume's Hausdorff distance is realised");
    }

    /** Undo or redo of a step taken on another slice (or case): show it first. */
    private void goTo(Object where) {
        if (where instanceof Place p) {
            if (opened.get() != p.opened()) {
                opened.set(p.opened());
                volumeChanged();
            }
            show(p.axis(), p.index());
        }
    }

    /** The shown slice's edits into the volume; the volume's numbers are stale if a voxel changed. */
    private void writeBack() {
        Opened o = opened.get();
        if (o == null || showing) {
            return;
        }
        try {
            if (o.pair().writeBack(axis.get(), index.get(), doc.data()) > 0) {
                voxelEdits.set(voxelEdits.get() + 1);
                volumeChanged();
            } else {
                submitSlice();
            }
        } catch (EngineException e) {
            message.accept("The slice could not be written into the volume: " + e.getMessage());
        }
    }

    private void volumeChanged() {
        volumeRevision++;
        hausdorffText.set("");
        volumeNumbers = null;
        pairs = null; // stale: the line goes until the new one is found
        drawPair();
        Opened o = opened.get();
        if (o == null) {
            return;
        }
        int k = klass();
        int revision = volumeRevision;
        double mm = tolerance.get();
        volumeWorker.submit(() -> {
            // the numbers first (seconds on a CT-sized structure), then the pair, which takes as long again
            ClassNumbers v = o.pair().volumeNumbers(k, mm);
            volumeShown.accept(new VolumeResult(revision, v, null));
            volumeShown.accept(new VolumeResult(revision, v, o.pair().hausdorffPairs(k)));
        });
        submitSlice();
    }

    private void submitSlice() {
        Opened o = opened.get();
        if (o == null) {
            return;
        }
        SliceAxis a = axis.get();
        int i = index.get();
        int k = klass();
        double mm = tolerance.get();
        sliceWorker.submit(() -> sliceShown.accept(new Numbers(k, null, o.pair().sliceNumbers(a, i, k, mm), null)));
    }

    private void volumeDone(VolumeResult r) {
        if (r.revision() != volumeRevision) {
            return; // the volume or the class changed since: a newer result is on its way
        }
        volumeNumbers = r.numbers();
        pairs = r.pairs();
        Numbers shown = numbers.get();
        numbers.set(new Numbers(klass(), volumeNumbers, shown == null ? null : shown.slice(), pairs));
        drawPair();
    }

    private void sliceDone(Numbers n) {
        numbers.set(new Numbers(n.k(), volumeNumbers, n.slice(), pairs));
    }

    /** The class whose numbers are shown: the one painted (at least 1). */
    int klass() {
        return Math.max(1, shownClass.get());
    }

    private int[] shape() {
        return opened.get().pair().labels().shape();
    }

    /** How the open case's plane is laid out (radiological when its header has an orientation). */
    SlicePlane plane(SliceAxis a) {
        return opened.get().pair().plane(a);
    }

    /** A slice's pixels on screen: row spacing over column spacing. */
    static double aspect(VolumePair pair, SliceAxis a) {
        double[] mm = pair.plane(a).spacing(pair.labels().spacing());
        return mm[0] / mm[1];
    }

    /** NSD's tolerance in mm, the audit's. */
    DoubleProperty toleranceProperty() {
        return tolerance;
    }

    /** Ends the case (another scene was opened); its steps stay in the history and reopen it when undone. */
    void end() {
        opened.set(null);
        pairs = null;
        volumeNumbers = null;
        numbers.set(null);
        if (!hausdorffText.get().isEmpty()) {
            message.accept(""); // the status bar's HD line was of the volume, not of the scene now shown
        }
        hausdorffText.set("");
        canvas.setMarks(List.of(), Color.MAGENTA, "");
        pixelAspect(1);
    }

    /** Draws pixels this many times taller than wide; the canvas refits only when it changes. */
    private void pixelAspect(double aspect) {
        if (aspect != shownAspect) {
            shownAspect = aspect;
            canvas.setPixelAspect(aspect);
        }
    }

    State state() {
        return new State(opened.get(), axis.get(), index.get());
    }

    /** Puts a case back as a state had it, over the document the state gave back (the slice it showed). */
    void restore(State s) {
        if (s.opened() == null) {
            return;
        }
        showing = true;
        try {
            axis.set(s.axis());
            index.set(s.index());
            pixelAspect(aspect(s.opened().pair(), s.axis()));
        } finally {
            showing = false;
        }
        opened.set(s.opened());
        volumeChanged();
        drawPair();
    }

    ReadOnlyStringProperty hausdorffTextProperty() {
        return hausdorffText.getReadOnlyProperty();
    }

    /** Bumped by each edit that changes a voxel of the open case. */
    ReadOnlyIntegerProperty voxelEditsProperty() {
        return voxelEdits.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Opened> openedProperty() {
        return opened.getReadOnlyProperty();
    }

    ObjectProperty<SliceAxis> axisProperty() {
        return axis;
    }

    IntegerProperty indexProperty() {
        return index;
    }

    /** The numbers on screen (null: no case, or not computed yet). */
    ReadOnlyObjectProperty<Numbers> numbersProperty() {
        return numbers.getReadOnlyProperty();
    }

    @Override
    public void close() {
        volumeWorker.close();
        sliceWorker.close();
    }
}
