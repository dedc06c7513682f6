package org.losslab.engine.box;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Params;

class SigmoidFocalLossTest {
    private final SigmoidFocalLoss loss = new SigmoidFocalLoss();

    private Params params(double alpha, double gamma, String reduction) {
        return org.losslab.engine.Params.bind("sigmoid_focal", SigmoidFocalLoss.params(),
                Map.of("alpha", alpha, "gamma", gamma, "reduction", reduction));
    }

    @Test
    void withGammaZeroAndNoAlphaItIsBinaryCrossEntropy() {
        double z = 0.7;
        ClassificationData data = new ClassificationData(new double[] {z}, new double[] {1});
        double p = 1 / (1 + Math.exp(-z));
        assertEquals(-Math.log(p), loss.evaluate(data, params(-1, 0, "sum"), false).value(), 1e-12);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Random r = new Random(3);
        double[] z = new double[20];
        double[] t = new double[20];
        for (int i = 0; i < z.length; i++) {
            z[i] = 4 * r.nextGaussian();
            t[i] = r.nextInt(2);
        }
        ClassificationData data = new ClassificationData(z, t);
        for (double gamma : new double[] {0, 0.5, 1.5, 2}) {
            Params p = params(0.25, gamma, "mean");
            double[] g = loss.evaluate(data, p, true).gradient().get("logits");
            for (int i = 0; i < z.length; i++) {
                double keep = z[i];
                z[i] = keep + 1e-6;
                double plus = loss.evaluate(data, p, false).value();
                z[i] = keep - 1e-6;
                double minus = loss.evaluate(data, p, false).value();
                z[i] = keep;
                assertEquals((plus - minus) / 2e-6, g[i], 1e-7, "gamma " + gamma + " element " + i);
            }
        }
    }
}
