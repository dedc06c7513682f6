package org.losslab.app.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.scene.Presets;

class SegDocumentTest {
    /**
     * 200 brush strokes on a 1024 x 1024, 8-class scene: the history keeps only what each stroke
     * changed, well under a gigabyte, and undoing every stroke gives the scene back bit for bit.
     */
    @Test
    void twoHundredStrokesOnALargeSceneFitInTheHistoryAndUndoExactly() {
        int size = 1024;
        SegmentationData scene = org.losslab.scene.SceneInputs.blank(
                new org.losslab.scene.SceneInputs.CanvasKind(org.losslab.engine.seg.SegMode.MULTICLASS, 8), size);
        SegDocument doc = new SegDocument(scene, "");
        double[] start = scene.prediction().clone();
        java.util.Random r = new java.util.Random(5);
        for (int s = 0; s < SegDocument.UNDO_LIMIT; s++) {
            StrokeRecorder stroke = new StrokeRecorder("brush", false, scene.prediction(), scene.target(), size);
            double y = r.nextInt(size);
            double x = r.nextInt(size);
            int channel = 1 + r.nextInt(7);
            for (int dab = 0; dab < 40; dab++) { // a 200-pixel stroke with a radius-20 brush
                y += r.nextGaussian() * 5;
                x += r.nextGaussian() * 5;
                org.losslab.engine.paint.Painting.predictionDisc(scene, y, x, 20, 0.9, 0.6, channel, stroke::touch);
            }
            doc.commit(stroke.finish());
        }
        assertEquals(SegDocument.UNDO_LIMIT, doc.undoSteps(), "every stroke is kept");
        long bytes = doc.historyBytes();
        assertTrue(bytes < (1L << 30) / 4, "history of 200 strokes: " + (bytes >> 20) + " MB");
        for (int s = 0; s < SegDocument.UNDO_LIMIT; s++) {
            doc.undo();
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(start, scene.prediction(), 0.0, "undo restores the start exactly");
        assertEquals(bytes, doc.historyBytes(), "undone steps wait for redo in the same memory");
    }

    @Test
    void aWholeMapOperationKeepsOneCopyAndUndoesAndRedoes() {
        SegmentationData scene = Presets.get("shifted").create(64);
        SegDocument doc = new SegDocument(scene, "shifted");
        double[] before = scene.prediction().clone();
        double[] blurred = org.losslab.engine.paint.MapOperations.blur(scene, 2);
        doc.setPrediction("blur", blurred);
        assertEquals(8L * before.length + 64, doc.historyBytes(), "one copy of the prediction");
        doc.undo();
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, doc.data().prediction(), 0.0);
        doc.redo();
        org.junit.jupiter.api.Assertions.assertArrayEquals(blurred, doc.data().prediction(), 0.0);
    }

    @Test
    void aNonFiniteResultIsRefusedAndChangesNothing() {
        SegmentationData scene = Presets.get("shifted").create(16);
        SegDocument doc = new SegDocument(scene, "shifted");
        double[] before = scene.prediction().clone();
        double[] bad = before.clone();
        bad[3] = Double.NaN;
        org.junit.jupiter.api.Assertions.assertThrows(org.losslab.engine.EngineException.class, () -> doc.setPrediction("scale", bad));
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, doc.data().prediction(), 0.0);
        assertEquals(0, doc.undoSteps());
    }

    @Test
    void undoingAPresetBringsBackTheSceneAndItsPreset() {
        SegmentationData first = Presets.get("shifted").create(16);
        SegDocument doc = new SegDocument(first, "shifted");
        int revision = doc.revisionProperty().get();
        doc.undo(); // a fresh document has nothing to undo
        assertEquals(revision, doc.revisionProperty().get());
        doc.replace(Presets.get("three-class").create(16), "three-class");
        doc.undo();
        assertSame(first, doc.data());
        assertEquals("shifted", doc.preset());
        doc.redo();
        assertEquals("three-class", doc.preset());
    }
}
