package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.losslab.app.render.ColorMaps;
import org.losslab.app.seg.SegmentationWorkspace;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.maps.MapKind;
import org.losslab.scene.Presets;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A picture is a claim: on every map of every preset, each canvas pixel off the outlines has exactly
 * the colour the colour bar gives for its value, the outlines are drawn, and the gradient maps follow
 * the parameters the user set.
 */
@ExtendWith(ApplicationExtension.class)
class MapFidelityUiTest {
    private MainWindow window;
    private SegmentationWorkspace ws;

    @Start
    void start(Stage stage) {
        window = new MainWindow();
        ws = window.segmentation();
        stage.setScene(new Scene(window, 1280, 800));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        window.close();
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ws.shownRevisionProperty().get() == ws.document().revisionProperty().get()
                && ws.lastFrame() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void everyPixelOffTheOutlinesHasItsColourBarsColour(FxRobot robot) throws Exception {
        List<String> wrong = new ArrayList<>();
        int checkedMaps = 0;
        for (Presets.Preset preset : Presets.all()) {
            robot.interact(() -> ws.loadPreset(preset, 40));
            for (MapKind kind : MapKind.values()) {
                robot.interact(() -> ws.layerChoice().setValue(kind));
                settle();
                var frame = ws.lastFrame();
                if (frame.heatmap().kind() != kind) {
                    continue; // this map does not apply to the preset's mode: the table says why
                }
                checkedMaps++;
                String wrongPixel = firstWrongPixel(preset.key() + "/" + kind.key());
                if (wrongPixel != null) {
                    wrong.add(wrongPixel);
                }
                int outline = outlinePixels();
                boolean foreground = java.util.Arrays.stream(ws.document().data().target())
                        .anyMatch(t -> t > 0 && t != org.losslab.engine.seg.SegParams.IGNORED_LABEL);
                assertTrue(!foreground || outline > 0, preset.key() + "/" + kind.key() + ": the outlines are drawn");
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(checkedMaps > 100, "maps checked: " + checkedMaps);
    }

    /** The first canvas pixel off the outlines whose colour is not its colour bar's, described; null if none. */
    private String firstWrongPixel(String where) {
        var frame = ws.lastFrame();
        MapKind kind = frame.heatmap().kind();
        int[] shown = ws.canvas().composedPixels();
        float[] values = frame.mapValues();
        int[] table = ColorMaps.table(kind);
        for (int i = 0; i < shown.length; i++) {
            if (ws.canvas().onOutline(i)) {
                continue;
            }
            // a flat map's bar is one swatch of its one colour, with its one value written out
            int expected = kind.scale() == MapKind.Scale.CATEGORIES ? table[(int) values[i]]
                    : frame.heatmap().flat() ? frame.heatmap().argb()[0]
                    : ColorMaps.lookup(table, values[i], frame.heatmap().low(), frame.heatmap().high());
            if (shown[i] != expected) {
                return where + " pixel " + i + ": " + Integer.toHexString(shown[i]) + " for " + values[i]
                        + ", the bar gives " + Integer.toHexString(expected);
            }
        }
        return null;
    }

    private int outlinePixels() {
        int n = 0;
        for (int i = 0; i < ws.canvas().composedPixels().length; i++) {
            n += ws.canvas().onOutline(i) ? 1 : 0;
        }
        return n;
    }

    @Test
    void theCividisPaletteColoursTheCanvasAndTheBarAlike(FxRobot robot) throws Exception {
        robot.interact(() -> {
            ws.loadPreset(Presets.get("over-segmentation"), 40);
            ws.layerChoice().setValue(MapKind.CROSS_ENTROPY);
            ws.paletteProperty().set(ColorMaps.Palette.CIVIDIS);
        });
        settle();
        try {
            assertEquals(null, firstWrongPixel("cividis"));
            int[] shown = ws.canvas().composedPixels();
            assertTrue(java.util.Arrays.stream(ColorMaps.CIVIDIS).anyMatch(c -> c == shown[0]), "a cividis colour");
        } finally {
            robot.interact(() -> ws.paletteProperty().set(ColorMaps.Palette.VIRIDIS));
        }
    }

    @Test
    void theGradientMapFollowsEveryParameterTheUserSets(FxRobot robot) throws Exception {
        robot.interact(() -> ws.loadPreset(Presets.get("three-class"), 40));
        Object[][] edits = {
            {MapKind.GRAD_DICE, "dice", "log_loss", true},
            {MapKind.GRAD_DICE, "dice", "smooth", 5.0},
            {MapKind.GRAD_TVERSKY, "tversky", "alpha", 0.9},
            {MapKind.GRAD_TVERSKY, "tversky", "beta", 0.1},
            {MapKind.GRAD_TVERSKY, "tversky", "gamma", 2.0},
            {MapKind.GRAD_JACCARD, "jaccard", "class_weights", List.of(1.0, 5.0, 0.5)},
        };
        for (Object[] edit : edits) {
            MapKind kind = (MapKind) edit[0];
            String loss = (String) edit[1];
            robot.interact(() -> ws.layerChoice().setValue(kind));
            settle();
            float[] before = ws.lastFrame().mapValues().clone();
            var doc = ws.document();
            robot.interact(() -> doc.setParams(loss, doc.params(loss).with(loss, LossRegistry.get(loss).params(),
                    (String) edit[2], edit[3])));
            settle();
            float[] after = ws.lastFrame().mapValues();
            assertNotEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(after),
                    kind.key() + " follows " + loss + "." + edit[2]);
            robot.interact(() -> doc.setParams(loss, LossRegistry.get(loss).defaults()));
        }
    }
}
