package org.losslab.engine.dense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.losslab.engine.Domain;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
import org.losslab.engine.FiniteDifferences;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;

/**
 * Every loss of the dense and distributions blocks (quality focal, varifocal, DFL): analytic gradients
 * against central differences on random anchors, including saturated logits, background-only rows and
 * scores of 0 and 1, under every reduction.
 */
class DenseGradientPropertiesTest {
    private static final double STEP = 1e-6;

    static Stream<Long> seeds() {
        return LongStream.range(0, 60).boxed();
    }

    static DenseData randomDense(Random r) {
        int classes = 1 + r.nextInt(4);
        int anchors = 1 + r.nextInt(6);
        double[] z = new double[anchors * classes];
        for (int i = 0; i < z.length; i++) {
            z[i] = r.nextInt(8) == 0 ? (r.nextBoolean() ? 30 : -30) : 3 * r.nextGaussian();
        }
        int[] labels = new int[anchors];
        double[] scores = new double[anchors];
        for (int i = 0; i < anchors; i++) {
            labels[i] = r.nextInt(classes + 1);
            scores[i] = r.nextInt(6) == 0 ? (r.nextBoolean() ? 0.0 : 1.0) : r.nextDouble();
        }
        return new DenseData(classes, z, labels, scores);
    }

    static DistributionData randomDistributions(Random r) {
        int bins = 2 + r.nextInt(16);
        int boxes = 1 + r.nextInt(3);
        double[] t = new double[4 * boxes];
        for (int i = 0; i < t.length; i++) {
            t[i] = r.nextInt(5) == 0 ? r.nextInt(bins - 1) : r.nextDouble() * (bins - 1) * 0.999;
        }
        double[] z = new double[t.length * bins];
        for (int i = 0; i < z.length; i++) {
            z[i] = r.nextInt(10) == 0 ? 40 * r.nextGaussian() : 2 * r.nextGaussian();
        }
        return new DistributionData(bins, z, t);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void denseGradientsMatchFiniteDifferences(long seed) {
        Random r = new Random(seed);
        DenseData data = randomDense(r);
        check(Domains.DENSE, data, data.logits());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void distributionGradientsMatchFiniteDifferences(long seed) {
        Random r = new Random(seed);
        DistributionData data = randomDistributions(r);
        check(Domains.DISTRIBUTIONS, data, data.logits());
    }

    private static <I> void check(Domain<I> domain, I data, double[] x) {
        for (LossSpec<I> spec : LossRegistry.of(domain)) {
            for (String reduction : new String[] {"none", "mean", "sum"}) {
                Params params = spec.bind(Map.of("reduction", reduction));
                double[] analytic = spec.evaluate(data, params, true).gradient().get("logits");
                double[] numeric = FiniteDifferences.gradient(() -> spec.evaluate(data, params, false).value(), x, STEP);
                double max = FiniteDifferences.largest(numeric);
                for (int i = 0; i < x.length; i++) {
                    assertTrue(Double.isFinite(analytic[i]), spec.name() + " gradient not finite");
                    assertEquals(numeric[i], analytic[i], 1e-6 + 1e-4 * max, spec.name() + " " + reduction + " element " + i);
                }
            }
        }
    }

    @Test
    void dflIsSmallestAtTheTwoBinSplitAndEqualsItsEntropyThere() {
        double t = 2.3;
        double[] z = new double[4 * 6];
        double[] target = {t, t, t, t};
        for (int s = 0; s < 4; s++) {
            z[s * 6 + 2] = Math.log(0.7);
            z[s * 6 + 3] = Math.log(0.3);
            for (int b : new int[] {0, 1, 4, 5}) {
                z[s * 6 + b] = -1e3;
            }
        }
        @SuppressWarnings("unchecked")
        LossSpec<DistributionData> dfl = (LossSpec<DistributionData>) LossRegistry.get("dfl");
        double value = dfl.evaluate(new DistributionData(6, z, target), dfl.defaults(), false).value();
        assertEquals(-(0.7 * Math.log(0.7) + 0.3 * Math.log(0.3)), value, 1e-9);
        double[] gradient = dfl.evaluate(new DistributionData(6, z, target), dfl.defaults(), true).gradient().get("logits");
        for (double g : gradient) {
            assertEquals(0.0, g, 1e-9, "the split is the minimum");
        }
    }

    @Test
    void aTargetAtTheLastBinIsAnErrorNamingTheField() {
        EngineException e = assertThrows(EngineException.class,
                () -> new DistributionData(4, new double[16], new double[] {0, 1, 3, 2}));
        assertTrue(e.getMessage().startsWith("distributions.target[0][2]"), e.getMessage());
        assertThrows(EngineException.class, () -> new DenseData(2, new double[4], new int[] {0, 3}, new double[] {0.5, 0.5}));
    }

    @Test
    void varifocalGivesAPositiveWithScoreZeroTheNegativesWeight() {
        DenseData asNegative = new DenseData(1, new double[] {0.4}, new int[] {0}, new double[] {0.0});
        DenseData background = new DenseData(1, new double[] {0.4}, new int[] {1}, new double[] {0.7});
        @SuppressWarnings("unchecked")
        LossSpec<DenseData> vfl = (LossSpec<DenseData>) LossRegistry.get("varifocal");
        assertEquals(vfl.evaluate(background, vfl.defaults(), false).value(),
                vfl.evaluate(asNegative, vfl.defaults(), false).value(), 0.0);
    }
}
