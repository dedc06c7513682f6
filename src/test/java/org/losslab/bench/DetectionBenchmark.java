package org.losslab.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.box.BoxPairs;
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
 * Box-loss throughput: 10 000 pairs with gradients per call (pairs/s = 10 000 x ops/s), for every box
 * loss of the registry ({@link #main} asks it). MultiBox is measured on its own in {@link MultiboxBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DetectionBenchmark {
    public static final int PAIRS = 10_000;

    /** Set by {@link #main} from the registry; the default is only what a bare JMH run measures. */
    @Param({"iou"})
    public String loss;

    private LossSpec<BoxPairs> boxSpec;
    private Params boxParams;
    private BoxPairs pairs;

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
    }

    @Benchmark
    public Object boxLossTenThousandPairs() {
        return boxSpec.evaluate(pairs, boxParams, true);
    }

    /** Every box loss of the registry. */
    public static void main(String[] args) throws org.openjdk.jmh.runner.RunnerException {
        String[] losses = LossRegistry.of(org.losslab.engine.Domains.BOXES).stream().map(LossSpec::name).toArray(String[]::new);
        new org.openjdk.jmh.runner.Runner(new org.openjdk.jmh.runner.options.OptionsBuilder()
                .include(DetectionBenchmark.class.getSimpleName()).param("loss", losses).build()).run();
    }
}
