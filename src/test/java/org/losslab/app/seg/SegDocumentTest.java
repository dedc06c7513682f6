package org.losslab.app.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.scene.Presets;

class SegDocumentTest {
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
