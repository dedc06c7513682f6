package org.losslab.app.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Domains;
import org.losslab.engine.maps.MapKind;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.scene.LossEntry;
import org.losslab.scene.Scene;

/**
 * The copies of the scene the workspace holds, counted (issue 24: four copies of a 4096 x 4096 scene did not fit in
 * 2 GB): the document's own and one snapshot per change of its arrays, which the frame, table and read-out workers
 * share; the frame worker copies it only to patch a brush's box in.
 */
class SceneSnapshotTest {

    private static SegmentationData scene(int side) {
        double[] z = new double[side * side];
        int[] target = new int[side * side];
        for (int i = 0; i < z.length; i++) {
            z[i] = (i % 7) - 3;
            target[i] = i % 3 == 0 ? 1 : 0;
        }
        return new SegmentationData(SegMode.BINARY, 1, side, side, z, target);
    }

    @Test
    void oneSnapshotPerChangeOfTheArraysNotPerRequest() {
        SegDocument doc = new SegDocument(scene(8), "");
        SegmentationData first = doc.snapshot();
        assertNotSame(doc.data().prediction(), first.prediction(), "the snapshot is not the arrays strokes edit");
        assertNotSame(doc.data().target(), first.target());
        assertArrayEquals(doc.data().prediction(), first.prediction());
        assertSame(first, doc.snapshot(), "asked again: the same copy");
        doc.setParams("dice", doc.params("dice"));
        assertSame(first, doc.snapshot(), "a loss's parameters leave the arrays as they were");
        doc.data().prediction()[5] = 9; // a dab, as the brush applies it, then tells the document
        doc.changedLive(new int[] {0, 1, 5, 6});
        SegmentationData second = doc.snapshot();
        assertNotSame(first, second, "the arrays changed: a new copy");
        assertEquals(9, second.prediction()[5]);
        assertEquals(5 % 7 - 3, first.prediction()[5], "the copy the workers hold stays as it was taken");
        doc.setPrediction("invert", doc.data().prediction().clone());
        SegmentationData third = doc.snapshot();
        assertNotSame(second, third, "an operation on the whole prediction changes the arrays too");
        doc.undo();
        assertNotSame(third, doc.snapshot(), "and so does its undo");
    }

    @Test
    void aSceneOpenedFromAFileIsItsOwnSnapshotAndTheDocumentEditsACopy() {
        SegmentationData asRead = scene(8);
        Scene file = new Scene(Map.of(Domains.SEGMENTATION, asRead), List.<LossEntry>of(), Map.of());
        SegDocument doc = new SegDocument(scene(4), "");
        SegSceneAdapter.load(file, doc);
        assertSame(asRead, doc.snapshot(), "the file's arrays, shared, not copied a third time");
        assertNotSame(asRead.prediction(), doc.data().prediction(), "strokes edit the document's own copy");
        assertArrayEquals(asRead.prediction(), doc.data().prediction());
    }

    @Test
    void theFrameWorkerSharesTheSnapshotAndCopiesItOnlyToPatchABox() throws InterruptedException {
        SegDocument doc = new SegDocument(scene(16), "");
        BlockingQueue<FrameResult> results = new LinkedBlockingQueue<>();
        try (FrameWorker worker = new FrameWorker(results::add)) {
            FrameWorker.View view = new FrameWorker.View(MapKind.CROSS_ENTROPY, 0, Map.copyOf(doc.params()));
            int revision = 0;
            for (int k = 0; k < 3; k++) { // another map, other parameters: the same snapshot, no copy
                worker.submitScene(doc.snapshot(), view, ++revision);
                awaitRevision(results, revision);
            }
            assertEquals(0, worker.copies(), "no copy while the scene is unchanged");
            for (int k = 0; k < 4; k++) { // a stroke of four dabs
                doc.data().prediction()[k] = 5;
                int[] box = {0, 1, k, k + 1};
                doc.changedLive(box);
                worker.submitBox(doc.data(), box, view, ++revision);
                awaitRevision(results, revision);
            }
            assertEquals(1, worker.copies(), "one copy for the whole stroke");
            worker.submitScene(doc.snapshot(), view, ++revision);
            awaitRevision(results, revision);
            assertEquals(1, worker.copies(), "the new snapshot replaces the worker's copy, uncopied");
        }
    }

    private static void awaitRevision(BlockingQueue<FrameResult> results, int revision) throws InterruptedException {
        while (true) {
            FrameResult r = results.poll(60, TimeUnit.SECONDS);
            assertTrue(r != null, "no frame for revision " + revision);
            r.release().run();
            if (r.revision() == revision) {
                assertTrue(r.heatmap() != null, "the frame of revision " + revision + " was computed");
                return;
            }
        }
    }

    /** A large scene's live frame keeps its loss maps only while one is shown, in the main pane or the split view. */
    @Test
    void aLargeScenesLiveFrameKeepsItsLossMapsOnlyWhileOneIsShown() {
        int large = FrameWorker.POOLED_PIXELS + 1;
        assertTrue(FrameWorker.keepsLossMaps(512 * 512, new FrameWorker.View(MapKind.GRAD_DICE, 0, Map.of())));
        assertFalse(FrameWorker.keepsLossMaps(large, new FrameWorker.View(MapKind.GRAD_DICE, 0, Map.of())));
        assertTrue(FrameWorker.keepsLossMaps(large, new FrameWorker.View(MapKind.CROSS_ENTROPY, 0, Map.of())));
        assertTrue(FrameWorker.keepsLossMaps(large, new FrameWorker.View(MapKind.GRAD_DICE, 0, Map.of(), MapKind.FOCAL, null)));
        assertFalse(FrameWorker.keepsLossMaps(large, new FrameWorker.View(MapKind.GRAD_DICE, 0, Map.of(), MapKind.ERRORS, null)));
    }
}
