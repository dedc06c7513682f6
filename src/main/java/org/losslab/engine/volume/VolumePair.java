package org.losslab.engine.volume;

import java.util.Arrays;
import org.losslab.engine.EngineException;
import org.losslab.engine.dataset.Case;
import org.losslab.engine.dataset.ClassNumbers;
import org.losslab.engine.distance.HausdorffPair;
import org.losslab.engine.distance.MaskChannels;
import org.losslab.engine.distance.SurfaceMetrics;
import org.losslab.engine.paint.MapOperations;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/**
 * A volume case: a ground-truth and a predicted label volume of one shape and spacing, and what the app asks of
 * them: the 2-D scene of one slice (the prediction as the sure logits "Copy target to prediction" gives, or, for a
 * soft prediction, the logits of its probabilities), the slice written back after an edit, and the numbers of a
 * class on the whole volume and on one slice, distances in mm (the slice with its own 2-D spacing). Slices are cut
 * in the planes of the case's {@link Orientation} (radiological when the header gave one); their index is the voxel
 * index along the plane's fixed array axis, from 0.
 */
public final class VolumePair {
    private final LabelVolume labels;
    private final LabelVolume prediction;
    private final int channels;
    /** The soft prediction whose p >= 0.5 is {@link #prediction}, or null for hard labels. */
    private final ProbabilityVolume probabilities;
    private final Orientation orientation;

    /** The two volumes in the array's own planes; the class count is that of both (binary when only 0 and 1 occur). */
    public VolumePair(LabelVolume labels, LabelVolume prediction) {
        this(labels, prediction, null, Orientation.unknown("no orientation was given"));
    }

    /** Two label volumes shown in the planes of an orientation (the ground truth's header's). */
    public VolumePair(LabelVolume labels, LabelVolume prediction, Orientation orientation) {
        this(labels, prediction, null, orientation);
    }

    /**
     * Hard labels against a soft binary prediction: the slices' losses and maps use the probabilities, the metrics
     * their p >= 0.5. The ground truth must be binary (probabilities are of class 1); the spacings must agree.
     */
    public static VolumePair soft(LabelVolume labels, ProbabilityVolume probabilities, double[] predictionSpacing,
                                  Orientation orientation) {
        if (labels.maxClass() > 1) {
            throw new EngineException("volume case: the prediction holds probabilities of one class, the ground truth has "
                    + "classes up to " + labels.maxClass() + " (a soft prediction needs binary labels)");
        }
        if (!Arrays.equals(labels.shape(), probabilities.shape())) {
            throw new EngineException("volume case: the ground truth is " + text(labels.shape()) + " voxels, the prediction "
                    + text(probabilities.shape()));
        }
        return new VolumePair(labels, probabilities.thresholded("the prediction", predictionSpacing), probabilities,
                orientation);
    }

    private VolumePair(LabelVolume labels, LabelVolume prediction, ProbabilityVolume probabilities, Orientation orientation) {
        if (!Arrays.equals(labels.shape(), prediction.shape())) {
            throw new EngineException("volume case: the ground truth is " + text(labels.shape()) + " voxels, the prediction "
                    + text(prediction.shape()));
        }
        double[] mm = labels.spacing();
        double[] other = prediction.spacing();
        for (int axis = 0; axis < 3; axis++) {
            if (Math.abs(other[axis] - mm[axis]) > Case.SPACING_TOLERANCE * mm[axis]) {
                throw new EngineException("volume case: the prediction's voxels are " + text(other) + " mm (z, y, x), the "
                        + "ground truth's " + text(mm) + " mm");
            }
        }
        this.labels = labels;
        this.prediction = prediction;
        this.probabilities = probabilities;
        this.orientation = orientation;
        channels = Math.max(2, Math.max(labels.maxClass(), prediction.maxClass()) + 1);
    }

    public LabelVolume labels() {
        return labels;
    }

    public LabelVolume prediction() {
        return prediction;
    }

    /** The soft prediction, or null when the prediction is hard labels. */
    public ProbabilityVolume probabilities() {
        return probabilities;
    }

    public Orientation orientation() {
        return orientation;
    }

    /** How a plane's slices are laid out on the screen. */
    public SlicePlane plane(SliceAxis axis) {
        return orientation.plane(axis);
    }

    /** The scene's mode: binary for classes 0 and 1, else multiclass. */
    public SegMode mode() {
        return channels == 2 ? SegMode.BINARY : SegMode.MULTICLASS;
    }

    /** How many classes (background included). */
    public int classes() {
        return channels;
    }

