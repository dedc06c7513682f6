package org.losslab.engine.train;

import java.util.List;
import java.util.Random;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/**
 * Scenes that teach what training under each loss does, each with the losses, model and optimizer that
 * show it. Deterministic (fixed seeds).
 */
public enum TrainingPreset {
    SMALL_OBJECT("Small object, 1:1000", "a 3-pixel object in 64 x 48 that the start misses: with the same learning rate "
            + "Dice and Dice + CE find it within 50 steps, mean cross-entropy and focal need about 100 more (watch recall)",
            List.of("bce", "dice", "focal:gamma=2", "dice_ce"), "logits", "sgd", 100),
    THIN_STRUCTURE("Thin structure", "a one-pixel line the start predicts broken: on the logits model every loss "
            + "closes the gap (each pixel is free); watch how many steps each needs and where its gradient goes",
            List.of("bce", "dice", "dice_cldice:alpha=0.5"), "logits", "adam", 0.05),
    OVERLAPPING_INTENSITIES("Overlapping intensities", "object and background intensities overlap: a threshold must trade "
            + "precision for recall, and Tversky's alpha and beta choose which", List.of("bce", "dice",
            "tversky:alpha=0.3,beta=0.7", "tversky:alpha=0.7,beta=0.3"), "pixel", "adam", 0.05),
    NOISY_LABELS("Noisy labels", "5% of the labels flipped, a classifier of the clean image: each loss settles on its own "
            + "threshold despite the flipped pixels", List.of("bce", "dice", "focal:gamma=2"), "pixel", "adam", 0.05),
    EMPTY_TARGET("Empty ground truth", "nothing to find: smp's Dice counts a class absent from the target as 0 loss, so it "
            + "never removes the false positives; cross-entropy and Dice + CE do", List.of("bce", "dice", "focal:gamma=2",
            "dice_ce"), "logits", "adam", 0.05);

    private final String title;
    private final String lesson;
    private final List<String> losses;
    private final String model;
    private final String optimizer;
    private final double rate;

    TrainingPreset(String title, String lesson, List<String> losses, String model, String optimizer, double rate) {
        this.title = title;
        this.lesson = lesson;
        this.losses = losses;
        this.model = model;
        this.optimizer = optimizer;
        this.rate = rate;
    }

    public String title() {
        return title;
    }

    public String lesson() {
        return lesson;
    }

    public List<String> losses() {
        return losses;
    }

    public String model() {
        return model;
    }

    public String optimizer() {
        return optimizer;
    }

    public double rate() {
        return rate;
    }

    @Override
    public String toString() {
        return title;
    }

    /** The preset's scene and, for the pixel model, its features. */
    public Example example() {
        int h = 48;
        int w = 64;
        int n = h * w;
        int[] target = new int[n];
        double[] z = new double[n];
        Random r = new Random(ordinal() + 11);
        double[] image = null;
        switch (this) {
            case SMALL_OBJECT:
                target[20 * w + 30] = 1;
                target[20 * w + 31] = 1;
                target[21 * w + 30] = 1;
                fill(z, r, -3, 0.3);
                break;
            case THIN_STRUCTURE:
                for (int x = 6; x < 58; x++) {
                    target[24 * w + x] = 1;
                }
                fill(z, r, -4, 0.3);
                for (int x = 6; x < 58; x++) {
                    z[24 * w + x] = x >= 28 && x < 34 ? -3 : 3;
                }
                break;
            case OVERLAPPING_INTENSITIES: {
                image = new double[n];
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int i = y * w + x;
                        double dy = y - 24;
                        double dx = x - 32;
                        target[i] = dx * dx + dy * dy < 100 ? 1 : 0;
                        image[i] = (target[i] == 1 ? 0.6 : 0.4) + 0.12 * r.nextGaussian();
                    }
                }
                break;
            }
            case NOISY_LABELS:
                image = new double[n];
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int i = y * w + x;
                        boolean inside = Math.abs(y - 24) < 12 && Math.abs(x - 32) < 16;
                        target[i] = inside ^ r.nextDouble() < 0.05 ? 1 : 0;
                        image[i] = (inside ? 0.65 : 0.35) + 0.1 * r.nextGaussian();
                    }
                }
                break;
            default:
                fill(z, r, -1, 0.8);
                for (int y = 18; y < 30; y++) {
                    for (int x = 26; x < 38; x++) {
                        z[y * w + x] = 2;
                    }
                }
        }
        return new Example(new SegmentationData(SegMode.BINARY, 1, h, w, z, target),
                image == null ? null : new ImageData(1, h, w, image));
    }

    private static void fill(double[] z, Random r, double mean, double noise) {
        for (int i = 0; i < z.length; i++) {
            z[i] = mean + noise * r.nextGaussian();
        }
    }

    /** A preset's scene, and its image (null when the preset trains the logits). */
    public record Example(SegmentationData scene, ImageData image) {
    }
}
