package org.losslab.scene;

import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/**
 * Built-in segmentation scenes that teach one thing each. Every preset is a function of the canvas
 * size, seeded, so that reopening it gives the same pixels.
 */
public final class Presets {
    /** A named scene with the sentence that says what to look at. */
    public record Preset(String key, String title, String lesson, IntFunction<SegmentationData> build) {
        public SegmentationData create(int size) {
            return build.apply(size);
        }
    }

    private static final double SURE = 4.0;

    private Presets() {
    }

    public static List<Preset> all() {
        return List.of(
                new Preset("small-object", "Small object",
                        "A small object found with a slightly shifted boundary: CE hardly notices, Dice drops a lot.",
                        n -> binary(n, (y, x) -> disc(y, x, 0.5 * n, 0.5 * n, 0.05 * n), (y, x) -> disc(y, x, 0.52 * n, 0.5 * n, 0.05 * n), 1)),
                new Preset("large-object", "Large object",
                        "The same boundary error on a large object: Dice barely moves, since it is relative to the object's size.",
                        n -> binary(n, (y, x) -> disc(y, x, 0.5 * n, 0.5 * n, 0.35 * n), (y, x) -> disc(y, x, 0.52 * n, 0.5 * n, 0.35 * n), 2)),
                new Preset("extreme-imbalance", "Extreme imbalance (1:1000)",
                        "One foreground pixel in a thousand: the mean cross-entropy is all background; Dice and Tversky look at the object.",
                        n -> binary(n, (y, x) -> disc(y, x, 0.3 * n, 0.6 * n, Math.max(0.5, n * Math.sqrt(0.001 / Math.PI))),
                                (y, x) -> disc(y, x, 0.3 * n, 0.6 * n, Math.max(0.5, 0.7 * n * Math.sqrt(0.001 / Math.PI))), 3)),
                new Preset("thin-structure", "Thin structure",
                        "A thin vessel-like line: a one-pixel shift destroys the overlap; Boundary IoU and Dice collapse while CE stays low.",
                        n -> binary(n, (y, x) -> Math.abs(y - 0.5 * n - 0.15 * n * Math.sin(x * 6.0 / n)) < Math.max(1, 0.01 * n),
                                (y, x) -> Math.abs(y - 0.5 * n - 0.15 * n * Math.sin(x * 6.0 / n) - Math.max(1.5, 0.015 * n)) < Math.max(1, 0.01 * n), 4)),
                new Preset("shifted", "Shifted prediction",
                        "The right shape in the wrong place. The Dice gradient is negative (blue: raise the logit) on every ground-truth pixel and positive (orange: lower it) on every other: a step grows the prediction over the missed crescent on the left and shrinks its spill on the right.",
                        n -> binary(n, (y, x) -> disc(y, x, 0.5 * n, 0.45 * n, 0.2 * n), (y, x) -> disc(y, x, 0.5 * n, 0.58 * n, 0.2 * n), 5)),
                new Preset("over-segmentation", "Over-segmentation",
                        "The prediction spills over the object: false positives. Raise Tversky's alpha to punish them more.",
                        n -> binary(n, (y, x) -> disc(y, x, 0.5 * n, 0.5 * n, 0.2 * n), (y, x) -> disc(y, x, 0.5 * n, 0.5 * n, 0.28 * n), 6)),
                new Preset("under-segmentation", "Under-segmentation",
                        "The prediction misses the rim: false negatives. Raise Tversky's beta to punish them more.",
                        n -> binary(n, (y, x) -> disc(y, x, 0.5 * n, 0.5 * n, 0.25 * n), (y, x) -> disc(y, x, 0.5 * n, 0.5 * n, 0.17 * n), 7)),
                new Preset("empty-target", "Empty ground truth",
                        "Nothing to find, a few false alarms: smp's Dice is 0 (the class is absent), CE and focal are not.",
                        n -> binary(n, (y, x) -> false, (y, x) -> disc(y, x, 0.3 * n, 0.3 * n, 0.04 * n), 8)),
                new Preset("noisy-boundary", "Noisy boundary",
                        "Right object, ragged edge: Boundary IoU reacts far more than IoU.",
                        n -> noisyBoundary(n)),
                new Preset("uncertain", "Uncertain everywhere",
                        "Probabilities near 0.5 everywhere: every loss is high and the gradients are at their steepest.",
                        n -> uncertain(n)),
                new Preset("three-class", "Three classes",
                        "Background and two classes; the smaller class weighs as much as the larger one in Dice's mean.",
                        n -> threeClass(n)),
                new Preset("stray-blob", "A stray speck far away",
                        "The object found exactly, plus a 2-pixel speck far off: HD jumps to the speck's distance, HD95 and Dice barely move.",
                        n -> binary(n, (y, x) -> disc(y, x, 0.35 * n, 0.35 * n, 0.15 * n),
                                (y, x) -> disc(y, x, 0.35 * n, 0.35 * n, 0.15 * n) || disc(y, x, 0.85 * n, 0.85 * n, 1.0), 13)),
                new Preset("empty-prediction", "Empty prediction",
                        "Nothing predicted: Dice is 1 (loss), HD and ASSD are infinite (an error, never a number), NSD is 0.",
                        n -> binary(n, (y, x) -> disc(y, x, 0.5 * n, 0.5 * n, 0.2 * n), (y, x) -> false, 14)),
                new Preset("broken-vessel", "Vessel with a gap",
                        "A thin vessel with a two-pixel gap: the Dice score and clDice both lose about half a percent; neither counts the "
                                + "break, only the missing pixels (Dice) or skeleton pixels (clDice).",
                        n -> binary(n, (y, x) -> vessel(y, x, n), (y, x) -> vessel(y, x, n) && Math.abs(x - 0.5 * n) > 1.0, 15)),
                new Preset("jittery-boundary", "Jittery but close boundary",
                        "A boundary off by at most two pixels everywhere: Dice is below 1, NSD at tolerance 2 is 1.",
                        n -> jittery(n)),
                new Preset("perfect", "Perfect prediction",
                        "The prediction is exactly the target: the boundary loss is negative, it is not a distance (its minimum is below 0).",
                        n -> binary(n, (y, x) -> disc(y, x, 0.5 * n, 0.5 * n, 0.22 * n), (y, x) -> disc(y, x, 0.5 * n, 0.5 * n, 0.22 * n), 16)),
                new Preset("many-small-objects", "Many small objects, one large",
                        "The large object found, the small ones missed: global Dice stays high while most objects are lost.",
                        n -> binary(n, (y, x) -> disc(y, x, 0.35 * n, 0.4 * n, 0.25 * n) || smallDots(y, x, n),
                                (y, x) -> disc(y, x, 0.35 * n, 0.4 * n, 0.25 * n), 17)),
                new Preset("missed-branch", "A thin branch missed beside a thick vessel",
                        "The thick vessel found, its thin side branch missed: less than a tenth of the pixels, but a third of the "
                                + "skeleton, so clDice drops far more than Dice.",
                        n -> binary(n, (y, x) -> trunk(y, x, n) || branch(y, x, n), (y, x) -> trunk(y, x, n), 20)),
                new Preset("touching-cells", "Touching cells",
                        "Nine cells one or two pixels apart, predicted a little too large so that they merge: U-Net's border "
                                + "weights are high only in the narrow gaps between cells.",
                        n -> binary(n, (y, x) -> cells(y, x, n, 0), (y, x) -> cells(y, x, n, Math.max(1.0, 0.006 * n)), 21)));
    }

