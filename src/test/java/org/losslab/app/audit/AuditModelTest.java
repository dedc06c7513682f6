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
}
