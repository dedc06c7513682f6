package org.losslab.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/**
 * An audited case as a segmentation scene, against the files read here with ImageIO and by hand: a binary folder's
 * H x W probabilities become a binary scene whose sigmoid gives them back, a multiclass label map a one-hot prediction
 * whose argmax is the map, and a volume its middle slice.
 */
class AuditCaseSceneTest {
    private static Path resource(String path) throws Exception {
        return Path.of(AuditCaseSceneTest.class.getResource(path).toURI());
    }

    @Test
    void aBinaryCaseWithProbabilitiesIsABinarySceneOfThem() throws Exception {
        Path folder = resource("/audit/binary-threshold");
        AuditCaseScene.Opened opened = AuditCaseScene.read(folder.resolve("labels"), folder.resolve("predictions"), "case_002_00", 1);
        SegmentationData scene = opened.scene();
        assertEquals(SegMode.BINARY, scene.mode());
        int[] truth = RawFiles.png(folder.resolve("labels/case_002_00.png"));
        float[] p = RawFiles.npyFloats(folder.resolve("predictions/case_002_00.npy"));
        assertEquals(truth.length, scene.pixels());
        for (int i = 0; i < truth.length; i++) {
            assertEquals(truth[i] > 0 ? 1 : 0, scene.target()[i], "255 is class 1");
            assertEquals(p[i], 1 / (1 + Math.exp(-scene.prediction()[i])), 1e-6, "pixel " + i);
        }
        assertTrue(opened.reading().startsWith("probabilities from case_002_00.npy"), opened.reading());
        assertEquals(-1, opened.slice());
    }

    @Test
    void aMulticlassLabelMapIsOneHotWithTheFoldersClasses() throws Exception {
        Path labels = BundledFolders.folder("audit/labels");
        Path predictions = BundledFolders.folder("audit/predictions");
        SegmentationData scene = AuditCaseScene.read(labels, predictions, "case11", 2).scene();
        assertEquals(SegMode.MULTICLASS, scene.mode());
        assertEquals(3, scene.channels());
        int[] predicted = RawFiles.png(predictions.resolve("case11.png"));
        int n = scene.pixels();
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < 3; c++) {
                best = scene.prediction()[c * n + i] > scene.prediction()[best * n + i] ? c : best;
            }
            assertEquals(predicted[i], best, "pixel " + i);
        }
        SegmentationData empty = AuditCaseScene.read(labels, predictions, "case09", 2).scene();
        assertEquals(3, empty.channels(), "an empty case keeps the folder's classes");
    }

    @Test
    void aVolumeOpensAsItsMiddleSlice() throws Exception {
        Path folder = resource("/gold/v3/audit-3d");
        AuditCaseScene.Opened opened = AuditCaseScene.read(folder.resolve("labels"), folder.resolve("predictions"), "case_187_06", 0);
        assertTrue(opened.volume());
        assertEquals(opened.depth() / 2, opened.slice());
        assertTrue(opened.depth() > 1);
    }
}
