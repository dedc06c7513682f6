package org.losslab.scene;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegParams;
import org.losslab.engine.seg.SegmentationData;

/**
 * Segmentation scenes from what the user asks for or brings: a blank canvas of a kind and size, a
 * PNG mask as the target, an array as the prediction. The arithmetic lives here so that the app and
 * the commands build scenes the same way.
 */
public final class SceneInputs {
    /** The logit of a blank canvas: p = sigmoid(-4) = 0.018, "surely background", so the first stroke shows. */
    static final double BLANK_LOGIT = -4;
    /** Probabilities are clamped to [EPS, 1 - EPS] before they become logits. */
    static final double EPS = 1e-6;

    private SceneInputs() {
    }

    /** A kind of canvas the user can start from: a mode and its number of channels. */
    public record CanvasKind(SegMode mode, int channels) {
        @Override
        public String toString() {
            return switch (mode) {
                case BINARY -> "binary";
                case MULTICLASS -> "multiclass (" + channels + " classes)";
                case MULTILABEL -> "multilabel (" + channels + " labels)";
            };
        }
    }

    /** Binary; multiclass with 2 to 8 classes; multilabel with 2 to 4 labels. */
    public static List<CanvasKind> canvasKinds() {
        List<CanvasKind> kinds = new ArrayList<>(List.of(new CanvasKind(SegMode.BINARY, 1)));
        for (int k = 2; k <= 8; k++) {
            kinds.add(new CanvasKind(SegMode.MULTICLASS, k));
        }
        for (int k = 2; k <= 4; k++) {
            kinds.add(new CanvasKind(SegMode.MULTILABEL, k));
        }
        return kinds;
    }

    /**
     * A blank square canvas: an empty target, and a prediction that is confident background everywhere
     * (class 0 in multiclass, every label off otherwise).
     */
    public static SegmentationData blank(CanvasKind kind, int size) {
        int n = size * size;
        double[] logits = new double[kind.channels() * n];
        if (kind.mode() == SegMode.MULTICLASS) {
            Arrays.fill(logits, 0, n, -BLANK_LOGIT); // class 0 ahead of the others by 4
        } else {
            Arrays.fill(logits, BLANK_LOGIT);
        }
        int targetLength = kind.mode() == SegMode.MULTILABEL ? kind.channels() * n : n;
        return new SegmentationData(kind.mode(), kind.channels(), size, size, logits, new int[targetLength]);
    }

    /**
     * The scene with a mask as its target. A binary scene takes every non-zero label as foreground
     * (the ignore label stays ignored); a multilabel target cannot come from a one-label-per-pixel PNG.
     */
    public static SegmentationData withMask(SegmentationData scene, MaskImport.Mask mask) {
        if (mask.height() != scene.height() || mask.width() != scene.width()) {
            throw new SceneException("the mask is " + mask.width() + " x " + mask.height() + ", the canvas "
                    + scene.width() + " x " + scene.height());
        }
        if (scene.mode() == SegMode.MULTILABEL) {
            throw new SceneException("import a multilabel target as a scene file; PNG masks are one label per pixel");
        }
        int[] target = mask.labels().clone();
        for (int i = 0; i < target.length; i++) {
            int label = target[i];
            if (label == SegParams.IGNORED_LABEL) {
                continue;
            }
            if (scene.mode() == SegMode.BINARY) {
                target[i] = label > 0 ? 1 : 0;
            } else if (label >= scene.channels()) {
                throw new SceneException("pixel (" + (i / scene.width()) + ", " + (i % scene.width()) + ") has label "
                        + label + ", the scene has classes 0 to " + (scene.channels() - 1));
            }
        }
        return new SegmentationData(scene.mode(), scene.channels(), scene.height(), scene.width(),
                scene.prediction().clone(), target);
    }

    /**
     * An array as the scene's prediction logits. Arrays whose values all lie in [0, 1] are taken as
     * probabilities and turned into logits (log p in multiclass, whose softmax gives p back; the logit
     * otherwise); any other array is taken as logits.
     */
    /** How a prediction array is read: decided by its values (all in [0, 1]: probabilities), or as forced. */
    public enum Reading {
        AUTO, LOGITS, PROBABILITIES;

        /** The reading of these values: AUTO resolved (probabilities when every value is in [0, 1]). */
        public Reading of(double[] values) {
            if (this != AUTO) {
                return this;
            }
            return Arrays.stream(values).allMatch(x -> x >= 0 && x <= 1) ? PROBABILITIES : LOGITS;
        }
    }

    public static double[] predictionLogits(SegmentationData scene, NpyReader.Array array) {
        return predictionLogits(scene, array, Reading.AUTO);
    }

    /** As above, read as {@code reading} says; probabilities outside [0, 1] are refused. */
    public static double[] predictionLogits(SegmentationData scene, NpyReader.Array array, Reading reading) {
        int[] s = array.shape();
        if (s[0] != scene.channels() || s[1] != scene.height() || s[2] != scene.width()) {
            throw new SceneException("the array is " + s[0] + " x " + s[1] + " x " + s[2] + ", the scene needs "
                    + scene.channels() + " x " + scene.height() + " x " + scene.width());
        }
        double[] v = array.values().clone();
        boolean probabilities = reading.of(v) == Reading.PROBABILITIES;
        if (probabilities && !Arrays.stream(v).allMatch(x -> x >= 0 && x <= 1)) {
            throw new SceneException("the array is read as probabilities but holds values outside [0, 1]");
        }
        if (probabilities) {
            for (int i = 0; i < v.length; i++) {
                double p = Math.min(1 - EPS, Math.max(EPS, v[i]));
                v[i] = scene.mode() == SegMode.MULTICLASS ? Math.log(p) : Math.log(p) - Math.log1p(-p);
            }
        }
        return v;
    }

    /** Rows as CSV (RFC 4180): fields with a comma, quote or line break are quoted. */
    public static String csv(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int k = 0; k < row.size(); k++) {
                String field = row.get(k);
                if (k > 0) {
                    out.append(',');
                }
                if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
                    out.append('"').append(field.replace("\"", "\"\"")).append('"');
                } else {
                    out.append(field);
                }
            }
            out.append('\n');
        }
        return out.toString();
    }
}
