package org.losslab.app.seg;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.losslab.app.LatestWins;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.Params;
import org.losslab.engine.seg.SegmentationData;

/**
 * Evaluates every segmentation loss and metric of the registry on a copy of the scene, in the
 * background; when requests arrive faster than it computes, only the newest is computed.
 */
public final class TableWorker implements AutoCloseable {
    /** One row: the loss, its value (NaN with a message when it does not apply). */
    public record Row(String name, double value, String message, boolean metric) {
    }

    /** A whole table for one revision. */
    public record Table(int revision, List<Row> rows, double millis) {
    }

    private final LatestWins worker = new LatestWins("losslab-table");
    private final Consumer<Table> publish;

    public TableWorker(Consumer<Table> publish) {
        this.publish = publish;
    }

    public void submit(SegmentationData scene, Map<String, Params> params, int revision) {
        SegmentationData copy = scene.copy();
        Map<String, Params> snapshot = Map.copyOf(params);
        worker.submit(() -> publish.accept(evaluate(copy, snapshot, revision)));
    }

    /** Every registry entry of the segmentation domain, evaluated. */
    public static Table evaluate(SegmentationData scene, Map<String, Params> params, int revision) {
        long start = System.nanoTime();
        // one thread: the other core stays free for the brush's frames (the table is throttled while painting)
        List<Row> rows = LossRegistry.of(Domains.SEGMENTATION).stream().map(spec -> {
            boolean metric = !spec.differentiable();
            if (!spec.appliesTo(scene)) {
                return new Row(spec.name(), Double.NaN, spec.name() + " " + spec.requirement(), metric);
            }
            try {
                return new Row(spec.name(), spec.evaluate(scene, params.get(spec.name()), false).value(), "", metric);
            } catch (EngineException e) {
                return new Row(spec.name(), Double.NaN, e.getMessage(), metric);
            }
        }).toList();
        return new Table(revision, rows, (System.nanoTime() - start) / 1e6);
    }

    @Override
    public void close() {
        worker.close();
    }
}
