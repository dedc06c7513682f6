package org.losslab.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.engine.EngineException;
import org.losslab.engine.dataset.Case;

/** Pairing by stem: lone files, two files of one case, notes and hidden files, shapes, spacing. */
class FolderPairTest {
    @TempDir
    Path dir;
    Path labels;
    Path predictions;
    static final FolderPair.Options STRICT = new FolderPair.Options(0.5, null, false);

    @BeforeEach
    void folders() throws Exception {
        labels = Files.createDirectory(dir.resolve("labels"));
        predictions = Files.createDirectory(dir.resolve("predictions"));
    }

    private void map(Path folder, String name, String shape) throws Exception {
        int voxels = 1;
        for (String s : shape.replaceAll("[()]", "").split(",")) {
            if (!s.isBlank()) {
                voxels *= Integer.parseInt(s.trim());
            }
        }
        LabelFilesTest.npy(folder.resolve(name), "|u1", shape, new double[voxels]);
    }

    @Test
    void casesAreTheStemsOfBothFoldersInOrderAndOtherFilesAreIgnored() throws Exception {
        for (String stem : new String[] {"b", "a", "c"}) {
            map(labels, stem + ".npy", "(2, 3)");
            map(predictions, stem + ".npy", "(2, 3)");
        }
        Files.writeString(labels.resolve("README.txt"), "notes");
        map(predictions, ".hidden.npy", "(2, 3)");
        Files.createDirectory(labels.resolve("sub.npy"));
        FolderPair pair = FolderPair.open(labels, predictions, STRICT);
        assertEquals(List.of("a", "b", "c"), List.of(pair.name(0), pair.name(1), pair.name(2)));
        Case c = pair.load(1);
        assertArrayEquals(new double[] {1, 1}, c.spacing());
    }

    @Test
    void aLoneFileIsRefusedOrListedWhenAllowed() throws Exception {
        map(labels, "a.npy", "(2, 3)");
        map(predictions, "a.npy", "(2, 3)");
        map(labels, "b.npy", "(2, 3)");
        String message = assertThrows(SceneException.class, () -> FolderPair.open(labels, predictions, STRICT)).getMessage();
        assertTrue(message.startsWith("b: labels/b.npy has no prediction in "), message);
        FolderPair pair = FolderPair.open(labels, predictions, new FolderPair.Options(0.5, null, true));
        assertEquals(1, pair.size());
        assertEquals(1, pair.missing().size());
    }

    @Test
    void twoFilesOfOneCaseInAFolderAreRefused() throws Exception {
        map(predictions, "a.npy", "(2, 3)");
        map(predictions, "a.png", "(2, 3)");
        map(labels, "a.npy", "(2, 3)");
        String message = assertThrows(SceneException.class, () -> FolderPair.open(labels, predictions, STRICT)).getMessage();
        assertEquals("predictions/a.npy and predictions/a.png: two files for case a in one folder", message);
    }

    @Test
    void shapesMustMatchAndTheSpacingGivenIsXFirst() throws Exception {
        map(labels, "a.npy", "(2, 3)");
        map(predictions, "a.npy", "(3, 2)");
        FolderPair pair = FolderPair.open(labels, predictions, STRICT);
        String message = assertThrows(EngineException.class, () -> pair.load(0)).getMessage();
        assertEquals("a: the ground truth labels/a.npy is 2 x 3, the prediction predictions/a.npy is 3 x 2", message);
        map(predictions, "a.npy", "(2, 3)");
        Case c = FolderPair.open(labels, predictions, new FolderPair.Options(0.5, new double[] {0.5, 2}, false)).load(0);
        assertArrayEquals(new double[] {2, 0.5}, c.spacing(), "x (the width axis) is the last axis of the C-order shape");
        String axes = assertThrows(EngineException.class, () ->
                FolderPair.open(labels, predictions, new FolderPair.Options(0.5, new double[] {1, 1, 1}, false)).load(0)).getMessage();
        assertTrue(axes.contains("--spacing gives 3 values, the case has 2 axes"), axes);
    }

    @Test
    void aMissingFolderOrAnEmptyPairIsNamed() throws Exception {
        assertTrue(assertThrows(SceneException.class, () -> FolderPair.open(dir.resolve("nope"), predictions, STRICT))
                .getMessage().endsWith("nope: no such folder"));
        assertTrue(assertThrows(SceneException.class, () -> FolderPair.open(labels, predictions, STRICT))
                .getMessage().contains("no case"));
    }
}