    /** The 2-D scene of a slice: the ground truth's labels and the prediction's as sure logits, or its probabilities' logits. */
    public SegmentationData sliceScene(SliceAxis axis, int index) {
        SlicePlane plane = plane(axis);
        int[] shape = labels.shape();
        int rows = plane.rows(shape);
        int columns = plane.columns(shape);
        int c = mode() == SegMode.BINARY ? 1 : channels;
        double[] logits;
        if (probabilities != null) {
            logits = probabilities.slice(plane, index);
            for (int i = 0; i < logits.length; i++) {
                logits[i] = SoftLogits.logit(logits[i]);
            }
        } else {
            logits = MapOperations.fromTarget(new SegmentationData(mode(), c, rows, columns, new double[c * rows * columns],
                    prediction.slice(plane, index)));
        }
        return new SegmentationData(mode(), c, rows, columns, logits, labels.slice(plane, index));
    }

    /**
     * Writes an edited slice scene back: its target as it is, its prediction as labels (p >= 0.5 in binary mode, the
     * first largest logit in multiclass, as the metrics threshold it) and, for a soft prediction, as probabilities.
     * Returns how many voxels changed.
     */
    public int writeBack(SliceAxis axis, int index, SegmentationData scene) {
        SlicePlane plane = plane(axis);
        int changed = labels.writeSlice(plane, index, scene.target()) + prediction.writeSlice(plane, index, predictedLabels(scene));
        if (probabilities != null) {
            double[] p = scene.prediction().clone();
            for (int i = 0; i < p.length; i++) {
                p[i] = SoftLogits.probability(p[i]);
            }
            changed += probabilities.writeSlice(plane, index, p);
        }
        return changed;
    }

    /** The prediction of a scene as one label a pixel. */
    public static int[] predictedLabels(SegmentationData scene) {
        int n = scene.pixels();
        int[] out = new int[n];
        int first = scene.mode() == SegMode.BINARY ? 1 : 0;
        for (int c = first; c < Math.max(2, scene.channels()); c++) {
            boolean[] mask = MaskChannels.predicted(scene, scene.mode() == SegMode.BINARY ? 0 : c, 0.5);
            for (int i = 0; i < n; i++) {
                if (mask[i]) {
                    out[i] = c;
                }
            }
        }
        return out;
    }

    /** The numbers of class k on the whole volume, distances in mm with the volume's spacing. */
    public ClassNumbers volumeNumbers(int k, double toleranceMm) {
        return numbers(labels.mask(k, null), prediction.mask(k, null), labels.shape(), labels.spacing(), toleranceMm);
    }

    /** The numbers of class k on one slice as a 2-D image, distances in mm with the slice's spacing. */
    public ClassNumbers sliceNumbers(SliceAxis axis, int index, int k, double toleranceMm) {
        int[] shape = labels.shape();
        SlicePlane plane = plane(axis);
        return numbers(mask(labels.slice(plane, index), k), mask(prediction.slice(plane, index), k),
                new int[] {plane.rows(shape), plane.columns(shape)}, plane.spacing(labels.spacing()), toleranceMm);
    }

    /** CONTRACTS_V3 section 2's numbers of one class given as two masks over a 2-D or 3-D grid. */
    static ClassNumbers numbers(boolean[] reference, boolean[] predicted, int[] shape, double[] spacing, double toleranceMm) {
        long tp = 0;
        long nRef = 0;
        long nPred = 0;
        for (int i = 0; i < reference.length; i++) {
            nRef += reference[i] ? 1 : 0;
            nPred += predicted[i] ? 1 : 0;
            tp += reference[i] & predicted[i] ? 1 : 0;
        }
        if (nRef + nPred == 0) {
            return ClassNumbers.absent(reference.length);
        }
        long fp = nPred - tp;
        long fn = nRef - tp;
        SurfaceMetrics surface = SurfaceMetrics.compute(reference, predicted, shape, spacing);
        return new ClassNumbers(tp, fp, fn, reference.length - tp - fp - fn, (double) (2 * tp) / (2 * tp + fp + fn),
                (double) tp / (tp + fp + fn), surface.hd(), surface.hd95(), surface.assd(), surface.nsd(toleranceMm));
    }

    private static boolean[] mask(int[] values, int k) {
        boolean[] out = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] == k;
        }
        return out;
    }

    /** Where the volume's HD and HD95 of class k are reached, {z, y, x} voxels; null when a mask is empty. */
    public HausdorffPair.Realised hausdorffPairs(int k) {
        return HausdorffPair.realised(labels.mask(k, null), prediction.mask(k, null), labels.shape(), labels.spacing());
    }

    private static String text(int[] shape) {
        return shape[0] + " x " + shape[1] + " x " + shape[2];
    }

    private static String text(double[] mm) {
        return mm[0] + " x " + mm[1] + " x " + mm[2];
    }
}
