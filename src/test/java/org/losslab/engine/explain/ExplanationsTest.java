package org.losslab.engine.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Domains;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.explanation.Explanation;
import org.losslab.engine.explanation.Term;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.scene.Presets;

/** Every explained entry's lines add up to the table's value, and each line's pixels add up to the line. */
class ExplanationsTest {

    private static void checkAddsUp(LossSpec<SegmentationData> spec, SegmentationData scene, Params params) {
        Explanation e = Explanations.of(spec, scene, params);
        double value = spec.evaluate(scene, params, false).value();
        assertEquals(value, e.value(), 0.0, spec.name());
        double sum = e.summands().stream().mapToDouble(Term::value).sum();
        List<Term> steps = e.terms();
        // Focal Tversky: the bars add up to the mean, which the last line raises to gamma
        double gamma = spec.params().stream().anyMatch(q -> q.name().equals("gamma")) && spec.name().equals("tversky")
                ? params.number("gamma") : 1.0;
        double expected = gamma == 1.0 ? value : Math.pow(value, 1 / gamma);
        assertEquals(expected, sum, 1e-9 * Math.max(1, Math.abs(expected)), spec.name() + ": the bars add up");
        for (Term t : steps) {
            if (t.pixels() != null) {
                double pixels = java.util.Arrays.stream(t.pixels()).sum();
                assertEquals(t.value(), pixels, 1e-9 * Math.max(1, Math.abs(t.value())), spec.name() + ": " + t.label());
                assertEquals(scene.pixels(), t.pixels().length);
            }
        }
    }

    @Test
    void everyExplainedEntryAddsUpOnBinaryAndMulticlassScenes() {
        int explained = 0;
        for (String preset : new String[] {"small-object", "three-class", "empty-target", "uncertain"}) {
            SegmentationData scene = Presets.get(preset).create(48);
            for (LossSpec<SegmentationData> spec : LossRegistry.of(Domains.SEGMENTATION)) {
                if (Explanations.available(spec) && spec.appliesTo(scene)) {
                    checkAddsUp(spec, scene, spec.defaults());
                    explained++;
                }
            }
        }
        assertTrue(explained >= 20, "explained " + explained);
    }

    @Test
    void theUsersParametersAreTheOnesExplained() {
        SegmentationData scene = Presets.get("three-class").create(40);
        @SuppressWarnings("unchecked")
        LossSpec<SegmentationData> tversky = (LossSpec<SegmentationData>) LossRegistry.get("tversky");
        Params p = tversky.defaults();
        p = p.with("tversky", tversky.params(), "alpha", 0.2);
        p = p.with("tversky", tversky.params(), "beta", 0.8);
        p = p.with("tversky", tversky.params(), "gamma", 0.75);
        p = p.with("tversky", tversky.params(), "class_weights", List.of(0.0, 2.0, 1.0));
        checkAddsUp(tversky, scene, p);
        Explanation e = Explanations.of(tversky, scene, p);
        assertTrue(e.terms().stream().noneMatch(t -> t.label().endsWith("class 0")), "a class of weight 0 is left out");
        assertTrue(e.terms().stream().anyMatch(t -> t.formula().contains("0.2 FP + 0.8 FN")), e.terms().toString());
        @SuppressWarnings("unchecked")
        LossSpec<SegmentationData> focal = (LossSpec<SegmentationData>) LossRegistry.get("focal");
        checkAddsUp(focal, Presets.get("small-object").create(40),
                focal.defaults().with("focal", focal.params(), "gamma", 4.0));
    }

    @Test
    void diceOnFourPixelsByHand() {
        // p = sigmoid(z): 0.5, 0.5, 0.5, 0.5 ; truth 1, 1, 0, 0 => TP 1, FP 1, FN 1, Dice loss 1 - 2/4
        SegmentationData scene = new SegmentationData(SegMode.BINARY, 1, 2, 2, new double[4], new int[] {1, 1, 0, 0});
        @SuppressWarnings("unchecked")
        LossSpec<SegmentationData> dice = (LossSpec<SegmentationData>) LossRegistry.get("dice");
        Explanation e = Explanations.of(dice, scene, dice.defaults());
        assertEquals(List.of("soft TP", "soft FP", "soft FN", "score", "loss", "weighted loss", "from false positives",
                "from missed pixels"), e.terms().stream().map(Term::label).toList());
        assertEquals(1.0, e.terms().get(0).value(), 1e-12);
        assertEquals(0.5, e.terms().get(0).pixels()[0], 1e-12);
        assertEquals(0.0, e.terms().get(0).pixels()[2], 0.0);
        assertEquals(1.0, e.terms().get(1).value(), 1e-12);
        assertEquals(0.5, e.terms().get(3).value(), 1e-12);
        assertEquals(0.5, e.value(), 1e-12);
        assertNull(e.terms().get(3).pixels());
        assertFalse(e.terms().get(5).additive());
        // 1 - 2/4 = (0.5 FP + 0.5 FN) / 2: a quarter from each side
        assertEquals(0.25, e.terms().get(6).value(), 1e-12);
        assertEquals(0.125, e.terms().get(6).pixels()[2], 1e-12);
        assertEquals(0.0, e.terms().get(6).pixels()[0], 0.0);
        assertEquals(0.25, e.terms().get(7).value(), 1e-12);
    }

    @Test
    void crossEntropyIsSplitByWhereItsPixelsStand() {
        Random random = new Random(3);
        int n = 64;
        double[] z = new double[n];
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            z[i] = random.nextGaussian() * 3;
            t[i] = random.nextDouble() < 0.3 ? 1 : 0;
        }
        SegmentationData scene = new SegmentationData(SegMode.BINARY, 1, 8, 8, z, t);
        @SuppressWarnings("unchecked")
        LossSpec<SegmentationData> bce = (LossSpec<SegmentationData>) LossRegistry.get("bce");
        Explanation e = Explanations.of(bce, scene, bce.defaults());
        // the false-negative bar by hand: softplus(-z) over missed foreground pixels, / n
        double missed = 0;
        for (int i = 0; i < n; i++) {
            if (t[i] == 1 && z[i] < 0) {
                missed += Math.log1p(Math.exp(-z[i]));
            }
        }
        Term fn = e.summands().get(2);
        assertTrue(fn.label().startsWith("FN"));
        assertEquals(missed / n, fn.value(), 1e-12);
        checkAddsUp(bce, scene, bce.defaults());
        assertFalse(Explanations.available((LossSpec<SegmentationData>) (LossSpec<?>) LossRegistry.get("hausdorff_distance")));
    }
}
