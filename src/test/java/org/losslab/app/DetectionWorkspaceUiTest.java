package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.losslab.app.detect.BoxDocument;
import org.losslab.app.detect.DetBox;
import org.losslab.engine.box.Box;
import org.losslab.engine.box.IouFamilyLoss;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The detection tab of the real window: draw, move, undo, landscape, race, SSD threshold. */
class DetectionWorkspaceUiTest extends DetectionWindowFixture {
    @Start
    void start(Stage stage) {
        open(stage);
    }


    /** A point inside prediction i that no box drawn above it covers (the canvas picks the topmost). */
    private double[] pointOnlyIn(int i) {
        var predictions = ws.document().predictions();
        DetBox b = predictions.get(i);
        for (double y = b.y1() + 2; y < b.y2() - 2; y += 2) {
            for (double x = b.x1() + 2; x < b.x2() - 2; x += 2) {
                boolean covered = false;
                for (int j = i + 1; j < predictions.size(); j++) {
                    covered |= predictions.get(j).contains(x, y);
                }
                if (!covered) {
                    return new double[] {x, y};
                }
            }
        }
        throw new AssertionError("prediction " + i + " is covered");
    }

    /** The pair table's rows once it shows the newest boxes (it is computed off the JavaFX thread). */
    private java.util.List<Map<String, Double>> rows() {
        waitForPairs();
        return ws.boxes().table().getItems();
    }

    private String maskNumbers() {
        waitForPairs();
        return ws.boxes().maskNumbers().getText();
    }

    private void waitForPairs() {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ws.boxes().pairsCurrent());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the pair table did not catch up with the boxes", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void drag(FxRobot robot, double x0, double y0, double x1, double y1) {
        robot.moveTo(screen(x0, y0)).press(MouseButton.PRIMARY);
        for (int k = 1; k <= 6; k++) {
            robot.moveTo(screen(x0 + (x1 - x0) * k / 6, y0 + (y1 - y0) * k / 6));
        }
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void drawingANewPredictedBoxShowsItsIou(FxRobot robot) {
        BoxDocument doc = ws.document();
        int before = doc.predictions().size();
        drag(robot, 60, 20, 150, 120);
        assertEquals(before + 1, doc.predictions().size());
        DetBox drawn = doc.predictions().get(before);
        assertTrue(drawn.width() > 80 && drawn.height() > 90, "drawn " + drawn);
        Map<String, Double> row = rows().get(before);
        double expected = Box.iou(drawn.corners(), 0, doc.truths().get(doc.pairing()[before]).corners(), 0);
        assertEquals(expected, row.get("IoU"), 1e-12);
        assertTrue(row.get("IoU") > 0.1, "the drawn box overlaps the target");
    }

    @Test
    void movingABoxChangesItsValuesAndUndoPutsItBack(FxRobot robot) {
        BoxDocument doc = ws.document();
        DetBox start = doc.predictions().get(0);
        double iouBefore = rows().get(0).get("giou");
        double[] p = pointOnlyIn(0);
        drag(robot, p[0], p[1], p[0] + 25, p[1] - 30);
        DetBox moved = doc.predictions().get(0);
        assertEquals(start.width(), moved.width(), 1e-9);
        assertNotEquals(start.x1(), moved.x1());
        assertNotEquals(iouBefore, rows().get(0).get("giou"));
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(start, doc.predictions().get(0));
        assertEquals(iouBefore, rows().get(0).get("giou"), 0.0);
    }

    @Test
    void ctrlClickOnATruthPairsTheSelectedPrediction(FxRobot robot) {
        BoxDocument doc = ws.document();
        robot.interact(() -> doc.add(true, new DetBox(225, 225, 250, 250, 1, 1)));
        int added = doc.truths().size() - 1;
        assertEquals(0, doc.pairing()[0], "by IoU the prediction pairs with the first truth");
        double[] p = pointOnlyIn(0);
        robot.clickOn(screen(p[0], p[1]));
        robot.press(KeyCode.CONTROL).clickOn(screen(237, 237)).release(KeyCode.CONTROL);
        assertEquals(added, doc.pairing()[0], "the user's choice wins");
        assertEquals(1.0, rows().get(0).get("iou"), 1e-12, "no overlap with the chosen truth");
    }

    @Test
    void arrowKeysNudgeTheSelectedBox(FxRobot robot) {
        DetBox start = ws.document().predictions().get(0);
        double[] p = pointOnlyIn(0);
        robot.clickOn(screen(p[0], p[1]));
        robot.type(KeyCode.RIGHT);
        robot.press(KeyCode.SHIFT).type(KeyCode.DOWN).release(KeyCode.SHIFT);
        DetBox now = ws.document().predictions().get(0);
        assertEquals(start.x1() + 1, now.x1(), 1e-9);
        assertEquals(start.y1() + 10, now.y1(), 1e-9);
    }

