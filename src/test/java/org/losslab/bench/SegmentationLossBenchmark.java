package org.losslab.bench;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.losslab.engine.Domains;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;
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
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Each segmentation loss of the registry with its gradient, on a 512 x 512 binary scene and a 256 x 256
 * 5-class scene: only the losses that apply to the scene's mode (the registry says which). Run its
 * {@link #main} (README, "Benchmarks"), which asks the registry for the losses of each scene.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SegmentationLossBenchmark {
    @Param({"binary-512", "multiclass5-256"})
    public String scene;

    /** Set by {@link #main} from the registry; the default is only what a bare JMH run measures. */
    @Param({"dice"})
    public String loss;

    private LossSpec<SegmentationData> spec;
    private Params params;
    private SegmentationData data;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        data = scene(scene);
        spec = (LossSpec<SegmentationData>) LossRegistry.get(loss);
        params = spec.defaults();
    }

    static SegmentationData scene(String name) {
        Random r = new Random(0);
        if (name.startsWith("binary")) {
            int n = 512;
            double[] x = new double[n * n];
            int[] t = new int[n * n];
            for (int i = 0; i < x.length; i++) {
                int y = i / n;
                int c = i % n;
                t[i] = (y - 0.4 * n) * (y - 0.4 * n) + (c - 0.5 * n) * (c - 0.5 * n) < 0.04 * n * n ? 1 : 0;
                x[i] = r.nextGaussian() + 3 * (2 * t[i] - 1);
            }
            return new SegmentationData(SegMode.BINARY, 1, n, n, x, t);
        }
        int n = 256;
        int classes = 5;
        double[] x = new double[classes * n * n];
        int[] t = new int[n * n];
        for (int i = 0; i < t.length; i++) {
            t[i] = (i / n) * classes / n;
        }
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < t.length; i++) {
                x[c * n * n + i] = r.nextGaussian() + (t[i] == c ? 2 : 0);
            }
        }
        return new SegmentationData(SegMode.MULTICLASS, classes, n, n, x, t);
    }

    @Benchmark
    public Object lossWithGradient() {
        return spec.evaluate(data, params, true);
    }

    /** Every differentiable segmentation loss on each scene whose mode it takes. */
    public static void main(String[] args) throws RunnerException {
        for (String name : new String[] {"binary-512", "multiclass5-256"}) {
            SegmentationData data = scene(name);
            List<String> losses = LossRegistry.of(Domains.SEGMENTATION).stream()
                    .filter(s -> s.differentiable() && s.appliesTo(data)).map(LossSpec::name).toList();
            new Runner(new OptionsBuilder().include(SegmentationLossBenchmark.class.getSimpleName())
                    .param("scene", name).param("loss", losses.toArray(String[]::new)).build()).run();
        }
    }
}
