package org.losslab.engine.box;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.losslab.engine.Domains;
import org.losslab.engine.FiniteDifferences;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;

/** Box losses: analytic gradients against central finite differences on random pairs of every layout. */
class BoxGradientPropertiesTest {
    private static final double STEP = 1e-6;

    enum Layout {
        OVERLAPPING, NESTED, DISJOINT, IDENTICAL, RESCALED
    }

    static Stream<Arguments> cases() {
        return IntStream.range(0, 200).mapToObj(i -> Arguments.of(7000L + i, Layout.values()[i % Layout.values().length]));
    }

    /** A target box and a predicted box placed relative to it. */
    static double[][] pair(Random r, Layout layout) {
        double x = 100 * r.nextDouble();
        double y = 100 * r.nextDouble();
        double w = 5 + 50 * r.nextDouble();
        double h = 5 + 50 * r.nextDouble();
        double[] target = {x, y, x + w, y + h};
        double[] predicted;
        switch (layout) {
            case OVERLAPPING: {
                double dx = (r.nextDouble() - 0.5) * w;
                double dy = (r.nextDouble() - 0.5) * h;
                predicted = new double[] {x + dx, y + dy, x + dx + w * (0.6 + r.nextDouble()), y + dy + h * (0.6 + r.nextDouble())};
                break;
            }
            case NESTED: {
                double fx = 0.1 + 0.3 * r.nextDouble();
                double fy = 0.1 + 0.3 * r.nextDouble();
                predicted = new double[] {x + fx * w, y + fy * h, x + w - fx * w * r.nextDouble(), y + h - fy * h * r.nextDouble()};
                break;
            }
            case DISJOINT: {
                double gap = 1 + 30 * r.nextDouble();
                predicted = new double[] {x + w + gap, y + (r.nextDouble() - 0.5) * h, x + 2 * w + gap, y + h + r.nextDouble() * h};
                break;
            }
            case IDENTICAL:
                predicted = target.clone();
                break;
            default: {
                double s = 0.5 + r.nextDouble();
                double cx = x + w / 2;
                double cy = y + h / 2;
                predicted = new double[] {cx - s * w / 2, cy - s * h / 2, cx + s * w / 2, cy + s * h / 2};
            }
        }
        return new double[][] {predicted, target};
    }

    @ParameterizedTest(name = "seed {0}, {1}")
    @MethodSource("cases")
    void everyBoxLossGradientMatchesFiniteDifferences(long seed, Layout layout) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(3);
        double[] predicted = new double[4 * n];
        double[] target = new double[4 * n];
        for (int k = 0; k < n; k++) {
            double[][] p = pair(r, layout);
            System.arraycopy(p[0], 0, predicted, 4 * k, 4);
            System.arraycopy(p[1], 0, target, 4 * k, 4);
        }
        BoxPairs pairs = new BoxPairs(predicted, target);
        for (LossSpec<BoxPairs> spec : LossRegistry.of(Domains.BOXES)) {
            for (String reduction : new String[] {"none", "mean", "sum"}) {
                Params params = spec.bind(Map.of("reduction", reduction));
                double[] analytic = spec.evaluate(pairs, params, true).gradient().get("predicted");
                // CIoU's alpha is a constant in torchvision's gradient: difference the loss with alpha frozen
                double[] frozenAlpha = spec.name().equals("ciou") ? ciouAlphas(pairs) : null;
                double[] numeric = FiniteDifferences.gradient(() -> frozenAlpha == null
                        ? spec.evaluate(pairs, params, false).value() : ciouWithAlpha(pairs, params, frozenAlpha), predicted, STEP);
                double max = FiniteDifferences.largest(numeric);
                for (int i = 0; i < predicted.length; i++) {
                    assertEquals(numeric[i], analytic[i], 1e-6 + 1e-4 * max,
                            spec.name() + " " + reduction + " " + layout + " coordinate " + i);
                }
            }
        }
    }

    private static double[] ciouAlphas(BoxPairs pairs) {
        double[] alphas = new double[pairs.count()];
        for (int k = 0; k < alphas.length; k++) {
            double[] p = pairs.predicted();
            double[] t = pairs.target();
            double inter = Box.intersection(p, 4 * k, t, 4 * k);
            double iou = inter / (Box.area(p, 4 * k) + Box.area(t, 4 * k) - inter + 1e-7);
            double v = Box.aspectTerm(p, 4 * k, t, 4 * k);
            alphas[k] = v / (1 - iou + v + 1e-7);
        }
        return alphas;
    }

    /** CIoU = DIoU + alpha v with the given alphas, reduced like the loss. */
    private static double ciouWithAlpha(BoxPairs pairs, Params params, double[] alphas) {
        LossSpec<BoxPairs> diou = cast(LossRegistry.get("diou"));
        double[] perPair = diou.evaluate(pairs, diou.bind(Map.of("reduction", "none")), false).values();
        double sum = 0;
        for (int k = 0; k < perPair.length; k++) {
            sum += perPair[k] + alphas[k] * Box.aspectTerm(pairs.predicted(), 4 * k, pairs.target(), 4 * k);
        }
        return params.choice("reduction").equals("mean") ? sum / perPair.length : sum;
    }

    @Test
    void iouLossIsFlatOnceTheBoxesAreApartButGiouIsNot() {
        BoxPairs apart = new BoxPairs(new double[] {50, 0, 60, 10}, new double[] {0, 0, 10, 10});
        LossSpec<BoxPairs> iou = cast(LossRegistry.get("iou"));
        LossSpec<BoxPairs> giou = cast(LossRegistry.get("giou"));
        double[] gIou = iou.evaluate(apart, iou.defaults(), true).gradient().get("predicted");
        double[] gGiou = giou.evaluate(apart, giou.defaults(), true).gradient().get("predicted");
        assertEquals(1.0, iou.evaluate(apart, iou.defaults(), false).value(), 1e-12);
        assertTrue(java.util.Arrays.stream(gIou).allMatch(v -> v == 0), "IoU loss has no gradient when apart");
        assertTrue(gGiou[0] > 0, "GIoU pulls the predicted box left, towards the target");
    }

    @Test
    void identicalBoxesHaveZeroLossAndGradientForEveryIouLoss() {
        BoxPairs same = new BoxPairs(new double[] {1, 2, 30, 40}, new double[] {1, 2, 30, 40});
        for (String name : new String[] {"iou", "giou", "diou", "ciou"}) {
            LossSpec<BoxPairs> spec = cast(LossRegistry.get(name));
            var e = spec.evaluate(same, spec.defaults(), true);
            assertEquals(0.0, e.value(), 1e-6, name);
            // at the minimum every coordinate's derivative vanishes (ties in max/min split in half, as torch)
            for (double g : e.gradient().get("predicted")) {
                assertEquals(0.0, g, 1e-9, name + " gradient at identical boxes");
            }
        }
    }

    @SuppressWarnings("unchecked")
    static <I> LossSpec<I> cast(LossSpec<?> spec) {
        return (LossSpec<I>) spec;
    }
}