    public static Preset get(String key) {
        return all().stream().filter(p -> p.key().equals(key)).findFirst()
                .orElseThrow(() -> new SceneException("unknown preset '" + key + "'"));
    }

    /** The scene the app opens on. */
    public static Preset standard() {
        return get("shifted");
    }

    private interface Shape {
        boolean inside(double y, double x);
    }

    private static boolean disc(double y, double x, double cy, double cx, double r) {
        return (y - cy) * (y - cy) + (x - cx) * (x - cx) <= r * r;
    }

    /** Target from one shape, logits +-SURE from another, plus mild noise. */
    private static SegmentationData binary(int n, Shape target, Shape predicted, long seed) {
        Random random = new Random(seed);
        int[] t = new int[n * n];
        double[] x = new double[n * n];
        for (int y = 0; y < n; y++) {
            for (int c = 0; c < n; c++) {
                int i = y * n + c;
                t[i] = target.inside(y + 0.5, c + 0.5) ? 1 : 0;
                x[i] = (predicted.inside(y + 0.5, c + 0.5) ? SURE : -SURE) + 0.1 * random.nextGaussian(); // a little texture; more would hide the lesson in speckle
            }
        }
        return new SegmentationData(SegMode.BINARY, 1, n, n, x, t);
    }

    private static SegmentationData noisyBoundary(int n) {
        Random random = new Random(9);
        double[] wobble = new double[64];
        for (int k = 0; k < wobble.length; k++) {
            wobble[k] = 0.03 * n * random.nextGaussian();
        }
        return binary(n, (y, x) -> disc(y, x, 0.5 * n, 0.5 * n, 0.25 * n), (y, x) -> {
            double angle = Math.atan2(y - 0.5 * n, x - 0.5 * n);
            int k = (int) ((angle + Math.PI) / (2 * Math.PI) * wobble.length) % wobble.length;
            return disc(y, x, 0.5 * n, 0.5 * n, 0.25 * n + wobble[k]);
        }, 10);
    }

