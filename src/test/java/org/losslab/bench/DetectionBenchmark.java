package org.losslab.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.box.BoxPairs;
import org.losslab.engine.ssd.MultiboxData;
import org.losslab.engine.ssd.PriorBoxes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Box-loss throughput (10 000 pairs with gradients per call; pairs/s = 10 000 x ops/s) and one MultiBox
 * evaluation with gradients on the 8732 priors of SSD300 with 10 objects and 21 classes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DetectionBenchmark {
    public static final int PAIRS = 10_000;

    @Param({"iou", "giou", "diou", "ciou", "smooth_l1", "l1"})
    public String loss;

    private LossSpec<BoxPairs> boxSpec;
    private Params boxParams;
    private BoxPairs pairs;
    private LossSpec<MultiboxData> multibox;
    private Params multiboxParams;
    private MultiboxData ssd;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        Random r = new Random(1);
        double[] p = new double[4 * PAIRS];
        double[] t = new double[4 * PAIRS];
        for (int k = 0; k < PAIRS; k++) {
            double x = 100 * r.nextDouble();
            double y = 100 * r.nextDouble();
            t[4 * k] = x;
            t[4 * k + 1] = y;
            t[4 * k + 2] = x + 10 + 40 * r.nextDouble();
            t[4 * k + 3] = y + 10 + 40 * r.nextDouble();
            for (int c = 0; c < 4; c++) {
                p[4 * k + c] = t[4 * k + c] + 8 * r.nextGaussian();
            }
            if (p[4 * k + 2] < p[4 * k]) {
                p[4 * k + 2] = p[4 * k] + 1;
            }
            if (p[4 * k + 3] < p[4 * k + 1]) {
                p[4 * k + 3] = p[4 * k + 1] + 1;
            }
        }
        pairs = new BoxPairs(p, t);
        boxSpec = (LossSpec<BoxPairs>) LossRegistry.get(loss);
        boxParams = boxSpec.bind(java.util.Map.of("reduction", "mean"));

        ssd = org.losslab.engine.ssd.MultiboxTest.randomScene(r, PriorBoxes.ssd300(), 10, 21);
        multibox = (LossSpec<MultiboxData>) LossRegistry.get("multibox");
        multiboxParams = multibox.defaults();
    }

    @Benchmark
    public Object boxLossTenThousandPairs() {
        return boxSpec.evaluate(pairs, boxParams, true);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object multiboxSsd300TenObjects() {
        return multibox.evaluate(ssd, multiboxParams, true);
    }
}
