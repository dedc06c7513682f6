package org.losslab.app.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.losslab.app.render.ColorMaps;
import org.losslab.engine.distance.HausdorffPair;
import org.losslab.engine.maps.MapKind;
import org.losslab.engine.maps.PixelMaps;
import org.losslab.engine.volume.SliceAxis;
import org.losslab.scene.Presets;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A volume case of 0.8 x 0.8 x 5 mm voxels opened as slices: the heatmap follows the wheel, the keys and the axis
 * (checked pixel by pixel against the errors a brute force reads from the arrays the files were written from),
 * coronal pixels drawn 6.25 times taller than wide, painting a slice edits exactly its voxels and undo goes back to
 * it, the HD line is found on its slice, and the workspace's state gives the case back.
 */
class VolumeSlicesUiTest extends VolumeWindow {
    private static final int D = 8;
    private static final int H = 24;
    private static final int W = 20;
    /** The ground truth: a box whose height grows with z. */
    private static final int[] TRUTH = box(0, 0, 1);
    /** The prediction: the box shifted by 2 rows and 1 column, a slice later. */
    private static final int[] PREDICTED = box(2, 1, 2);

    @Start
    void start(Stage stage) {
        open(stage);
    }

    /** A box whose height grows with z; the prediction is shifted by {@code dy, dx} and starts a slice later. */
    private static int[] box(int dy, int dx, int firstZ) {
        int[] labels = new int[D * H * W];
        for (int z = firstZ; z < D - 1 + firstZ && z < D; z++) {
            for (int y = 6 + dy; y < 6 + dy + 2 * z && y < H; y++) {
                for (int x = 4 + dx; x < 14 + dx; x++) {
                    labels[(z * H + y) * W + x] = 1;
                }
            }
        }
        return labels;
    }

