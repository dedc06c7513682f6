package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.engine.sweep.TeachingPlot;
import org.losslab.engine.train.TrainingPreset;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A saved scene reopens with its training set-up and its plot as they were (issue 23 item 1). */
@ExtendWith(ApplicationExtension.class)
class TrainingSetUpSavedUiTest {
    private MainWindow first;
    private MainWindow fresh;

    @Start
    void start(Stage stage) {
        first = new MainWindow();
        stage.setScene(new javafx.scene.Scene(first, 1400, 880));
        stage.show();
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(() -> {
            first.close();
            if (fresh != null) {
                fresh.close();
            }
        });
    }

    @Test
    void theTrainingSetUpAndThePlotComeBackInAFreshWindow(FxRobot robot, @TempDir Path dir) {
        var training = first.training();
        TeachingPlot plot = TeachingPlot.values()[2];
        robot.interact(() -> {
            first.tabs().getSelectionModel().select(first.workspaces().indexOf(training));
            training.sourceChoice().setValue(TrainingPreset.values()[1]);
            training.lossField(0).setText("tversky:alpha=0.3,beta=0.7");
            training.lossField(1).setText("focal:gamma=3");
            robot.lookup("#train-rate").queryAs(TextField.class).setText("0.02");
            robot.lookup("#train-optimizer").queryAs(ComboBox.class).setValue("sgd");
            first.plots().selectPlot(plot);
        });
        Path file = dir.resolve("set-up.json");
        robot.interact(() -> assertTrue(first.saveTo(file)));

        robot.interact(() -> {
            fresh = new MainWindow();
            Stage other = new Stage();
            other.setScene(new javafx.scene.Scene(fresh, 1400, 880));
            other.show();
            assertTrue(fresh.open(file));
            fresh.tabs().getSelectionModel().select(fresh.workspaces().indexOf(fresh.training()));
        });
        var again = fresh.training();
        assertEquals(TrainingPreset.values()[1], again.sourceChoice().getValue());
        assertEquals("tversky:alpha=0.3,beta=0.7", again.lossField(0).getText());
        assertEquals("focal:gamma=3", again.lossField(1).getText());
        assertEquals("0.02", ((TextField) again.lookup("#train-rate")).getText());
        assertEquals("sgd", ((ComboBox<?>) again.lookup("#train-optimizer")).getValue());
        assertEquals(plot, fresh.plots().currentPlot());
    }
}