    @Test
    void theSelectedPairAsMasksGivesOneMinusIouUntilTheBoxesPartThenGoesBlind(FxRobot robot) {
        double[] p = pointOnlyIn(0);
        robot.clickOn(screen(p[0], p[1]));
        WaitForAsyncUtils.waitForFxEvents();
        var pair = ws.document().pair(0);
        String overlapping = maskNumbers();
        double jaccard = number(overlapping, "jaccard ");
        assertEquals(org.losslab.engine.sweep.BoxMasks.maskLosses(org.losslab.engine.sweep.BoxMasks.rasterise(
                pair.predicted(), pair.target(), 0)).get("jaccard"), jaccard, 5e-5);
        double side = Math.min(ws.document().predictions().get(0).width(), ws.document().predictions().get(0).height());
        assertEquals(1 - Box.iou(pair.predicted(), 0, pair.target(), 0), jaccard, 4 / side, "up to the pixel grid");
        assertTrue(overlapping.contains("Overlapping"), overlapping);
        // Shift+Left moves the box 10 pixels at a time until it has left its target
        for (int k = 0; k < 40 && Box.iou(ws.document().pair(0).predicted(), 0, ws.document().pair(0).target(), 0) > 0; k++) {
            robot.press(KeyCode.SHIFT).type(KeyCode.LEFT).release(KeyCode.SHIFT);
        }
        robot.press(KeyCode.SHIFT).type(KeyCode.LEFT).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        String apart = maskNumbers();
        assertEquals(1.0, number(apart, "jaccard "), 0.0, apart);
        assertEquals(1.0, number(apart, "dice "), 0.0, apart);
        assertTrue(apart.contains("Apart"), apart);
        assertTrue(number(apart, "giou ") > 1.0, "GIoU still measures the gap: " + apart);
        // the DFL view follows the selected pair: its four sides are the engine's for this pair
        var d = ws.boxes().distributionsShown();
        var now = org.losslab.engine.sweep.BoxDistributions.of(ws.document().pair(0).predicted(),
                ws.document().pair(0).target(), 8, 1.0, org.losslab.engine.LossRegistry.get("dfl").defaults());
        assertEquals(now.dfl()[0], d.dfl()[0], 1e-12);
        assertEquals(now.target()[2], d.target()[2], 1e-12);
        double left = now.target()[0];
        int bin = (int) Math.floor(left);
        assertTrue(ws.boxes().distributionNotes().contains(String.format(java.util.Locale.ROOT, "left %.2f = %.2f x bin %d + %.2f x bin %d",
                left, bin + 1 - left, bin, left - bin, bin + 1)), ws.boxes().distributionNotes());
        // the size slider shrinks the pair: its read-out is the engine's IoU loss and NWD at that size
        robot.interact(() -> ws.boxes().shrinkSize().setValue(6));
        javafx.scene.control.Label readout = robot.lookup("#shrink-readout").query();
        var at6 = org.losslab.engine.sweep.DetectionSweeps.shrinkingPair(ws.document().pair(0), new double[] {6},
                java.util.Map.of());
        assertTrue(readout.getText().contains(String.format(java.util.Locale.ROOT, "iou loss %.4f, nwd loss %.4f",
                at6.column("iou")[0], at6.column("nwd")[0])), readout.getText());
    }

    private static double number(String text, String label) {
        int at = text.indexOf(label);
        assertTrue(at >= 0, label + " in " + text);
        String rest = text.substring(at + label.length()).trim();
        return Double.parseDouble(rest.split("\\s+")[0]);
    }

    @Test
    void switchingTheLandscapeLossRecomputesIt(FxRobot robot) throws Exception {
        robot.interact(() -> ws.boxes().landscapeChoice().setValue("iou"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ws.boxes().landscapeCurrent());
        var canvas = ws.boxes().canvas();
        var iou = canvas.shownLandscape();
        assertEquals("iou", canvas.shownLandscapeLoss());
        robot.interact(() -> ws.boxes().landscapeChoice().setValue("diou"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ws.boxes().landscapeCurrent());
        var diou = canvas.shownLandscape();
        assertEquals("diou", canvas.shownLandscapeLoss());
        assertNotSame(iou, diou, "a new landscape is shown");
        // each cell is the registry's loss for the selected prediction moved to that centre
        var pair = ws.document().pair(canvas.selectedProperty().get());
        double w = pair.predicted()[2] - pair.predicted()[0];
        double h = pair.predicted()[3] - pair.predicted()[1];
        @SuppressWarnings("unchecked")
        var diouSpec = (org.losslab.engine.LossSpec<org.losslab.engine.box.BoxPairs>) org.losslab.engine.LossRegistry.get("diou");
        int differing = 0;
        for (int k = 0; k < diou.values().length; k += 97) {
            double cx = diou.xs()[k % diou.xs().length];
            double cy = diou.ys()[k / diou.xs().length];
            var moved = new org.losslab.engine.box.BoxPairs(new double[] {cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2},
                    pair.target().clone());
            assertEquals(diouSpec.evaluate(moved, diouSpec.defaults(), false).value(), diou.values()[k], 1e-9, "cell " + k);
            differing += diou.values()[k] != iou.values()[k] ? 1 : 0;
        }
        assertTrue(differing > 0, "DIoU's landscape differs from IoU's");
    }

    @Test
    void steppingTheRaceAdvancesEveryBox(FxRobot robot) throws Exception {
        robot.interact(() -> ws.tabs().getSelectionModel().select(1));
        assertEquals(org.losslab.engine.race.RacePreset.RING, ws.race().presetChoice().getValue(),
                "the paper's aggregate (smooth curves) is what the race opens on");
        robot.interact(() -> ws.race().presetChoice().setValue(org.losslab.engine.race.RacePreset.ONE_ANCHOR));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ws.race().current());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, ws.race().iteration());
        robot.clickOn("#race-step");
        robot.clickOn("#race-step");
        assertEquals(2, ws.race().iteration());
        assertNotEquals(ws.race().box("diou", 0)[0], ws.race().box("diou", 2)[0], "DIoU moved the box");
        assertEquals(ws.race().box("iou", 0)[0], ws.race().box("iou", 2)[0], 0.0, "beside the target IoU has no gradient");
        robot.clickOn("#race-reset");
        assertEquals(0, ws.race().iteration());
    }