    /** A thin horizontal vessel with a gentle wave, two pixels thick. */
    private static boolean vessel(double y, double x, int n) {
        return Math.abs(y - 0.5 * n - 0.08 * n * Math.sin(x * 4.0 / n)) < 1.0 && x > 0.08 * n && x < 0.92 * n;
    }

    /** A thick horizontal vessel, about five percent of the side wide. */
    private static boolean trunk(double y, double x, int n) {
        return Math.abs(y - 0.4 * n) < 0.025 * n && x > 0.08 * n && x < 0.92 * n;
    }

    /** A thin branch, two pixels wide, leaving the trunk downwards at 45 degrees. */
    private static boolean branch(double y, double x, int n) {
        double along = (y - 0.4 * n) + (x - 0.35 * n);
        double across = (y - 0.4 * n) - (x - 0.35 * n);
        return Math.abs(across) < Math.max(1.0, 0.004 * n) * Math.sqrt(2) && along > 0 && along < 0.7 * n;
    }

    /**
     * Nine cells on a three-by-three grid whose neighbours are one or two pixels apart at 256 (the grid's step is
     * the diameter plus the gap), each grown by {@code grow} pixels.
     */
    private static boolean cells(double y, double x, int n, double grow) {
        double r = 0.09 * n;
        double step = 2 * r + Math.max(1.5, 0.008 * n);
        for (int i = -1; i <= 1; i++) {
            for (int j = -1; j <= 1; j++) {
                if (disc(y, x, 0.5 * n + i * step, 0.5 * n + j * step, r + grow)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Twelve small dots along the bottom and right of the image. */
    private static boolean smallDots(double y, double x, int n) {
        for (int k = 0; k < 6; k++) {
            if (disc(y, x, 0.82 * n, (0.1 + 0.15 * k) * n, Math.max(1.2, 0.015 * n))
                    || disc(y, x, (0.1 + 0.12 * k) * n, 0.85 * n, Math.max(1.2, 0.015 * n))) {
                return true;
            }
        }
        return false;
    }

    /** A disc predicted with a boundary that wobbles by a pixel or so (at most two pixels away). */
    private static SegmentationData jittery(int n) {
        Random random = new Random(18);
        double[] wobble = new double[90];
        for (int k = 0; k < wobble.length; k++) {
            wobble[k] = Math.max(-1.2, Math.min(1.2, random.nextGaussian()));
        }
        return binary(n, (y, x) -> disc(y, x, 0.5 * n, 0.5 * n, 0.3 * n), (y, x) -> {
            double angle = Math.atan2(y - 0.5 * n, x - 0.5 * n);
            int k = (int) ((angle + Math.PI) / (2 * Math.PI) * wobble.length) % wobble.length;
            return disc(y, x, 0.5 * n, 0.5 * n, 0.3 * n + wobble[k]);
        }, 19);
    }

    private static SegmentationData uncertain(int n) {
        Random random = new Random(11);
        int[] t = new int[n * n];
        double[] x = new double[n * n];
        for (int y = 0; y < n; y++) {
            for (int c = 0; c < n; c++) {
                int i = y * n + c;
                t[i] = disc(y + 0.5, c + 0.5, 0.5 * n, 0.5 * n, 0.25 * n) ? 1 : 0;
                x[i] = 0.3 * (2 * t[i] - 1) + 0.2 * random.nextGaussian();
            }
        }
        return new SegmentationData(SegMode.BINARY, 1, n, n, x, t);
    }

    private static SegmentationData threeClass(int n) {
        Random random = new Random(12);
        int classes = 3;
        int[] t = new int[n * n];
        double[] x = new double[classes * n * n];
        for (int y = 0; y < n; y++) {
            for (int c = 0; c < n; c++) {
                int i = y * n + c;
                int label = disc(y, c, 0.45 * n, 0.35 * n, 0.22 * n) ? 1 : disc(y, c, 0.6 * n, 0.75 * n, 0.1 * n) ? 2 : 0;
                int guess = disc(y, c, 0.47 * n, 0.37 * n, 0.22 * n) ? 1 : disc(y, c, 0.6 * n, 0.72 * n, 0.08 * n) ? 2 : 0;
                t[i] = label;
                for (int k = 0; k < classes; k++) {
                    x[k * n * n + i] = (k == guess ? 3.0 : 0.0) + 0.5 * random.nextGaussian();
                }
            }
        }
        return new SegmentationData(SegMode.MULTICLASS, classes, n, n, x, t);
    }
}
