package org.losslab.app.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.engine.dataset.CaseMetric;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Two prediction folders of five tiny cases (16 x 16, one class, a 4 x 4 square) audited on screen: the B - A
 * view lists the worse first for Dice and for HD95 (whose "worse" is the other sign), with the infinite and
 * missing pairs apart; the scatter has a point per case with a value, the false positive on the "inf" strip and
 * the empty case counted, not drawn; the exports write their files.
 */
@ExtendWith(ApplicationExtension.class)
class AuditComparisonUiTest {
    private AuditWorkspace workspace;

    @Start
    void start(Stage stage) {
        workspace = new AuditWorkspace();
        stage.setScene(new javafx.scene.Scene((javafx.scene.Parent) workspace.node(), 1500, 950));
        stage.show();
    }

    /** A 16 x 16 label map with the square at column {@code left} (no square when left < 0). */
    private static void square(Path file, int left) throws Exception {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 6; y < 10 && left >= 0; y++) {
            for (int x = left; x < left + 4; x++) {
                image.getRaster().setSample(x, y, 0, 1);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    /**
     * c0: A exact, B one pixel off (Dice 1 -> 0.75); c1: the reverse; c2: B predicts nothing (Dice 1 -> 0, HD95 0 -> inf);
     * c3: an empty ground truth where A has a false positive and B nothing (Dice 0 -> none); c4: empty everywhere.
     */
    private static void folders(Path root) throws Exception {
        int[][] leftOf = {{6, 6, 7}, {6, 7, 6}, {6, 6, -1}, {-1, 6, -1}, {-1, -1, -1}};
        String[] folder = {"labels", "a", "b"};
        for (int c = 0; c < leftOf.length; c++) {
            for (int f = 0; f < 3; f++) {
                square(root.resolve(folder[f]).resolve("c" + c + ".png"), leftOf[c][f]);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void runBAndTheScatterShowEveryCaseWhereItBelongs(FxRobot robot, @TempDir Path root) throws Exception {
        folders(root);
        robot.interact(() -> {
            workspace.model().labelsProperty().set(root.resolve("labels"));
            workspace.model().predictionsProperty().set(root.resolve("a"));
            workspace.model().predictionsBProperty().set(root.resolve("b"));
        });
        robot.clickOn("#audit-run");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !workspace.model().runningProperty().get()
                && workspace.model().progressProperty().get() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("5 cases, classes 1-1; run B: 5 cases", workspace.model().statusProperty().get());

        ListView<String> list = robot.lookup("#runb-list").queryAs(ListView.class);
        List<String> dice = List.copyOf(list.getItems());
        assertEquals(4, dice.size(), dice.toString());
        assertEquals("c2 class 1: 1.000 -> 0.000 (B - A -1.000) worse", dice.get(0));
        assertEquals("c0 class 1: 1.000 -> 0.7500 (B - A -0.2500) worse", dice.get(1));
        assertEquals("c1 class 1: 0.7500 -> 1.000 (B - A +0.2500) better", dice.get(2));
        assertEquals("c3 class 1: 0.000 -> none apart: B: none (absent from both)", dice.get(3));
        String summary = robot.lookup("#runb-summary").queryAs(Label.class).getText();
        assertTrue(summary.startsWith("Dice: 3 pairs with two values, 2 worse in B, 1 better, 0 unchanged; 1 apart"), summary);

        ChoiceBox<CaseMetric> metric = robot.lookup("#runb-metric").queryAs(ChoiceBox.class);
        robot.interact(() -> metric.setValue(CaseMetric.HD95));
        List<String> hd95 = List.copyOf(list.getItems());
        assertTrue(hd95.get(0).startsWith("c0 class 1: 0.000 -> ") && hd95.get(0).endsWith("worse"), "a larger HD95 is worse: " + hd95);
        assertTrue(hd95.get(1).startsWith("c1 class 1: ") && hd95.get(1).endsWith("-> 0.000 (B - A -1.000) better"), hd95.toString());
        assertEquals("c2 class 1: 0.000 -> inf worse: B: inf (missed: no prediction)", hd95.get(2));
        assertEquals("c3 class 1: inf -> none apart: A: inf (false positive: nothing in the ground truth);"
                + " B: none (absent from both)", hd95.get(3));

        ScatterView scatter = robot.lookup("#audit-analysis").queryAs(AuditAnalysis.class).scatter();
        XYPlot plot = scatter.chart().getXYPlot();
        XYDataset points = plot.getDataset();
        assertEquals(3, points.getItemCount(ScatterChart.FINITE), "c0, c1, c2: Dice and HD95 both finite");
        assertEquals(1, points.getItemCount(ScatterChart.INFINITE), "c3's false positive");
        assertEquals(0.0, points.getXValue(ScatterChart.INFINITE, 0), 0, "its Dice");
        assertTrue(plot.getDomainAxis().getRange().contains(0.0), "its Dice is on the axis, below the others' 0.75 .. 1");
        assertTrue(points.getYValue(ScatterChart.INFINITE, 0) > plot.getRangeAxis().getRange().getCentralValue(),
                "its infinite HD95 drawn on the strip past the finite values");
        TextTitle note = (TextTitle) scatter.chart().getSubtitle(1);
        assertTrue(note.getText().contains("1 not drawn: none (absent from both)"), note.getText());
        ListView<String> disagreement = robot.lookup("#disagreement-list").queryAs(ListView.class);
        assertEquals(4, disagreement.getItems().size(), "every case with two values, infinite ones included");

        AuditExports exports = new AuditExports(workspace.model(), robot.lookup("#audit-analysis").queryAs(AuditAnalysis.class));
        exports.writeTable(root.resolve("table.csv"));
        exports.writeDifference(root.resolve("b-minus-a.csv"));
        exports.writeScatterPng(root.resolve("scatter.png"));
        exports.writeScatterSvg(root.resolve("scatter.svg"));
        assertTrue(Files.readString(root.resolve("table.csv")).startsWith("case,class,tp,fp,fn,tn,n_ref,n_pred,dice"));
        List<String> rows = Files.readAllLines(root.resolve("b-minus-a.csv"));
        assertEquals("case,class,metric,a,b,b_minus_a,change,reason", rows.get(0));
        assertEquals("c2,1,hd95,0.0,inf,inf,worse,B: inf (missed: no prediction)", rows.get(3));
        assertEquals(1000, ImageIO.read(root.resolve("scatter.png").toFile()).getWidth());
        assertTrue(new String(Files.readAllBytes(root.resolve("scatter.svg")), StandardCharsets.UTF_8).contains("<svg"));
    }
}
