package org.losslab.app.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Domains;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.Params;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/** The table's worker always returns a whole table: an entry too costly for the scene says why in its row. */
class TableWorkerTest {

    private static SegmentationData scene(int side, double logit) {
        double[] z = new double[side * side];
        java.util.Arrays.fill(z, logit);
        int[] target = new int[side * side];
        target[0] = 1;
        return new SegmentationData(SegMode.BINARY, 1, side, side, z, target);
    }

    private static Map<String, Params> defaults() {
        Map<String, Params> params = new HashMap<>();
        LossRegistry.of(Domains.SEGMENTATION).forEach(spec -> params.put(spec.name(), spec.defaults()));
        return params;
    }

    /**
     * A scene of another size replaces the shown one: before its numbers are ready, the table's rows are
     * marked pending (no number) under the revision already shown, so that the old scene's numbers are
     * never shown as the new one's; then the new numbers come under the new revision.
     */
    @Test
    void aNewSceneMarksThePreviousNumbersPendingUntilItsOwnArrive() throws InterruptedException {
        List<TableWorker.Table> published = new ArrayList<>();
        CountDownLatch first = new CountDownLatch(1);
        try (TableWorker worker = new TableWorker(t -> {
            synchronized (published) {
                published.add(t);
            }
            first.countDown();
        })) {
            worker.submit(scene(8, 2), defaults(), 1);
            assertTrue(first.await(30, TimeUnit.SECONDS), "the first table");
            worker.submit(scene(16, -2), defaults(), 2);
            synchronized (published) {
                TableWorker.Table pending = published.get(published.size() - 1);
                assertEquals(1, pending.revision(), "the revision shown stays, its numbers withdrawn");
                for (TableWorker.Row row : pending.rows()) {
                    assertTrue(Double.isNaN(row.value()) && row.message().contains("pending"), row.toString());
                }
            }
        }
    }

    @Test
    void anEntryTooCostlyForTheSceneGetsItsReasonAndTheOthersTheirValues() {
        int side = 256;
        int[] target = new int[side * side];
        double[] z = new double[side * side];
        for (int i = 0; i < z.length; i++) {
            target[i] = (i / side) > side / 2 ? 1 : 0;
            z[i] = target[i] == 1 ? 1.5 : -0.5;
        }
        SegmentationData scene = new SegmentationData(SegMode.BINARY, 1, side, side, z, target);
        Map<String, Params> params = new HashMap<>();
        LossRegistry.of(Domains.SEGMENTATION).forEach(spec -> params.put(spec.name(), spec.defaults()));
        params.put("cldice", LossRegistry.get("cldice").bind(Map.of("iterations", 1000)));
        TableWorker.Table table = TableWorker.evaluate(scene, params, 7);
        assertEquals(7, table.revision());
        assertEquals(LossRegistry.of(Domains.SEGMENTATION).size(), table.rows().size());
        for (TableWorker.Row row : table.rows()) {
            if (row.name().equals("cldice")) {
                assertTrue(Double.isNaN(row.value()), "no number for it");
                assertTrue(row.message().startsWith("cldice is too costly for a 1 x 256 x 256 scene"), row.message());
            } else if (row.name().equals("dice")) {
                assertTrue(Double.isFinite(row.value()) && row.message().isEmpty(), row.toString());
            }
        }
    }
}
