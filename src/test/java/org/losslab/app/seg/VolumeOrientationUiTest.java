package org.losslab.app.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.losslab.engine.distance.HausdorffPair;
import org.losslab.engine.volume.LabelVolume;
import org.losslab.engine.volume.SliceAxis;
import org.losslab.scene.Json;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A volume case whose qform permutes and flips the axes (nibabel's codes SLP) is shown radiologically: every axial,
 * coronal and sagittal slice on screen equals, pixel for pixel, the slice nibabel's as_closest_canonical gives
 * (recorded by {@code orientation/record.py}); the edges are lettered A/P/R/L, S/I/R/L, S/I/A/P; a rectangle
 * dragged over one screen pixel paints the voxel nibabel says that pixel shows; Go to HD draws its line between the
 * pixels of the pair's voxels; the slice line and the HD text count from 0; the NSD tolerance is the audit's; a
 * header without orientation is said so and shown in array order.
 */
class VolumeOrientationUiTest extends VolumeWindow {
    /** The recorded file's shape {z, y, x} (nibabel's (i, j, k) = (5, 4, 3)). */
    private static final int[] SHAPE = {3, 4, 5};
    /** A voxel the prediction adds, far from the class-1 box: (i 0, j 3, k 2), C-order index 55. */
    private static final int ADDED = 55;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private static JsonNode recorded(String name) throws Exception {
        try (InputStream in = VolumeOrientationUiTest.class.getResourceAsStream("/orientation/files.json")) {
            for (JsonNode f : Json.MAPPER.readTree(in)) {
                if (f.get("name").asText().equals(name)) {
                    return f;
                }
            }
        }
        throw new AssertionError(name);
    }

    private Path copy(String name, int addedVoxel) throws Exception {
        byte[] bytes;
        try (InputStream in = VolumeOrientationUiTest.class.getResourceAsStream("/orientation/" + name + ".nii")) {
            bytes = in.readAllBytes();
        }
        if (addedVoxel >= 0) {
            bytes[352 + addedVoxel] = 1;
        }
        Path file = dir.resolve((addedVoxel >= 0 ? "pred_" : "gt_") + name + ".nii");
        Files.write(file, bytes);
        return file;
    }

    private static int[] flat(JsonNode slice) {
        int columns = slice.get(0).size();
        int[] out = new int[slice.size() * columns];
        for (int r = 0; r < slice.size(); r++) {
            for (int c = 0; c < columns; c++) {
                out[r * columns + c] = slice.get(r).get(c).asInt();
            }
        }
        return out;
    }

    /** The screen point of the middle of image pixel (row, column) plus a fraction. */
    private Point2D screen(double row, double column) {
        return ws.canvas().localToScreen(ws.canvas().toCanvas(column, row));
    }

    @Test
    void aPermutedFlippedCaseIsShownRadiologically(FxRobot robot) throws Exception {
        JsonNode f = recorded("qform_permuted_flipped");
        Path labels = copy("qform_permuted_flipped", -1);
        Path prediction = copy("qform_permuted_flipped", ADDED);
        robot.interact(() -> ws.openVolumeCase(labels, prediction));
        settle();
        VolumeSlices slices = ws.volume();
        VolumeBar bar = ws.volumeBar();
        String[][] edges = {{"A", "P", "R", "L"}, {"S", "I", "R", "L"}, {"S", "I", "A", "P"}};
        for (SliceAxis axis : SliceAxis.values()) {
            robot.interact(() -> slices.axisProperty().set(axis));
            JsonNode shown = f.get("shown").get(axis.key()).get("slices");
            for (int t = 0; t < shown.size(); t++) {
                int index = t;
                robot.interact(() -> bar.slider().setValue(index));
                settle();
                assertEquals(shown.get(t).size(), ws.document().data().height(), axis + ": rows");
                assertArrayEquals(flat(shown.get(t)), ws.document().data().target(), axis + " slice " + t + " as nibabel shows it");
                String where = bar.whereText();
                assertTrue(where.matches("slice [zyx] = " + t + " \\(0 \\.\\. " + (shown.size() - 1) + "\\).*"), where);
            }
            for (int e = 0; e < 4; e++) {
                assertEquals(edges[axis.ordinal()][e], bar.edgeText(e), axis + " edge " + e);
            }
            String name = axis.key().substring(0, 1).toUpperCase(Locale.ROOT) + axis.key().substring(1);
            assertEquals(name, bar.axisName(axis));
        }
        assertTrue(bar.readingText().contains("hard labels") && bar.readingText().contains("SLP"), bar.readingText());

        // a rectangle dragged inside one screen pixel of the sagittal slice paints the voxel nibabel says it shows
        LabelVolume truth = slices.openedProperty().get().pair().labels();
        int t = 1;
        int row = 2;
        int column = 1;
        robot.interact(() -> {
            slices.axisProperty().set(SliceAxis.SAGITTAL);
            bar.slider().setValue(t);
            ws.controller().editTargetProperty().set(true);
            ws.controller().channelProperty().set(2);
            ws.controller().toolProperty().set(Tool.RECTANGLE);
        });
        settle();
        int voxel = f.get("shown_ids").get("sagittal").get("slices").get(t).get(row).get(column).asInt();
        int before = truth.label(voxel);
        assertTrue(before != 2, "the voxel is not yet class 2");
        robot.drag(screen(row + 0.3, column + 0.3), MouseButton.PRIMARY).moveTo(screen(row + 0.7, column + 0.7)).release(MouseButton.PRIMARY);
        settle();
        for (int i = 0; i < SHAPE[0] * SHAPE[1] * SHAPE[2]; i++) {
            int original = flat(f.get("data_ijk"), i);
            assertEquals(i == voxel ? 2 : original, truth.label(i), "voxel " + i + " after painting screen pixel (" + row
                    + ", " + column + ")");
        }
        robot.interact(ws::undo);
        settle();

        // Go to HD: the slice of the farthest voxel and the line between the pixels nibabel shows the two voxels at
        robot.interact(() -> ws.controller().channelProperty().set(1));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> slices.numbersProperty().get() != null
                && slices.numbersProperty().get().pairs() != null);
        for (SliceAxis axis : SliceAxis.values()) {
            robot.interact(() -> slices.axisProperty().set(axis));
            settle();
            robot.clickOn("#volume-go-to-hd");
            settle();
            HausdorffPair pair = slices.openedProperty().get().pair().hausdorffPairs(1).hd();
            int from = flatIndex(pair.from());
            int to = flatIndex(pair.to());
            JsonNode ids = f.get("shown_ids").get(axis.key()).get("slices");
            int[] fromPixel = find(ids.get(slices.indexProperty().get()), from);
            assertTrue(fromPixel != null, axis + ": the farthest voxel is on the slice shown");
            int[] toPixel = find(ids, to);
            assertArrayEquals(new int[] {fromPixel[0], fromPixel[1], toPixel[0], toPixel[1]}, ws.canvas().marks().get(0),
                    axis + ": the HD line between the pixels that show its voxels");
            String text = ws.messageProperty().get();
            assertTrue(text.contains(String.format(Locale.ROOT, "(z %d, y %d, x %d)", pair.from()[0], pair.from()[1],
                    pair.from()[2])), "0-based voxel indices: " + text);
        }

        // NSD's tolerance is the audit's one value
        robot.interact(() -> window.audit().model().toleranceProperty().set(2.5));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2.5, slices.toleranceProperty().get());
        assertEquals("NSD (2.50 mm)", robot.lookup("#volume-nsd-name").queryLabeled().getText());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> slices.numbersProperty().get() != null
                && slices.numbersProperty().get().volume() != null);
        double expected = slices.openedProperty().get().pair().volumeNumbers(1, 2.5).nsd();
        assertEquals(String.format(Locale.ROOT, "%.3f", expected), bar.cellText(4, 0));
    }

    private static int flat(JsonNode dataIjk, int index) {
        int i = index % SHAPE[2];
        int j = index / SHAPE[2] % SHAPE[1];
        int k = index / (SHAPE[2] * SHAPE[1]);
        return dataIjk.get(i).get(j).get(k).asInt();
    }

    private static int flatIndex(int[] zyx) {
        return (zyx[0] * SHAPE[1] + zyx[1]) * SHAPE[2] + zyx[2];
    }

    /** Where a voxel id is on a recorded slice (or on any slice of a plane: its pixel). */
    private static int[] find(JsonNode slice, int id) {
        if (slice.get(0).get(0).isArray()) {
            for (JsonNode s : slice) {
                int[] at = find(s, id);
                if (at != null) {
                    return at;
                }
            }
            return null;
        }
        for (int r = 0; r < slice.size(); r++) {
            for (int c = 0; c < slice.get(r).size(); c++) {
                if (slice.get(r).get(c).asInt() == id) {
                    return new int[] {r, c};
                }
            }
        }
        return null;
    }

    @Test
    void aHeaderWithoutOrientationIsSaidAndShownInArrayOrder(FxRobot robot) throws Exception {
        Path labels = copy("no_orientation", -1);
        Path prediction = copy("no_orientation", ADDED);
        robot.interact(() -> ws.openVolumeCase(labels, prediction));
        settle();
        VolumeBar bar = ws.volumeBar();
        assertTrue(bar.readingText().contains("no orientation") && bar.readingText().contains("qform_code and sform_code"),
                bar.readingText());
        assertEquals("Array z (no orientation)", bar.axisName(SliceAxis.AXIAL));
        for (int e = 0; e < 4; e++) {
            assertEquals("", bar.edgeText(e), "no letters without an orientation");
        }
        LabelVolume truth = ws.volume().openedProperty().get().pair().labels();
        assertArrayEquals(truth.slice(SliceAxis.AXIAL, 1), ws.document().data().target(), "the array's own axial slice");
    }
}
