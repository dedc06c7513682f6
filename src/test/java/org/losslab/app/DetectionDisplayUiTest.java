package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.image.PixelReader;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.losslab.app.detect.DetectionTestAccess;
import org.losslab.engine.race.RacePreset;
import org.losslab.engine.ssd.MultiboxAnalysis;
import org.losslab.engine.ssd.NegativeLossShares;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the detection workspace shows in the real window: the SSD tab's Figure 4 and its prior dots, the race
 * tab while a run computes, the box labels and the landscape's read-out after a drop.
 */
class DetectionDisplayUiTest extends DetectionWindowFixture {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theSsdChartIsTheFocalPapersFigureFourAndSaysWhatEasyMeans(FxRobot robot) {
        robot.interact(() -> ws.tabs().getSelectionModel().select(2));
        var ssd = ws.ssd();
        NegativeLossShares negatives = ssd.negatives();
        var curves = ssd.sharesShown();
        // gammas 0, 0.5, 1, 5, the slider's 2 (green), then mining
        assertEquals(6, curves.getSeriesCount(), curves.getSeries().toString());
        XYSeries gamma2 = curves.getSeries("focal, your gamma 2.00");
        double[] expected = negatives.cumulativeShares(2);
        int n = negatives.negatives();
        for (int k = 0; k < n; k += 97) {
            assertEquals((k + 1.0) / n, gamma2.getX(k).doubleValue(), 1e-12);
            assertEquals(expected[k], gamma2.getY(k).doubleValue(), 1e-12, "negative " + k);
        }
        XYSeries mining = curves.getSeries("hard negative mining (a cut by count)");
        assertEquals(1.0, mining.getY(negatives.mined() - 1).doubleValue(), 1e-12, "mining's kept negatives carry all of it");
        assertTrue(mining.getY(negatives.mined() - 2).doubleValue() < 1, "the last kept negative adds its part");
        // what the lesson claims, on the opening scene: gamma 2 puts most of the loss on the hardest 1%
        assertTrue(negatives.shareOfHardestFraction(0.01, 2) > 0.8, "" + negatives.shareOfHardestFraction(0.01, 2));
        String easy = ssd.easyCaption();
        assertTrue(easy.contains(String.format(Locale.ROOT, "p(background) >= %.3f", negatives.easyThreshold())), easy);
        assertTrue(easy.contains(String.format(Locale.ROOT, "the easy ones %.0f%%", 100 * negatives.easyShare(2))), easy);
        // a gamma of the user's own gets its curve, beside all the listed ones, and the caption follows it
        robot.interact(() -> ssd.gamma().setValue(3.3));
        assertEquals(7, ssd.sharesShown().getSeriesCount());
        assertEquals(ssd.negatives().cumulativeShares(3.3)[0],
                ssd.sharesShown().getSeries("focal, your gamma 3.30").getY(0).doubleValue(), 1e-12);
        assertTrue(ssd.easyCaption().contains("Focal gamma 3.30"), ssd.easyCaption());
        // an unsure model (background logit 2): the easy negatives take most of the focal loss again
        robot.interact(() -> ssd.backgroundLogit().setValue(2));
        assertTrue(ssd.negatives().easyShare(2) > 0.5, "" + ssd.negatives().easyShare(2));
    }

    @Test
    void positivesAreGreenAndMinedNegativesRedAtEveryGamma(FxRobot robot) throws Exception {
        robot.interact(() -> ws.tabs().getSelectionModel().select(2));
        var ssd = ws.ssd();
        for (double gamma : new double[] {0, 2, 5}) {
            robot.interact(() -> ssd.gamma().setValue(gamma));
            MultiboxAnalysis a = ssd.analysis();
            double[] priors = ssd.setup().priors();
            double side = ssd.priorCanvas().getWidth();
            PixelReader pixels = DetectionTestAccess.snapshot(ssd.priorCanvas());
            int positives = 0;
            int hard = 0;
            for (int j = 0; j < priors.length / 4; j++) {
                MultiboxAnalysis.Role role = a.role(j);
                if (role == MultiboxAnalysis.Role.EASY_NEGATIVE) {
                    continue;
                }
                int x = (int) Math.floor(priors[4 * j] * side);
                int y = (int) Math.floor(priors[4 * j + 1] * side);
                Color c = pixels.getColor(x, y);
                if (nearATruthEdge(priors[4 * j], priors[4 * j + 1])) {
                    continue; // the objects' outlines are drawn over the dots
                }
                boolean sharesWithPositive = false;
                for (int i = 0; i < priors.length / 4; i++) {
                    sharesWithPositive |= a.role(i) == MultiboxAnalysis.Role.POSITIVE && priors[4 * i] == priors[4 * j]
                            && priors[4 * i + 1] == priors[4 * j + 1];
                }
                if (role == MultiboxAnalysis.Role.POSITIVE) {
                    assertTrue(c.getGreen() > c.getRed() + 0.3 && c.getGreen() > c.getBlue() + 0.3,
                            "gamma " + gamma + ": positive " + j + " drawn " + c);
                    positives++;
                } else if (!sharesWithPositive) {
                    assertTrue(c.getRed() > 0.7 && c.getGreen() < 0.45, "gamma " + gamma + ": kept negative " + j + " drawn " + c);
                    hard++;
                }
            }
            assertTrue(positives > 0, "positives checked");
            assertTrue(hard > 0, "some kept negatives stand alone");
        }
    }

