package org.losslab.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.ssd.MultiboxData;
import org.losslab.engine.ssd.PriorBoxes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** One MultiBox evaluation with gradients on the 8732 priors of SSD300, with 10 objects and 21 classes. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MultiboxBenchmark {
    private LossSpec<MultiboxData> multibox;
    private Params params;
    private MultiboxData ssd;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        ssd = org.losslab.engine.ssd.MultiboxTest.randomScene(new Random(1), PriorBoxes.ssd300(), 10, 21);
        multibox = (LossSpec<MultiboxData>) LossRegistry.get("multibox");
        params = multibox.defaults();
    }

    @Benchmark
    public Object multiboxSsd300TenObjects() {
        return multibox.evaluate(ssd, params, true);
    }
}
