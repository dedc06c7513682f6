package org.losslab.app.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.losslab.engine.dataset.AuditResult;

/** The Audit workspace's model without the JavaFX thread: rows fill as cases finish, the result matches the command's. */
class AuditModelTest {
    private static void waitUntilDone(AuditModel model) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L; // a generous bound on a busy machine, not a timing check
        while (model.runningProperty().get() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(model.runningProperty().get(), "the audit ended");
    }

    @Test
    void anAuditOfTheSampleFillsEveryRowAndTheAggregates() throws Exception {
        AuditModel model = new AuditModel(Runnable::run);
        Path sample = Path.of(AuditModelTest.class.getResource("/gold/v3/audit-2d").toURI());
        model.labelsProperty().set(sample.resolve("labels"));
        model.predictionsProperty().set(sample.resolve("predictions"));
        model.toleranceProperty().set(2);
        model.start();
        waitUntilDone(model);
        AuditResult result = model.resultProperty().get();
        assertEquals(14, result.cases().size());
        assertEquals(28, model.rows().size());
        assertEquals(0.7754568867370865, result.aggregates().monaiDice().mean(), 0);
        assertEquals(1.0, model.progressProperty().get(), 0);
        AuditRow missed = model.rows().stream().filter(r -> r.caseName().equals("case_138_03") && r.classIndex() == 1)
                .findFirst().orElseThrow();
        assertEquals("inf (missed: no prediction)", missed.text(missed.numbers().hd95()));
    }

    @Test
    void aBrokenFolderEndsTheRunWithItsMessage() throws Exception {
        AuditModel model = new AuditModel(Runnable::run);
        model.labelsProperty().set(Path.of("/nonexistent-labels"));
        model.predictionsProperty().set(Path.of("/nonexistent-predictions"));
        model.start();
        waitUntilDone(model);
        assertTrue(model.statusProperty().get().contains("no such folder"), model.statusProperty().get());
    }

    @Test
    void aRunStartedWhileOneRunsIsTheOneShownAndTheOldOnesReportsAreDropped() throws Exception {
        java.util.concurrent.ExecutorService ui = java.util.concurrent.Executors.newSingleThreadExecutor(); // as the FX thread
        AuditModel model = new AuditModel(ui::execute);
        Path sample = Path.of(AuditModelTest.class.getResource("/gold/v3/audit-2d").toURI());
        model.labelsProperty().set(sample.resolve("labels"));
        model.predictionsProperty().set(sample.resolve("predictions"));
        ui.submit(model::start).get();
        Path bundled = org.losslab.scene.BundledFolders.folder("audit/labels").getParent(); // a lesson step's folders
        ui.submit(() -> {
            model.labelsProperty().set(bundled.resolve("labels"));
            model.predictionsProperty().set(bundled.resolve("predictions"));
            model.start();
        }).get();
        waitUntilDone(model);
        ui.submit(() -> { }).get(); // every report published so far has run
        ui.shutdown();
        assertEquals(12, model.resultProperty().get().cases().size(), "the second run's result");
        assertEquals(24, model.rows().size(), "its rows only");
        assertEquals("12 cases, classes 1-2", model.statusProperty().get());
    }
}
