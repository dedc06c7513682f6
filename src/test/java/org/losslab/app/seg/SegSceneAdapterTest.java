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

    /**
     * Found by the window's random walk: opening a file kept the previous document's parameters for the entries the
     * file does not list, so the window computed with a threshold the file does not hold and a save did not write it.
     */
    @Test
    void openingAFileGivesEveryEntryItDoesNotListItsDefaults(@TempDir Path dir) throws Exception {
        SegDocument listsDice = new SegDocument(Presets.standard().create(16));
        listsDice.setParams("dice", listsDice.params("dice").with("dice", LossRegistry.get("dice").params(), "smooth", 1.0));
        Path file = dir.resolve("dice.json");
        var scene = SegSceneAdapter.toScene(listsDice, null);
        SceneFiles.write(scene.withLosses(scene.losses().stream().filter(e -> e.name().equals("dice")).toList()), file);

        SegDocument doc = new SegDocument(Presets.standard().create(8));
        var spec = LossRegistry.get("balanced_accuracy");
        doc.setParams("balanced_accuracy", doc.params("balanced_accuracy").with("balanced_accuracy", spec.params(), "threshold", 0.3));
        SegSceneAdapter.load(SceneFiles.read(file), doc);
        assertEquals(1.0, doc.params("dice").number("smooth"), 0.0, "what the file says");
        assertEquals(spec.defaults().asMap(), doc.params("balanced_accuracy").asMap(), "what it does not say: the default");
    }
}