    @Test
    void theRaceShowsNothingOldWhileANewRunComputes(FxRobot robot) throws Exception {
        robot.interact(() -> ws.tabs().getSelectionModel().select(1));
        var race = ws.race();
        robot.interact(() -> race.presetChoice().setValue(RacePreset.ONE_POINT));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, race::current);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("iou", "giou", "diou", "ciou"), race.chartedLosses());
        // switched and read in one turn of the JavaFX thread: the new run cannot have arrived yet
        Object[] seen = new Object[3];
        robot.interact(() -> {
            race.gradientsChoice().setValue("exact gradients");
            seen[0] = race.chartedLosses();
            seen[1] = race.chartTitle();
            seen[2] = race.descriptionText();
        });
        assertEquals(List.of(), seen[0], "no curve of the paper's code while the exact run computes");
        assertTrue(((String) seen[1]).contains("computing") && ((String) seen[1]).contains("exact gradients"), (String) seen[1]);
        assertTrue(((String) seen[2]).contains("exact gradients (computing...)"), (String) seen[2]);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, race::current);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(race.chartedLosses().containsAll(List.of("eiou", "smooth_l1")), race.chartedLosses().toString());
        assertTrue(race.chartTitle().contains("exact gradients"), race.chartTitle());
        assertFalse(race.chartTitle().contains("computing"), race.chartTitle());
        // back to the paper's code: kept from before, drawn at once
        robot.interact(() -> race.gradientsChoice().setValue("the paper's code"));
        assertTrue(race.current());
        assertEquals(List.of("iou", "giou", "diou", "ciou"), race.chartedLosses());
        assertFalse(race.descriptionText().contains("computing"), race.descriptionText());
    }

    @Test
    void theRaceCanvasCaptionFitsTheCanvas(FxRobot robot) {
        robot.interact(() -> ws.tabs().getSelectionModel().select(1));
        double width = ws.race().boxCanvas().getWidth();
        for (String line : DetectionTestAccess.raceCaption()) {
            Text t = new Text(line);
            t.setFont(DetectionTestAccess.raceCaptionFont());
            assertTrue(8 + t.getLayoutBounds().getWidth() <= width, line + " is cut at " + width + " pixels");
        }
    }

    @Test
    void noTwoBoxLabelsOverlap(FxRobot robot) {
        // the opening scene has two predictions with close top-left corners (a detection and its duplicate)
        for (double size : new double[] {300, 450, 600}) {
            robot.interact(() -> ws.boxes().canvas().resize(size, size));
            double[][] chips = DetectionTestAccess.labelChips(ws.boxes().canvas());
            for (int i = 0; i < chips.length; i++) {
                for (int j = i + 1; j < chips.length; j++) {
                    double[] a = chips[i];
                    double[] b = chips[j];
                    boolean overlap = a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
                    assertFalse(overlap, "labels " + i + " and " + j + " overlap at canvas size " + size);
                }
            }
        }
    }

    @Test
    void theLandscapeReadOutFollowsADrop(FxRobot robot) throws Exception {
        robot.interact(() -> ws.boxes().landscapeChoice().setValue("diou"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ws.boxes().landscapeCurrent());
        var canvas = ws.boxes().canvas();
        // grow the selected prediction by its bottom-right handle: the landscape (for a box of the new size) changes
        var box = ws.document().predictions().get(canvas.selectedProperty().get());
        Point2D from = screen(box.x2(), box.y2());
        Point2D to = screen(box.x2() + 40, box.y2() + 30);
        robot.moveTo(from).press(MouseButton.PRIMARY);
        for (int k = 1; k <= 6; k++) {
            robot.moveTo(new Point2D(from.getX() + (to.getX() - from.getX()) * k / 6, from.getY() + (to.getY() - from.getY()) * k / 6));
        }
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ws.boxes().landscapeCurrent());
        WaitForAsyncUtils.waitForFxEvents();
        var grown = ws.document().predictions().get(canvas.selectedProperty().get());
        assertTrue(grown.width() > box.width() + 30, "the box grew: " + grown);
        // the status reads the new landscape where the cursor was released, without moving the mouse
        String text = window.statusText();
        String[] words = text.trim().split("\\s+");
        assertEquals("x", words[0], text);
        double x = Double.parseDouble(words[1]);
        double y = Double.parseDouble(words[3]);
        assertTrue(Math.abs(x - grown.x2()) < 2 && Math.abs(y - grown.y2()) < 2, text + " at " + grown);
        var l = canvas.shownLandscape();
        int column = (int) Math.floor(x / 256 * l.xs().length);
        int row = (int) Math.floor(y / 256 * l.ys().length);
        boolean found = false;
        for (int r = Math.max(0, row - 1); r <= Math.min(l.ys().length - 1, row + 1); r++) {
            for (int c = Math.max(0, column - 1); c <= Math.min(l.xs().length - 1, column + 1); c++) {
                found |= text.contains(String.format(Locale.ROOT, "centred here: %.4f ", l.values()[r * l.xs().length + c]));
            }
        }
        assertTrue(found, "the read-out is the new landscape's value at the cursor: " + text);
    }

    /** Whether a point (normalised) lies within 3 pixels of an object's outline on the 560-pixel prior canvas. */
    private boolean nearATruthEdge(double x, double y) {
        double margin = 3.0 / 560;
        for (var t : ws.document().truths()) {
            double[] c = t.corners();
            double x1 = c[0] / 256;
            double y1 = c[1] / 256;
            double x2 = c[2] / 256;
            double y2 = c[3] / 256;
            boolean inX = x > x1 - margin && x < x2 + margin;
            boolean inY = y > y1 - margin && y < y2 + margin;
            if (inY && (Math.abs(x - x1) < margin || Math.abs(x - x2) < margin)
                    || inX && (Math.abs(y - y1) < margin || Math.abs(y - y2) < margin)) {
                return true;
            }
        }
        return false;
    }

}
