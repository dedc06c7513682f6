package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.app.seg.LossRow;
import org.losslab.app.seg.SegmentationWorkspace;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.scene.Presets;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real main window headless: paint, undo, presets, parameters, files. */
@ExtendWith(ApplicationExtension.class)
class SegmentationWorkspaceUiTest {
    private MainWindow window;
    private SegmentationWorkspace ws;

    @Start
    void start(Stage stage) {
        window = WindowOnStage.show(stage);
        ws = window.segmentation();
        ws.canvas().fit();
    }

    @AfterEach
    void tearDown() {
        window.close();
    }

    private void waitForFrames() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () ->
                ws.shownRevisionProperty().get() == ws.document().revisionProperty().get()
                        && ws.tableRevisionProperty().get() == ws.document().revisionProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Point2D screenPoint(FxRobot robot, double imageY, double imageX) {
        Point2D local = ws.canvas().toCanvas(imageX, imageY);
        return ws.canvas().localToScreen(local);
    }

    private void stroke(FxRobot robot, double y0, double x0, double y1, double x1) {
        robot.moveTo(screenPoint(robot, y0, x0));
        robot.press(MouseButton.PRIMARY);
        for (int k = 1; k <= 8; k++) {
            robot.moveTo(screenPoint(robot, y0 + (y1 - y0) * k / 8, x0 + (x1 - x0) * k / 8));
        }
        robot.release(MouseButton.PRIMARY);
    }

    private double value(String loss) {
        LossRow row = ws.row(loss);
        return row.valueProperty().get();
    }

    @Test
    void paintingAStrokeChangesTheDiceValueAndTheHeatmap(FxRobot robot) throws Exception {
        waitForFrames();
        double diceBefore = value("dice");
        int[] heatBefore = ws.lastFrame().heatmap().argb().clone();
        // paint prediction where the target disc is not predicted (its left part)
        stroke(robot, 128, 80, 128, 130);
        waitForFrames();
        assertNotEquals(diceBefore, value("dice"), "Dice reacts to the stroke");
        assertTrue(value("dice") < diceBefore, "predicting missed target pixels lowers the Dice loss");
        assertFalse(java.util.Arrays.equals(heatBefore, ws.lastFrame().heatmap().argb()), "the heatmap changed");
    }

    @Test
    void undoRestoresTheExactPreviousStateAndRedoTheStroke(FxRobot robot) throws Exception {
        waitForFrames();
        SegmentationData d = ws.document().data();
        double[] before = d.prediction().clone();
        stroke(robot, 60, 60, 90, 200);
        waitForFrames();
        double[] after = d.prediction().clone();
        assertFalse(java.util.Arrays.equals(before, after));
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitForFrames();
        assertArrayEquals(before, ws.document().data().prediction(), 0.0);
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        waitForFrames();
        assertArrayEquals(after, ws.document().data().prediction(), 0.0);
    }

    @Test
    void paintingTheTargetWithTheEraserKeyAndBrushSizeKeys(FxRobot robot) throws Exception {
        waitForFrames();
        robot.type(KeyCode.T);
        double radius = ws.canvas().brushRadiusProperty().get();
        robot.type(KeyCode.CLOSE_BRACKET);
        assertTrue(ws.canvas().brushRadiusProperty().get() > radius, "] enlarges the brush");
        int[] before = ws.document().data().target().clone();
        stroke(robot, 40, 40, 40, 60);
        waitForFrames();
        int changed = 0;
        for (int i = 0; i < before.length; i++) {
            changed += before[i] != ws.document().data().target()[i] ? 1 : 0;
        }
        assertTrue(changed > 50, "the target brush painted foreground: " + changed);
    }

    @Test
    void hoveringReadsEveryMapUnderTheCursor(FxRobot robot) throws Exception {
        waitForFrames();
        robot.moveTo(screenPoint(robot, 128.5, 100.5));
        WaitForAsyncUtils.waitForFxEvents();
        String text = ws.cursorTextProperty().get();
        assertTrue(text.startsWith("x 100  y 128"), text);
        SegmentationData d = ws.document().data();
        int i = 128 * d.width() + 100;
        double ce = org.losslab.engine.maps.PixelMaps.compute(org.losslab.engine.maps.MapKind.CROSS_ENTROPY, d,
                org.losslab.engine.maps.MapSettings.defaults()).values()[i];
        double grad = org.losslab.engine.maps.PixelMaps.compute(org.losslab.engine.maps.MapKind.GRAD_DICE, d,
                org.losslab.engine.maps.MapSettings.defaults()).values()[i];
        assertTrue(text.contains("ce " + org.losslab.app.render.ColorBar.format(ce)), text + " / " + ce);
        assertTrue(text.contains("dDice/dz " + org.losslab.app.render.ColorBar.format(grad)), text + " / " + grad);
        assertTrue(text.contains("focal") && text.contains("dTversky/dz"), text);
    }

