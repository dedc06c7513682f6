package org.losslab.engine.maps;

import java.util.ArrayList;
import java.util.List;
import org.losslab.engine.seg.Activations;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegParams;
import org.losslab.engine.seg.SegmentationData;

/**
 * The numbers of one pixel that the cursor read-out shows, each named: in a binary scene every
 * per-pixel map at that pixel (cross-entropy, focal loss, the gradients of Dice, Jaccard and Tversky
 * from the live frame's global factors); in a multiclass scene the target and predicted class, the
 * probability and the cross-entropy; otherwise the value of the map shown.
 */
public final class PixelReadout {
    /** What a reading holds: a class index, a probability, or a map's value. */
    public enum Kind {
        CLASS, PROBABILITY, VALUE
    }

    /**
     * One named number under the cursor.
     *
     * @param name  as the status bar shows it ("ce", "dDice/dz", "target", ...)
     * @param value the number; for {@link Kind#CLASS} a class index, -1 for an ignored pixel
     */
    public record Reading(String name, double value, Kind kind) {
    }

    private PixelReadout() {
    }

    /**
     * The readings of pixel (y, x).
     *
     * @param factors     binary scenes: the live frame's {@code gradientFactors()} (dL/dp of Dice, Jaccard and
     *                    Tversky on a target and a background pixel), else null
     * @param focalGamma  the focal loss's gamma and alpha (null: none), as the user set them
     * @param shown       the map on screen and its plane of values, read where no other reading applies
     */
    public static List<Reading> at(SegmentationData d, int y, int x, double[] factors, double focalGamma, Double focalAlpha,
                                   MapKind shown, double[] shownPlane) {
        int i = y * d.width() + x;
        return at(d, y, x, factors, focalGamma, focalAlpha, shown, shownPlane == null || i >= shownPlane.length ? null
                : shownPlane[i]);
    }

    /** As above, the shown map's values in single precision (the workspace's frames keep them so). */
    public static List<Reading> at(SegmentationData d, int y, int x, double[] factors, double focalGamma, Double focalAlpha,
                                   MapKind shown, float[] shownPlane) {
        int i = y * d.width() + x;
        return at(d, y, x, factors, focalGamma, focalAlpha, shown, shownPlane == null || i >= shownPlane.length ? null
                : (double) shownPlane[i]);
    }

    private static List<Reading> at(SegmentationData d, int y, int x, double[] factors, double focalGamma,
                                    Double focalAlpha, MapKind shown, Double shownValue) {
        int i = y * d.width() + x;
        List<Reading> out = new ArrayList<>();
        double[] z = d.prediction();
        int t = d.target()[i];
        if (d.mode() == SegMode.MULTICLASS) {
            int n = d.pixels();
            double logZ = Activations.logSumExp(z, i, n, d.channels());
            int best = 0;
            for (int c = 1; c < d.channels(); c++) {
                if (z[c * n + i] > z[best * n + i]) {
                    best = c;
                }
            }
            boolean valid = t >= 0 && t < d.channels();
            out.add(new Reading("target", valid ? t : -1, Kind.CLASS));
            out.add(new Reading("predicted", best, Kind.CLASS));
            out.add(new Reading("p", Math.exp(z[best * n + i] - logZ), Kind.PROBABILITY));
            if (valid) {
                out.add(new Reading("ce", logZ - z[t * n + i], Kind.VALUE));
            }
            addShown(out, shown, shownValue);
            return out;
        }
        boolean ignored = t == SegParams.IGNORED_LABEL;
        out.add(new Reading("target", ignored ? -1 : t, Kind.CLASS));
        out.add(new Reading("p", Activations.sigmoid(z[i]), Kind.PROBABILITY));
        if (d.mode() == SegMode.BINARY && factors != null && !ignored) {
            double p = Activations.sigmoid(z[i]);
            double q = Activations.sigmoid(-z[i]);
            int k = t == 1 ? 0 : 1;
            out.add(new Reading("ce", Activations.binaryCrossEntropy(z[i], t), Kind.VALUE));
            out.add(new Reading("focal", PixelMaps.focalAt(z[i], t, focalGamma, focalAlpha), Kind.VALUE));
            out.add(new Reading("dDice/dz", p * q * factors[k], Kind.VALUE));
            out.add(new Reading("dJaccard/dz", p * q * factors[2 + k], Kind.VALUE));
            out.add(new Reading("dTversky/dz", p * q * factors[4 + k], Kind.VALUE));
        }
        addShown(out, shown, shownValue);
        return out;
    }

    /** The value of the map on screen, whatever it is (the colour under the cursor, as a number). */
    private static void addShown(List<Reading> out, MapKind shown, Double shownValue) {
        if (shown != null && shownValue != null) {
            out.add(new Reading(shown.key(), shownValue, Kind.VALUE));
        }
    }
}