    @Test
    void raisingTheMatchingThresholdLeavesFewerPositives(FxRobot robot) {
        robot.interact(() -> ws.tabs().getSelectionModel().select(2));
        robot.interact(() -> ws.ssd().threshold().setValue(0.2));
        int loose = ws.ssd().analysis().positives();
        robot.interact(() -> ws.ssd().threshold().setValue(0.8));
        int strict = ws.ssd().analysis().positives();
        assertTrue(strict < loose, strict + " positives at 0.8, " + loose + " at 0.2");
        assertTrue(strict >= ws.document().truths().size(), "best-prior forcing keeps one per object");
    }

    @Test
    void thePairTableNamesItsPairsHighlightsTheSelectedOneAndHasOneIouColumn(FxRobot robot) {
        rows();
        var table = ws.boxes().table();
        java.util.List<String> headers = table.getColumns().stream().map(c -> c.getText()).toList();
        assertEquals(1, headers.stream().filter(h -> h.equalsIgnoreCase("iou")).count(), "one IoU column: " + headers);
        assertTrue(headers.contains("iou loss"), headers.toString());
        assertEquals("pair", headers.get(0));
        int last = ws.document().predictions().size() - 1;
        robot.interact(() -> ws.boxes().canvas().selectedProperty().set(last));
        rows();
        var row = table.getSelectionModel().getSelectedItem();
        assertEquals(last, row.get("#prediction").intValue(), "the selected box's pair is highlighted");
        String name = (String) table.getColumns().get(0).getCellData(table.getSelectionModel().getSelectedIndex());
        assertEquals("P" + (last + 1) + "-G" + (ws.document().pairing()[last] + 1), name);
    }

    @Test
    void theLandscapeHasAColourBarAndAValueUnderTheCursor(FxRobot robot) throws Exception {
        robot.interact(() -> ws.boxes().landscapeChoice().setValue("diou"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ws.boxes().landscapeCurrent());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(ws.boxes().landscapeBar().title().startsWith("diou loss"), ws.boxes().landscapeBar().title());
        var canvas = ws.boxes().canvas();
        double[] at = canvas.toCanvas(200.5, 30.5);
        robot.moveTo(canvas.localToScreen(at[0], at[1]));
        WaitForAsyncUtils.waitForFxEvents();
        var l = canvas.shownLandscape();
        int k = (int) (30.5 / 256 * l.ys().length) * l.xs().length + (int) (200.5 / 256 * l.xs().length);
        String text = window.statusText();
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "diou loss with the predicted box centred here: %.4f",
                l.values()[k])), text);
    }

    @Test
    void theMetricsTabNamesEachFalsePositiveAndShadesTheApArea(FxRobot robot) {
        robot.interact(() -> ws.tabs().getSelectionModel().select(3));
        var metrics = ws.metrics();
        java.util.List<String> verdicts = metrics.verdicts();
        // the default scene: prediction 2 duplicates prediction 0 on truth 0; prediction 3 is a false alarm
        assertEquals("FP, duplicate (truth 0 taken)", verdicts.get(2));
        assertEquals("FP (best IoU 0.00)", verdicts.get(3));
        assertTrue(verdicts.get(0).startsWith("TP"), verdicts.toString());
        double area = 0;
        var shaded = metrics.apAreaForTest().getSeries(0);
        for (int k = 0; k + 1 < shaded.getItemCount(); k += 2) {
            area += (shaded.getX(k + 1).doubleValue() - shaded.getX(k).doubleValue()) * shaded.getY(k).doubleValue();
        }
        double ap = org.losslab.engine.detect.DetectionMetric.meanAp(ws.document().detections(), 0.5,
                org.losslab.engine.detect.AveragePrecision.ALL_POINT);
        assertEquals(ap, area, 1e-12, "the shaded area is the all-point AP");
    }
}
