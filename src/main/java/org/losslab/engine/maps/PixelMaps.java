package org.losslab.engine.maps;

import java.util.HashMap;
import java.util.Map;
import org.losslab.engine.Domains;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.seg.Activations;
import org.losslab.engine.seg.BoundaryBands;
import org.losslab.engine.seg.Labels;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegParams;
import org.losslab.engine.seg.SegmentationData;

/**
 * Computes the per-pixel maps of a segmentation scene. Per-class maps (focal, gradients, bands, errors)
 * have one plane per channel; in multiclass mode a class is taken one-vs-rest (argmax for hard
 * predictions). Gradients come from the registry's losses, so a map always shows what {@code eval}
 * computes.
 */
public final class PixelMaps {
    /** Codes of the error map. */
    public static final int TN = 0;
    public static final int TP = 1;
    public static final int FP = 2;
    public static final int FN = 3;
    public static final int IGNORED = 4;
    /** Codes of the band map: bit 1 the target's band, bit 2 the prediction's. */
    public static final int TARGET_BAND = 1;
    public static final int PREDICTION_BAND = 2;

    private PixelMaps() {
    }

    /** A map with the registry's default parameters for the gradient maps. */
    public static PixelMap compute(MapKind kind, SegmentationData data, MapSettings s) {
        Map<String, Params> defaults = new HashMap<>();
        for (LossSpec<SegmentationData> spec : LossRegistry.of(Domains.SEGMENTATION)) {
            defaults.put(spec.name(), spec.defaults());
        }
        return compute(kind, data, s, defaults);
    }

    /**
     * A map; the gradient maps are the registry's gradients with the parameters the user gave each loss
     * ({@code params}, by loss name), so that a map always shows what {@code eval --grad} computes
     * for them. The ignore label is left out where the user gave no {@code ignore_index}.
     */
    public static PixelMap compute(MapKind kind, SegmentationData data, MapSettings s, Map<String, Params> params) {
        switch (kind.source()) {
            case GRADIENT: {
                // cross-entropy is bce for sigmoid outputs, ce for softmax ones
                String loss = kind.gradientOf();
                String entry = loss.equals("ce") && data.mode() != SegMode.MULTICLASS ? "bce" : loss;
                return gradient(kind, data, entry, params);
            }
            case VALUE:
                return values(kind, data, params);
            default:
                return teaching(kind, data, s, params);
        }
    }

    private static PixelMap teaching(MapKind kind, SegmentationData data, MapSettings s, Map<String, Params> params) {
        if (kind == MapKind.CROSS_ENTROPY) {
            return crossEntropy(data, s);
        }
        if (kind == MapKind.FOCAL || kind == MapKind.FOCAL_MODULATION) {
            return focal(data, s, kind == MapKind.FOCAL_MODULATION);
        }
        if (kind == MapKind.UNET_WEIGHTS) {
            return new PixelMap(kind, 1, data.height(), data.width(), unetWeights(data, s));
        }
        if (kind == MapKind.WEIGHTED_CE) {
            return weightedCrossEntropy(data, s);
        }
        if (kind == MapKind.BOUNDARY_BANDS) {
            return bands(data, s);
        }
        if (kind == MapKind.ERRORS) {
            return errors(data, s);
        }
        return DistanceMaps.compute(kind, data, s, name -> params.getOrDefault(name, LossRegistry.get(name).defaults()));
    }

    private static Labels labels(SegmentationData data, MapSettings s, String owner) {
        return Labels.of(data, s.ignoreIndex(), owner);
    }

