package org.losslab.app.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.engine.LossRegistry;
import org.losslab.scene.Presets;
import org.losslab.scene.SceneFiles;

/** The workspace's document through a scene file and back: data, parameters, class names. */
class SegSceneAdapterTest {
    @Test
    void aDocumentSurvivesASceneFile(@TempDir Path dir) throws Exception {
        SegDocument doc = new SegDocument(Presets.get("three-class").create(32));
        doc.renameClass(1, "road");
        doc.renameClass(2, "car");
        doc.setParams("tversky", doc.params("tversky").with("tversky", LossRegistry.get("tversky").params(), "alpha", 0.8));
        Path file = dir.resolve("scene.json");
        SceneFiles.write(SegSceneAdapter.toScene(doc, null), file);

        SegDocument back = new SegDocument(Presets.standard().create(8));
        SegSceneAdapter.load(SceneFiles.read(file), back);
        assertArrayEquals(doc.data().prediction(), back.data().prediction(), 0.0);
        assertArrayEquals(doc.data().target(), back.data().target());
        assertEquals("road", back.className(1));
        assertEquals("car", back.className(2));
        assertEquals("background", back.className(0));
        assertEquals(0.8, back.params("tversky").number("alpha"), 0.0);
        assertEquals(0.5, back.params("tversky").number("beta"), 0.0);
    }
}
