package org.losslab.app.seg;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.losslab.app.core.LatestWins;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
import org.losslab.engine.EntryMemory;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.Params;
import org.losslab.engine.distance.SurfaceMetrics;
import org.losslab.engine.seg.SegmentationData;

/**
 * Evaluates every segmentation loss and metric of the registry on a scene nobody edits (the document's
 * {@link SegDocument#snapshot()}, shared with the other workers, not a copy of its own), in the background; when
 * requests arrive faster than it computes, only the newest is computed.
 */
public final class TableWorker implements AutoCloseable {
    /** One row: the loss, its value (NaN with a message when it does not apply). */
    public record Row(String name, double value, String message, boolean metric) {
    }

    /** A whole table for one revision. */
    public record Table(int revision, List<Row> rows, double millis) {
    }

    static final String PENDING = "pending: being computed for the new scene";
    /**
     * Held by each entry of the table, by the read-outs and by a large scene's frame while they compute: each takes
     * working arrays the size of the scene (probabilities, gradients, distance maps, a frame's layers), and side by
     * side on a 4096 x 4096 scene they ran out of memory.
     */
    static final Object SCENE_PASSES = new Object();

    private final LatestWins worker = new LatestWins("losslab-table");
    private final Consumer<Table> publish;
    /** The shape of the newest scene submitted, and the revision of the newest table published. */
    private volatile String shape = "";
    private volatile int published = -1;

    public TableWorker(Consumer<Table> publish) {
        this.publish = publish;
    }

    /**
     * Computes the table of this revision in the background. A scene of another shape than the last (a
     * new scene) first withdraws the numbers shown, under the revision shown, as pending: they belong to
     * the previous scene, and a large scene's table can take a while. {@code scene} must stay as it is (a snapshot).
     */
    public void submit(SegmentationData scene, Map<String, Params> params, int revision) {
        Map<String, Params> snapshot = Map.copyOf(params);
        String newShape = shape(scene);
        if (!newShape.equals(shape)) {
            shape = newShape;
            int shown = published;
            if (shown >= 0) {
                publish.accept(new Table(shown, LossRegistry.of(Domains.SEGMENTATION).stream()
                        .map(spec -> new Row(spec.name(), Double.NaN, PENDING, !spec.differentiable())).toList(), 0));
            }
        }
        worker.submit(() -> {
            Table table = evaluate(scene, snapshot, revision);
            SurfaceMetrics.releaseBuffer(); // the next table is of another state, maybe of another scene
            if (newShape.equals(shape)) { // a table of a scene already replaced would bring its numbers back
                published = revision;
                publish.accept(table);
            }
        });
    }

    private static String shape(SegmentationData scene) {
        return scene.mode() + " " + scene.channels() + " x " + scene.height() + " x " + scene.width();
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
                synchronized (SCENE_PASSES) { // entry by entry: a large scene's frame can come in between
                    Params p = params.get(spec.name());
                    // asked first on a large scene: an entry that would not fit beside the window says so, not runs
                    Optional<String> tooLarge = EntryMemory.refusal(spec, scene, p, false);
                    if (tooLarge.isPresent()) {
                        return new Row(spec.name(), Double.NaN, tooLarge.get(), metric);
                    }
                    return new Row(spec.name(), spec.evaluate(scene, p, false).value(), "", metric);
                }
            } catch (EngineException e) {
                return new Row(spec.name(), Double.NaN, e.getMessage(), metric);
            } catch (OutOfMemoryError e) {
                // the registry's rule of cost refuses what it knows to be too large; this row alone failed
                return new Row(spec.name(), Double.NaN, spec.name() + " ran out of memory on this " + scene.height() + " x "
                        + scene.width() + " scene", metric);
            }
        }).toList();
        return new Table(revision, rows, (System.nanoTime() - start) / 1e6);
    }

    @Override
    public void close() {
        worker.close();
    }
}