    /** BCE per element (binary, multilabel) or softmax cross-entropy per pixel (multiclass). */
    static PixelMap crossEntropy(SegmentationData data, MapSettings s) {
        Labels labels = labels(data, s, "ce map");
        double[] x = data.prediction();
        int n = data.pixels();
        if (data.mode() != SegMode.MULTICLASS) {
            double[] out = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                if (labels.valid(i) == 1) {
                    out[i] = Activations.binaryCrossEntropy(x[i], labels.truth(i));
                }
            }
            return new PixelMap(MapKind.CROSS_ENTROPY, data.channels(), data.height(), data.width(), out);
        }
        int channels = data.channels();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            if (labels.valid(i) == 0) {
                continue;
            }
            double truthLogit = 0;
            for (int c = 0; c < channels; c++) {
                if (labels.truth(c * n + i) == 1) {
                    truthLogit = x[c * n + i];
                }
            }
            out[i] = Activations.logSumExp(x, i, n, channels) - truthLogit;
        }
        return new PixelMap(MapKind.CROSS_ENTROPY, 1, data.height(), data.width(), out);
    }

    /** The focal loss of each element (one-vs-rest sigmoid, as smp), or its modulating factor. */
    static PixelMap focal(SegmentationData data, MapSettings s, boolean factorOnly) {
        Labels labels = labels(data, s, "focal map");
        double[] x = data.prediction();
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (labels.valid(i) == 0) {
                continue;
            }
            int t = labels.truth(i);
            out[i] = factorOnly ? focalFactor(x[i], t, s.focalGamma()) : focalAt(x[i], t, s.focalGamma(), s.focalAlpha());
        }
        return new PixelMap(factorOnly ? MapKind.FOCAL_MODULATION : MapKind.FOCAL, data.channels(), data.height(),
                data.width(), out);
    }

    /** The modulating factor (1 - p_t)^gamma of one element with logit z and target t. */
    public static double focalFactor(double z, int t, double gamma) {
        return Math.pow(Activations.sigmoid(t == 1 ? -z : z), gamma);
    }

    /** The focal loss of one element: alpha_t (1 - p_t)^gamma BCE(z, t); alpha null means no weighting. */
    public static double focalAt(double z, int t, double gamma, Double alpha) {
        double balance = alpha == null ? 1 : t == 1 ? alpha : 1 - alpha;
        return balance * focalFactor(z, t, gamma) * Activations.binaryCrossEntropy(z, t);
    }

    /** The class of each pixel for the U-Net weights (0 background, -1 ignored). */
    static int[] pixelClasses(SegmentationData data, MapSettings s) {
        return pixelClasses(data, labels(data, s, "unet weights"));
    }

    /** Per pixel its class (0 background), -1 where ignored: what U-Net's weights are computed from. */
    static int[] pixelClasses(SegmentationData data, Labels labels) {
        int n = data.pixels();
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            if (labels.valid(i) == 0) {
                classes[i] = -1;
                continue;
            }
            if (data.mode() == SegMode.MULTICLASS) {
                for (int c = 0; c < data.channels(); c++) {
                    if (labels.truth(c * n + i) == 1) {
                        classes[i] = c;
                    }
                }
            } else {
                for (int c = 0; c < data.channels(); c++) {
                    classes[i] = Math.max(classes[i], labels.truth(c * n + i));
                }
            }
        }
        return classes;
    }

    static double[] unetWeights(SegmentationData data, MapSettings s) {
        return UnetWeights.compute(pixelClasses(data, s), data.height(), data.width(), s.unetW0(), s.unetSigma());
    }

    static PixelMap weightedCrossEntropy(SegmentationData data, MapSettings s) {
        double[] w = unetWeights(data, s);
        PixelMap ce = crossEntropy(data, s);
        double[] out = ce.values().clone();
        int n = data.pixels();
        for (int i = 0; i < out.length; i++) {
            out[i] *= w[i % n];
        }
        return new PixelMap(MapKind.WEIGHTED_CE, ce.channels(), data.height(), data.width(), out);
    }

    /** dL/dz of a registry loss, with the scene-independent settings given. */
    static PixelMap gradient(MapKind kind, SegmentationData data, String loss, Map<String, Params> params) {
        @SuppressWarnings("unchecked")
        LossSpec<SegmentationData> spec = (LossSpec<SegmentationData>) LossRegistry.get(loss);
        Params p = withIgnoredLabel(spec, params.getOrDefault(loss, spec.defaults()));
        return new PixelMap(kind, data.channels(), data.height(), data.width(), LossMaps.gradient(spec, data, p));
    }

    /** The per-element values of a registry loss computed pixel by pixel, with the user's parameters. */
    static PixelMap values(MapKind kind, SegmentationData data, Map<String, Params> params) {
        String loss = kind.valueOf();
        @SuppressWarnings("unchecked")
        LossSpec<SegmentationData> spec = (LossSpec<SegmentationData>) LossRegistry.get(loss);
        double[] v = LossMaps.values(spec, data, withIgnoredLabel(spec, params.getOrDefault(loss, spec.defaults())));
        int channels = v.length / data.pixels();
        return new PixelMap(kind, channels, data.height(), data.width(), v);
    }

    /** The loss's parameters, leaving out the ignore label where the user gave no ignore_index. */
    private static Params withIgnoredLabel(LossSpec<SegmentationData> spec, Params p) {
        if (spec.params().stream().anyMatch(q -> q.name().equals("ignore_index")) && p.optionalInteger("ignore_index") == null) {
            return p.with(spec.name(), spec.params(), "ignore_index", (long) SegParams.IGNORED_LABEL);
        }
        return p;
    }

    /** Hard masks per channel: the target and the thresholded (argmax in multiclass) prediction. */
    static boolean[][] hardMasks(SegmentationData data, MapSettings s, int channel, Labels labels) {
        int n = data.pixels();
        double[] x = data.prediction();
        boolean[] truth = new boolean[n];
        boolean[] predicted = new boolean[n];
        for (int i = 0; i < n; i++) {
            int k = channel * n + i;
            truth[i] = labels.valid(k) == 1 && labels.truth(k) == 1;
            if (data.mode() == SegMode.MULTICLASS) {
                int best = 0;
                for (int c = 1; c < data.channels(); c++) {
                    if (x[c * n + i] > x[best * n + i]) {
                        best = c;
                    }
                }
                predicted[i] = best == channel;
            } else {
                predicted[i] = Activations.sigmoid(x[k]) >= s.threshold();
            }
        }
        return new boolean[][] {truth, predicted};
    }

    static PixelMap bands(SegmentationData data, MapSettings s) {
        Labels labels = labels(data, s, "bands");
        int h = data.height();
        int w = data.width();
        int n = data.pixels();
        int depth = BoundaryBands.depth(s.dilationRatio(), h, w);
        double[] out = new double[data.channels() * n];
        for (int c = 0; c < data.channels(); c++) {
            boolean[][] masks = hardMasks(data, s, c, labels);
            boolean[] a = BoundaryBands.band(masks[0], h, w, depth);
            boolean[] b = BoundaryBands.band(masks[1], h, w, depth);
            for (int i = 0; i < n; i++) {
                out[c * n + i] = (a[i] ? TARGET_BAND : 0) + (b[i] ? PREDICTION_BAND : 0);
            }
        }
        return new PixelMap(MapKind.BOUNDARY_BANDS, data.channels(), h, w, out);
    }

    static PixelMap errors(SegmentationData data, MapSettings s) {
        Labels labels = labels(data, s, "errors");
        int n = data.pixels();
        double[] out = new double[data.channels() * n];
        for (int c = 0; c < data.channels(); c++) {
            boolean[][] masks = hardMasks(data, s, c, labels);
            for (int i = 0; i < n; i++) {
                int code;
                if (labels.valid(c * n + i) == 0) {
                    code = IGNORED;
                } else if (masks[1][i]) {
                    code = masks[0][i] ? TP : FP;
                } else {
                    code = masks[0][i] ? FN : TN;
                }
                out[c * n + i] = code;
            }
        }
        return new PixelMap(MapKind.ERRORS, data.channels(), data.height(), data.width(), out);
    }
}
