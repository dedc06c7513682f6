package org.losslab.app.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.dataset.DatasetAudit;
import org.losslab.engine.paint.MapOperations;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.engine.volume.VolumeEvaluation;
import org.losslab.engine.volume.VolumePair;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A volume case of 0.8 x 0.8 x 5 mm voxels in the loss table: HD95 on the volume (mm, 3-D) beside HD95 on the shown
 * slice, equal to the engine's and to the volume panel's, following a parameter the user sets; a 2-D-only entry says so.
 */
class VolumeTableColumnUiTest extends VolumeWindow {
    private static final int D = 6;
    private static final int H = 16;
    private static final int W = 14;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    /** A block from z0 on, rows y0 .. y0 + 5, columns 3 .. 10. */
    private static int[] block(int z0, int y0) {
        int[] labels = new int[D * H * W];
        for (int z = z0; z < D - 1; z++) {
            for (int y = y0; y < y0 + 6; y++) {
                for (int x = 3; x < 11; x++) {
                    labels[(z * H + y) * W + x] = 1;
                }
            }
        }
        return labels;
    }

    @SuppressWarnings("unchecked")
    private static LossSpec<SegmentationData> spec(String name) {
        return (LossSpec<SegmentationData>) LossRegistry.get(name);
    }

    /** Waits until the column shows a value (not "being computed") for the entry, and returns it. */
    private String volumeText(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !ws.volumeColumn().text(name).equals(VolumeTableColumn.COMPUTING));
        WaitForAsyncUtils.waitForFxEvents();
        return ws.volumeColumn().text(name);
    }

    @Test
    void theVolumeColumnShowsTheEnginesHd95InMmBesideTheSlicesValue(FxRobot robot) throws Exception {
        double[] xyzMm = {0.8, 0.8, 5};
        Path labels = VolumeSlicesUiTest.nifti(dir.resolve("gt.nii"), block(0, 4), new int[] {D, H, W}, xyzMm);
        Path prediction = VolumeSlicesUiTest.nifti(dir.resolve("pred.nii"), block(2, 5), new int[] {D, H, W}, xyzMm);
        assertFalse(ws.volumeColumn().column().isVisible(), "no volume column before a case is open");
        LossSpec<SegmentationData> hd = spec("hausdorff_distance");
        Params hd95 = hd.bind(Map.of("percentile", 95.0));
        robot.interact(() -> {
            ws.openVolumeCase(labels, prediction);
            ws.document().setParams("hausdorff_distance", hd95); // the user's parameter applies to both columns
        });
        String shown = volumeText("hausdorff_distance");
        VolumePair pair = ws.volume().openedProperty().get().pair();
        double engine = VolumeEvaluation.of(pair).value(hd, hd95).value();
        assertEquals(String.format(Locale.ROOT, "%.3f mm", engine), shown);
        assertEquals(engine, ws.volumeColumn().value("hausdorff_distance"), 0.0, "the value behind the cell, to the bit");
        assertEquals(pair.volumeNumbers(1, DatasetAudit.DEFAULT_TOLERANCE_MM).hd95(), engine, 1e-12,
                "the volume panel's HD95 (class 1 of a binary case)");
        assertTrue(ws.volumeColumn().column().isVisible());
        assertEquals("This slice", ws.volumeColumn().column().getTableView().getColumns().get(1).getText());

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> ws.tableRevisionProperty().get() == ws.document().revisionProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        double slice = ws.rows().stream().filter(r -> r.name().equals("hausdorff_distance")).findFirst().orElseThrow()
                .valueProperty().get();
        assertFalse(Double.isNaN(slice), "the slice's HD95");
        assertEquals(hd.evaluate(ws.document().data(), hd95, false).value(), slice, 1e-12);
        assertNotEquals(engine, slice, 1e-6, "the volume's HD95 (mm, across 5 mm slices) is not the slice's");

        // a 2-D-only entry says so, with its reason
        assertEquals("2-D only", volumeText("cldice_score"));
        assertEquals(VolumeEvaluation.PLANAR_ONLY, ws.volumeColumn().reason("cldice_score"));

        // another parameter: the column follows it, never showing the old value as the new one's
        Params maximum = hd.bind(Map.of());
        robot.interact(() -> ws.document().setParams("hausdorff_distance", maximum));
        assertEquals(String.format(Locale.ROOT, "%.3f mm", pair.volumeNumbers(1, 2).hd()), volumeText("hausdorff_distance"));

        // an edit of the shown slice changes the volume: the column is computed again, on the edited volume
        double before = ws.volumeColumn().value("dice");
        robot.interact(() -> ws.document().setPrediction("Copy target to prediction",
                MapOperations.fromTarget(ws.document().data())));
        volumeText("dice");
        double after = VolumeEvaluation.of(pair).value(spec("dice"), null).value();
        assertNotEquals(before, after, 1e-9, "the edit changed the volume's Dice");
        assertEquals(after, ws.volumeColumn().value("dice"), 0.0, "the column shows the edited volume's Dice");
    }
}