    /** A NIfTI-1 file of uint8 labels, x fastest, with voxel sizes (x, y, z) in mm. */
    static Path nifti(Path file, int[] labels, int[] zyx, double[] xyzMm) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(352 + labels.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 348);
        short[] dim = {3, (short) zyx[2], (short) zyx[1], (short) zyx[0], 1, 1, 1, 1};
        for (int i = 0; i < 8; i++) {
            b.putShort(40 + 2 * i, dim[i]);
        }
        b.putShort(70, (short) 2); // uint8
        b.putShort(72, (short) 8);
        b.putFloat(76, 1);
        for (int i = 0; i < 3; i++) {
            b.putFloat(80 + 4 * i, (float) xyzMm[i]);
        }
        b.putFloat(108, 352);
        b.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
        for (int i = 0; i < labels.length; i++) {
            b.put(352 + i, (byte) labels[i]);
        }
        Files.write(file, b.array());
        return file;
    }

    /** The shown map is the errors a brute force reads from the two label arrays on this slice, and is drawn so. */
    private void assertErrorsFollow(int[] truth, int[] predicted, SliceAxis axis, int index) {
        int[] shape = {D, H, W};
        int rows = axis.rows(shape);
        int columns = axis.columns(shape);
        assertEquals(rows, ws.document().data().height(), axis + ": rows");
        assertEquals(columns, ws.document().data().width(), axis + ": columns");
        float[] values = ws.lastFrame().mapValues();
        assertEquals(MapKind.ERRORS, ws.lastFrame().heatmap().kind());
        int[] table = ColorMaps.table(MapKind.ERRORS);
        int[] shown = ws.canvas().composedPixels();
        int foreground = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int[] zyx = axis.voxel(index, r, c);
                int v = (zyx[0] * H + zyx[1]) * W + zyx[2];
                int code = predicted[v] == 1 ? truth[v] == 1 ? PixelMaps.TP : PixelMaps.FP
                        : truth[v] == 1 ? PixelMaps.FN : PixelMaps.TN;
                foreground += code == PixelMaps.TN ? 0 : 1;
                int i = r * columns + c;
                assertEquals(code, (int) values[i], axis + " slice " + index + " pixel (" + r + ", " + c + ")");
                if (!ws.canvas().onOutline(i)) {
                    assertEquals(table[code], shown[i], axis + " slice " + index + ": pixel " + i + " drawn in its colour");
                }
            }
        }
        assertTrue(foreground > 0, "the slice shows some of the masks");
    }

    @Test
    void aVolumeCaseOpensAsSlicesThatTheHeatmapFollows(FxRobot robot) throws Exception {
        Path labels = nifti(dir.resolve("gt.nii"), TRUTH, new int[] {D, H, W}, new double[] {0.8, 0.8, 5});
        Path prediction = nifti(dir.resolve("pred.nii"), PREDICTED, new int[] {D, H, W}, new double[] {0.8, 0.8, 5});
        int[] truth = TRUTH;
        int[] predicted = PREDICTED;
        settle();
        robot.interact(() -> {
            ws.layerChoice().setValue(MapKind.ERRORS);
            ws.openVolumeCase(labels, prediction);
        });
        settle();
        VolumeSlices slices = ws.volume();
        assertEquals(SliceAxis.AXIAL, slices.axisProperty().get());
        assertEquals(D / 2, slices.indexProperty().get(), "the middle axial slice first");
        assertErrorsFollow(truth, predicted, SliceAxis.AXIAL, D / 2);
        assertEquals(D - 1, ws.volumeBar().slider().getMax());

        // Ctrl + wheel over the canvas: the next slice, not a zoom
        double zoom = ws.canvas().zoomProperty().get();
        robot.moveTo("#paint-canvas").press(KeyCode.CONTROL).scroll(1, VerticalDirection.UP).release(KeyCode.CONTROL);
        settle();
        int afterWheel = slices.indexProperty().get();
        assertEquals(1, Math.abs(afterWheel - D / 2), "one wheel step moves one slice");
        assertEquals(zoom, ws.canvas().zoomProperty().get(), "and does not zoom");
        assertErrorsFollow(truth, predicted, SliceAxis.AXIAL, afterWheel);
        robot.type(KeyCode.PAGE_UP);
        robot.type(KeyCode.PAGE_UP);
        settle();
        assertEquals(afterWheel - 2, slices.indexProperty().get(), "Page Up: the previous slice");
        assertErrorsFollow(truth, predicted, SliceAxis.AXIAL, afterWheel - 2);
        robot.interact(() -> ws.volumeBar().slider().setValue(6));
        settle();
        assertErrorsFollow(truth, predicted, SliceAxis.AXIAL, 6);

        // coronal: rows are z, 5 mm each against 0.8 mm columns
        robot.interact(() -> slices.axisProperty().set(SliceAxis.CORONAL));
        settle();
        assertEquals(H / 2, slices.indexProperty().get());
        assertErrorsFollow(truth, predicted, SliceAxis.CORONAL, H / 2);
        Point2D origin = ws.canvas().toCanvas(0, 0);
        double pixelWidth = ws.canvas().toCanvas(1, 0).getX() - origin.getX();
        double pixelHeight = ws.canvas().toCanvas(0, 1).getY() - origin.getY();
        assertEquals(5 / 0.8, pixelHeight / pixelWidth, 1e-9, "coronal pixels are drawn 6.25 times taller than wide");
        robot.interact(() -> slices.axisProperty().set(SliceAxis.SAGITTAL));
        settle();
        assertErrorsFollow(truth, predicted, SliceAxis.SAGITTAL, W / 2);
        robot.interact(() -> ws.volumeBar().slider().setValue(6));
        settle();
        assertErrorsFollow(truth, predicted, SliceAxis.SAGITTAL, 6);

        // the table: the volume's numbers beside the slice's, in mm
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> slices.numbersProperty().get() != null
                && slices.numbersProperty().get().volume() != null && slices.numbersProperty().get().slice() != null
                && slices.numbersProperty().get().pairs() != null);
        VolumeSlices.Numbers n = slices.numbersProperty().get();
        var expectedVolume = slices.openedProperty().get().pair().volumeNumbers(1, slices.toleranceProperty().get());
        var expectedSlice = slices.openedProperty().get().pair().sliceNumbers(SliceAxis.SAGITTAL, 6, 1, slices.toleranceProperty().get());
        assertEquals(expectedVolume.hd95(), n.volume().hd95(), 0);
        assertEquals(expectedSlice.hd95(), n.slice().hd95(), 0);
        assertEquals(String.format(Locale.ROOT, "%.2f mm", expectedVolume.hd95()), ws.volumeBar().cellText(1, 0));
        assertEquals(String.format(Locale.ROOT, "%.2f mm", expectedSlice.hd95()), ws.volumeBar().cellText(1, 1));

        // go to where HD is realised: its slice, and the line on it
        HausdorffPair.Realised pairs = slices.openedProperty().get().pair().hausdorffPairs(1);
        HausdorffPair pair = pairs.hd();
        robot.clickOn("#volume-go-to-hd");
        settle();
        assertEquals(pair.from()[SliceAxis.SAGITTAL.fixedAxis()], slices.indexProperty().get());
        assertArrayEquals(new int[] {pair.from()[0], pair.from()[1], pair.to()[0], pair.to()[1]}, ws.canvas().marks().get(0),
                "the line from the farthest voxel to its nearest, in the slice's (z, y) pixels");
        assertTrue(ws.messageProperty().get().startsWith(String.format(Locale.ROOT, "HD %.2f mm", pair.distance())));
        robot.press(KeyCode.SHIFT).type(KeyCode.G).release(KeyCode.SHIFT);
        settle();
        HausdorffPair at95 = pairs.hd95();
        assertEquals(at95.from()[SliceAxis.SAGITTAL.fixedAxis()], slices.indexProperty().get(), "Shift+G: HD95's slice");
        assertArrayEquals(new int[] {at95.from()[0], at95.from()[1], at95.to()[0], at95.to()[1]}, ws.canvas().marks().get(0));
        assertTrue(at95.distance() >= n.volume().hd95(), "reached at or just above HD95");
    }

    @Test
    void paintingASliceEditsTheVolumeAndUndoGoesBackToIt(FxRobot robot) throws Exception {
        int[] truth = TRUTH;
        Path labels = nifti(dir.resolve("gt.nii"), truth, new int[] {D, H, W}, new double[] {0.8, 0.8, 5});
        Path prediction = nifti(dir.resolve("pred.nii"), PREDICTED, new int[] {D, H, W}, new double[] {0.8, 0.8, 5});
        robot.interact(() -> {
            ws.openVolumeCase(labels, prediction);
            ws.volume().axisProperty().set(SliceAxis.CORONAL);
            ws.controller().editTargetProperty().set(true);
            ws.controller().toolProperty().set(Tool.RECTANGLE);
        });
        settle();
        VolumeSlices slices = ws.volume();
        var volume = slices.openedProperty().get().pair().labels();
        int index = slices.indexProperty().get();
        // a rectangle of ground truth over rows (z) 0-1 and columns (x) 15-18 of the coronal slice
        robot.interact(() -> {
            ws.controller().press(0, 15, false);
            ws.controller().release(2, 19);
        });
        settle();
        int changed = 0;
        for (int i = 0; i < truth.length; i++) {
            int z = i / (H * W);
            int y = i / W % H;
            int x = i % W;
            boolean painted = y == index && z < 2 && x >= 15 && x < 19;
            assertEquals(painted ? 1 : truth[i], volume.label(i), "voxel (" + z + ", " + y + ", " + x + ")");
            changed += painted && truth[i] != 1 ? 1 : 0;
        }
        assertEquals(8, changed, "the 2 x 4 painted voxels, on this slice only");
        robot.interact(() -> slices.axisProperty().set(SliceAxis.AXIAL));
        settle();
        robot.interact(ws::undo);
        settle();
        assertEquals(SliceAxis.CORONAL, slices.axisProperty().get(), "undo goes back to the slice of the stroke");
        assertEquals(index, slices.indexProperty().get());
        for (int i = 0; i < truth.length; i++) {
            assertEquals(truth[i], volume.label(i), "undone: voxel " + i);
        }
        robot.interact(ws::redo);
        settle();
        assertEquals(1, volume.label((0 * H + index) * W + 15), "redone");

        // the workspace's state keeps the case: a preset replaces it, the state gives it back
        Object[] state = new Object[1];
        robot.interact(() -> state[0] = ws.saveState());
        robot.interact(() -> ws.loadPreset(Presets.get("three-class"), 64));
        settle();
        assertNull(slices.openedProperty().get(), "another scene ends the case");
        assertFalse(ws.volumeBar().bar().isVisible());
        robot.interact(() -> ws.restoreState(state[0]));
        settle();
        assertNotNull(slices.openedProperty().get());
        assertEquals(SliceAxis.CORONAL, slices.axisProperty().get());
        assertEquals(index, slices.indexProperty().get());
        assertTrue(ws.volumeBar().bar().isVisible());

        Path flat = nifti(dir.resolve("other.nii"), new int[D * H * (W - 1)], new int[] {D, H, W - 1}, new double[] {1, 1, 1});
        RuntimeException refused = assertThrows(RuntimeException.class, () -> ws.openVolumeCase(labels, flat));
        assertTrue(refused.getMessage().contains("8 x 24 x 20") && refused.getMessage().contains("8 x 24 x 19"),
                refused.getMessage());
    }
}