    @Test
    void theSplitViewShowsASecondMapBesideTheFirst(FxRobot robot) throws Exception {
        waitForFrames();
        robot.interact(() -> {
            ws.layerChoice().setValue(org.losslab.engine.maps.MapKind.CROSS_ENTROPY);
            ws.compareChoice().setValue(org.losslab.engine.maps.MapKind.GRAD_DICE);
        });
        waitForFrames();
        // a map choice is no document edit: wait for the frame that holds the second map, then for the layout
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ws.lastFrame() != null && ws.lastFrame().compared() != null
                && ws.lastFrame().compared().kind() == org.losslab.engine.maps.MapKind.GRAD_DICE);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(ws.compareCanvas().isVisible() && ws.compareCanvas().getScene() != null, "the second canvas is shown");
        assertEquals(org.losslab.engine.maps.MapKind.GRAD_DICE, ws.lastFrame().compared().kind());
        assertFalse(java.util.Arrays.equals(ws.lastFrame().heatmap().argb(), ws.lastFrame().compared().argb()));
        // the cursor in the second pane reads both maps at that pixel
        Point2D inRightPane = ws.compareCanvas().localToScreen(ws.compareCanvas().toCanvas(60.5, 70.5));
        robot.moveTo(inRightPane);
        WaitForAsyncUtils.waitForFxEvents();
        // the pixel under the pointer as the read-out names it (a pointer on a pixel's edge may land on its neighbour)
        String text = ws.cursorTextProperty().get();
        java.util.regex.Matcher at = java.util.regex.Pattern.compile("^x (\\d+)  y (\\d+)").matcher(text);
        assertTrue(at.find(), text);
        int px = Integer.parseInt(at.group(1));
        int py = Integer.parseInt(at.group(2));
        assertTrue(Math.abs(px - 60) <= 1 && Math.abs(py - 70) <= 1, text);
        int i = py * ws.document().data().width() + px;
        assertTrue(text.contains("grad-dice " + org.losslab.app.render.ColorBar.format(ws.lastFrame().comparedValues()[i])), text);
        assertTrue(text.contains("ce " + org.losslab.app.render.ColorBar.format(ws.lastFrame().mapValues()[i])), text);
        assertEquals(ws.canvas().zoomProperty().get(), ws.compareCanvas().zoomProperty().get(), 1e-12, "both panes share the zoom");
        robot.interact(() -> ws.compareChoice().setValue(null));
        waitForFrames();
        assertTrue(ws.compareCanvas().getParent() == null, "back to one map");
    }

    @Test
    void aPresetLoadsFromTheChooser(FxRobot robot) throws Exception {
        waitForFrames();
        ComboBox<Presets.Preset> presets = robot.lookup("#preset-choice").queryComboBox();
        robot.interact(() -> presets.getSelectionModel().select(Presets.get("three-class")));
        waitForFrames();
        assertEquals(SegMode.MULTICLASS, ws.document().data().mode());
        assertEquals(3, ws.document().data().channels());
        assertTrue(Double.isFinite(value("ce")), "cross-entropy applies to the multiclass preset");
    }

    @Test
    void editingAParameterChangesTheTable(FxRobot robot) throws Exception {
        waitForFrames();
        double before = value("tversky");
        TableView<LossRow> table = robot.lookup("#loss-table").queryTableView();
        robot.interact(() -> table.getSelectionModel().select(ws.row("tversky")));
        WaitForAsyncUtils.waitForFxEvents();
        TextField alpha = robot.from(ws).lookup("#param-alpha").query();
        // the editor may sit below the fold of a small screen: type into it as the user would, then Enter
        robot.interact(() -> {
            alpha.requestFocus();
            alpha.setText("0.9");
            alpha.fireEvent(new javafx.event.ActionEvent());
        });
        waitForFrames();
        assertEquals(0.9, ws.document().params("tversky").number("alpha"), 0.0);
        assertNotEquals(before, value("tversky"));
    }

    @Test
    void aSavedSceneReopensAsItWas(FxRobot robot, @TempDir Path dir) throws Exception {
        waitForFrames();
        stroke(robot, 100, 100, 150, 150);
        waitForFrames();
        double[] saved = ws.document().data().prediction().clone();
        Path file = dir.resolve("scene.json");
        java.util.concurrent.atomic.AtomicBoolean written = new java.util.concurrent.atomic.AtomicBoolean();
        robot.interact(() -> written.set(window.saveTo(file)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(written.get(), "the save reports success");
        assertFalse(ws.document().dirtyProperty().get(), "a saved scene is not dirty");
        // what is on disk is the painted prediction, read back independently of the app
        var onDisk = org.losslab.scene.SceneFiles.read(file).block(org.losslab.engine.Domains.SEGMENTATION).orElseThrow();
        assertArrayEquals(saved, onDisk.prediction(), 0.0);
        stroke(robot, 30, 30, 30, 200);
        waitForFrames();
        robot.interact(() -> window.open(file));
        waitForFrames();
        assertArrayEquals(saved, ws.document().data().prediction(), 0.0);
        assertFalse(ws.document().dirtyProperty().get());
    }

    @Test
    void aCorruptFileShowsAnErrorAndKeepsTheScene(FxRobot robot, @TempDir Path dir) throws Exception {
        waitForFrames();
        double[] before = ws.document().data().prediction().clone();
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\":\"losslab-scene\",\"version\":1,\"segmentation\":{\"mode\":\"binary\"");
        robot.interact(() -> window.open(bad));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".dialog-pane").tryQuery().isPresent(), "an error dialog is shown");
        assertTrue(robot.lookup(".dialog-pane .content").queryAs(javafx.scene.control.Label.class).getText()
                .contains("not valid JSON"));
        assertArrayEquals(before, ws.document().data().prediction(), 0.0);
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void theGradientShareLineFollowsTheSelectedLoss(FxRobot robot) throws Exception {
        robot.interact(() -> ws.loadPreset(Presets.get("extreme-imbalance"), 128));
        robot.interact(() -> ws.selectLoss("bce"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ws.gradientShareText().contains("|dbce/dz|"));
        String bce = ws.gradientShareText();
        robot.interact(() -> ws.selectLoss("dice"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ws.gradientShareText().contains("|ddice/dz|"));
        // the counts line: hard TP + FN is the number of object pixels
        java.util.regex.Matcher counts = java.util.regex.Pattern.compile("hard \\(p >= 0.50\\) TP (\\d+) FP (\\d+) FN (\\d+)")
                .matcher(ws.gradientShareText());
        assertTrue(counts.find(), ws.gradientShareText());
        long objects = java.util.Arrays.stream(ws.document().data().target()).filter(t -> t == 1).count();
        assertEquals(objects, Long.parseLong(counts.group(1)) + Long.parseLong(counts.group(3)));
        assertTrue(ws.gradientShareText().startsWith("soft TP "));
        // under 1:1000 imbalance BCE spends most of its gradient on the true background, Dice far less
        assertTrue(percent(bce, "TN") > percent(ws.gradientShareText(), "TN"), bce + " / " + ws.gradientShareText());
    }

    @Test
    void theHardCountsFollowTheSelectedMetricsThreshold(FxRobot robot) throws Exception {
        robot.interact(() -> ws.loadPreset(Presets.get("uncertain"), 64));
        robot.interact(() -> {
            var doc = ws.document();
            doc.setParams("f1_score", doc.params("f1_score").with("f1_score",
                    org.losslab.engine.LossRegistry.get("f1_score").params(), "threshold", 0.3));
            ws.selectLoss("f1_score");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ws.gradientShareText().contains("p >= 0.30"));
        // counted by hand: a pixel is predicted where sigmoid(z) >= 0.3
        var d = ws.document().data();
        long tp = 0;
        long fp = 0;
        for (int i = 0; i < d.pixels(); i++) {
            boolean predicted = 1 / (1 + Math.exp(-d.prediction()[i])) >= 0.3;
            tp += predicted && d.target()[i] == 1 ? 1 : 0;
            fp += predicted && d.target()[i] == 0 ? 1 : 0;
        }
        assertTrue(ws.gradientShareText().contains("TP " + tp + " FP " + fp + " "), tp + " " + fp + ": " + ws.gradientShareText());
    }

    @Test
    void withTheBoundaryDistanceMapALineShowsWhereHdIsRealised(FxRobot robot) throws Exception {
        robot.interact(() -> ws.loadPreset(Presets.get("stray-blob"), 128));
        robot.interact(() -> ws.layerChoice().setValue(org.losslab.engine.maps.MapKind.EDGE_DISTANCE));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !ws.shownSegments().isEmpty());
        @SuppressWarnings("unchecked")
        var hd = (org.losslab.engine.LossSpec<SegmentationData>) org.losslab.engine.LossRegistry.get("hausdorff_distance");
        double expected = hd.evaluate(ws.document().data(), hd.defaults(), false).value();
        double longest = 0;
        for (int[] seg : ws.shownSegments()) {
            longest = Math.max(longest, Math.hypot(seg[0] - seg[2], seg[1] - seg[3]));
        }
        assertEquals(expected, longest, 1e-9, "the longest segment is the Hausdorff distance");
        robot.interact(() -> ws.layerChoice().setValue(org.losslab.engine.maps.MapKind.GRAD_DICE));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ws.shownSegments().isEmpty());
    }

    private static double percent(String line, String bucket) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(bucket + " (\\d+)%").matcher(line);
        assertTrue(m.find(), line);
        return Double.parseDouble(m.group(1));
    }
}
