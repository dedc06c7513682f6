package org.losslab.engine.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Domains;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.scene.LossEntry;
import org.losslab.scene.Scene;
import org.losslab.scene.SceneEvaluator;
import org.losslab.scene.SceneFiles;
import org.losslab.scene.Terms;

class SweepsTest {
    private static final double[] P = Sweeps.grid(0.01, 0.99, 25);

    @Test
    void singlePixelCrossEntropyIsMinusLogP() {
        SweepResult r = Sweeps.pixelProbability(Sweeps.singlePixel(true), 0, 0, List.of(Terms.parse("bce")), P);
        double[] bce = r.column("bce");
        double[] grad = r.column("|dL/dz| bce");
        for (int i = 0; i < P.length; i++) {
            assertEquals(-Math.log(P[i]), bce[i], 1e-12);
            assertEquals(1 - P[i], grad[i], 1e-12);
        }
    }

    @Test
    void singlePixelFocalLossIsTheClosedForm() {
        for (double gamma : new double[] {0, 0.5, 1, 2, 5}) {
            SweepTerm focal = Terms.parse("focal:gamma=" + gamma);
            double[] positive = Sweeps.pixelProbability(Sweeps.singlePixel(true), 0, 0, List.of(focal), P).column(0);
            double[] negative = Sweeps.pixelProbability(Sweeps.singlePixel(false), 0, 0, List.of(focal), P).column(0);
            for (int i = 0; i < P.length; i++) {
                double p = P[i];
                assertEquals(-Math.pow(1 - p, gamma) * Math.log(p), positive[i], 1e-12, "gamma " + gamma);
                assertEquals(-Math.pow(p, gamma) * Math.log(1 - p), negative[i], 1e-12, "gamma " + gamma);
            }
        }
    }

    @Test
    void atLogitScaleOneASceneSweepEqualsEvalExactly() throws Exception {
        Scene scene = SceneFiles.read(Path.of(getClass().getResource("/gold/seg-0034.json").toURI()));
        SegmentationData data = scene.block(Domains.SEGMENTATION).orElseThrow();
        SweepResult r = Sweeps.logitScale(data, Terms.of(scene), new double[] {0.5, 1.0, 2.0});
        for (int k = 0; k < scene.losses().size(); k++) {
            LossEntry entry = scene.losses().get(k);
            assertEquals(SceneEvaluator.evaluate(scene, entry, false).value(), r.column(k)[1], 0.0, entry.name());
        }
    }

    @Test
    void underImbalanceCrossEntropyFallsWhileDiceRises() {
        double[] fractions = {0.001, 0.01, 0.1, 0.5};
        SweepResult r = Sweeps.foregroundFraction(List.of(Terms.parse("bce"), Terms.parse("dice")), fractions, 0.02, 0.1, 0.9);
        double[] ce = r.column("bce");
        double[] dice = r.column("dice");
        for (int i = 1; i < fractions.length; i++) {
            assertTrue(ce[i] > ce[i - 1], "the background dominates CE: fewer foreground pixels, lower CE");
            assertTrue(dice[i] < dice[i - 1], "Dice is normalised by the foreground: rarer objects, higher loss");
        }
    }

    @Test
    void aTverskyGridRowEqualsTheLineWhereBetaIsOneMinusAlpha() throws Exception {
        Scene scene = SceneFiles.read(Path.of(getClass().getResource("/gold/seg-0034.json").toURI()));
        SegmentationData data = scene.block(Domains.SEGMENTATION).orElseThrow();
        SweepTerm tversky = Terms.parse("tversky");
        double[] axis = {0.0, 0.25, 0.5, 0.75, 1.0};
        SweepResult grid = Sweeps.tverskyGrid(data, tversky, axis, axis);
        SweepResult line = Sweeps.tverskyLine(data, List.of(tversky), axis);
        double[] alpha = grid.x();
        double[] beta = grid.column("beta");
        double[] value = grid.column("tversky");
        for (int i = 0; i < alpha.length; i++) {
            int k = (int) Math.round(alpha[i] * 4);
            if (Math.abs(alpha[i] + beta[i] - 1) < 1e-12) {
                assertEquals(line.column(0)[k], value[i], 1e-15);
            }
        }
    }

    @Test
    void aParameterSweepOnlyVariesTheLossesThatHaveTheParameter() {
        SweepResult r = Sweeps.parameter(Sweeps.singlePixel(true), List.of(Terms.parse("focal"), Terms.parse("bce")),
                "gamma", new double[] {0, 2});
        assertEquals(List.of("focal"), r.columns());
        assertEquals(Math.log(2), r.column(0)[0], 1e-12, "gamma 0 is BCE; p = 0.5 at logit 0");
    }
}
