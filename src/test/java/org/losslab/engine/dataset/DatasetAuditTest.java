package org.losslab.engine.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.losslab.engine.EngineException;

/** The audit's streaming: bounded cases in memory, progress, cancel, the first error, the same numbers on any thread count. */
class DatasetAuditTest {
    /** Random cases made when loaded, counting how many are held at once (loaded and not yet reported done). */
    static final class CountingSource implements CaseSource {
        final int size;
        final AtomicInteger held = new AtomicInteger();
        final AtomicInteger mostHeld = new AtomicInteger();
        final AtomicInteger loads = new AtomicInteger();
        int failAt = -1;
        int failAlsoAt = -1;

        CountingSource(int size) {
            this.size = size;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public String name(int index) {
            return String.format("case_%04d", index);
        }

        @Override
        public Case load(int index) {
            loads.incrementAndGet();
            if (index == failAt || index == failAlsoAt) {
                throw new EngineException(name(index) + ".png: broken");
            }
            mostHeld.accumulateAndGet(held.incrementAndGet(), Math::max);
            Random r = new Random(index);
            int h = 6 + r.nextInt(10);
            int w = 6 + r.nextInt(10);
            int[] g = new int[h * w];
            int[] p = new int[h * w];
            for (int i = 0; i < g.length; i++) {
                g[i] = r.nextInt(10) < 7 ? 0 : 1 + r.nextInt(2);
                p[i] = r.nextInt(10) < 8 ? g[i] : r.nextInt(3);
            }
            return Case.of(name(index), new LabelMap("g", new int[] {h, w}, null, g), new LabelMap("p", new int[] {h, w}, null, p), null);
        }
    }

    @Test
    void atMostOneCasePerWorkerIsHeldAndProgressCountsEveryCase() {
        CountingSource source = new CountingSource(300);
        AtomicInteger reported = new AtomicInteger();
        AuditResult result = DatasetAudit.run(source, new DatasetAudit.Settings(0, 1, 3), (r, done, total) -> {
            source.held.decrementAndGet();
            reported.incrementAndGet();
            assertEquals(300, total);
        }, () -> false);
        assertEquals(300, reported.get());
        assertEquals(300, result.cases().size());
        assertTrue(source.mostHeld.get() <= 3, "held at once: " + source.mostHeld.get());
        assertEquals(2, result.classes());
    }

    @Test
    void theNumbersDoNotDependOnTheThreadCount() {
        AuditResult one = DatasetAudit.run(new CountingSource(40), new DatasetAudit.Settings(4, 1.5, 1), (r, d, t) -> { }, () -> false);
        AuditResult four = DatasetAudit.run(new CountingSource(40), new DatasetAudit.Settings(4, 1.5, 4), (r, d, t) -> { }, () -> false);
        assertEquals(3, one.classes());
        for (int i = 0; i < 40; i++) {
            assertEquals(one.cases().get(i).name(), four.cases().get(i).name());
            for (int c = 1; c <= 3; c++) {
                assertEquals(one.cases().get(i).of(c), four.cases().get(i).of(c));
            }
        }
        assertEquals(one.aggregates().monaiHd95(), four.aggregates().monaiHd95());
        assertEquals(one.aggregates().smpF1(), four.aggregates().smpF1());
    }

    @Test
    void cancellingStopsTheWorkersAfterTheirCurrentCase() {
        CountingSource source = new CountingSource(10_000);
        AtomicBoolean cancel = new AtomicBoolean();
        assertThrows(CancellationException.class, () -> DatasetAudit.run(source, new DatasetAudit.Settings(0, 1, 2),
                (r, done, total) -> cancel.set(done >= 20), cancel::get));
        assertTrue(source.loads.get() < 30, "cases read after the cancel: " + source.loads.get());
    }

    @Test
    void theFirstBrokenCaseInOrderIsReportedAndLaterCasesAreNotRead() {
        CountingSource source = new CountingSource(5_000);
        source.failAt = 120;
        source.failAlsoAt = 40;
        EngineException e = assertThrows(EngineException.class, () ->
                DatasetAudit.run(source, new DatasetAudit.Settings(0, 1, 3), (r, d, t) -> { }, () -> false));
        assertEquals("case_0040.png: broken", e.getMessage());
        // the others stop once the failure is recorded; how many they read meanwhile depends on the scheduler
        assertTrue(source.loads.get() < 1000, "cases read: " + source.loads.get());
    }

    @Test
    void aLabelAboveTheClassesGivenNamesItsFile() {
        int[] labels = {0, 1, 3, 0};
        Case c = Case.of("x", new LabelMap("labels/x.png", new int[] {2, 2}, null, labels),
                new LabelMap("predictions/x.png", new int[] {2, 2}, null, new int[4]), null);
        EngineException e = assertThrows(EngineException.class, () -> CaseMetrics.compute(c, 3, 1));
        assertTrue(e.getMessage().startsWith("labels/x.png: holds class 3"), e.getMessage());
    }

    @Test
    void shapesAndHeaderSpacingsMustAgree() {
        LabelMap g = new LabelMap("labels/x.nii", new int[] {2, 2, 2}, new double[] {2.5, 0.8, 0.8}, new int[8]);
        LabelMap wide = new LabelMap("predictions/x.npy", new int[] {2, 4}, null, new int[8]);
        assertTrue(assertThrows(EngineException.class, () -> Case.of("x", g, wide, null)).getMessage()
                .contains("labels/x.nii is 2 x 2 x 2, the prediction predictions/x.npy is 2 x 4"));
        LabelMap off = new LabelMap("predictions/x.nii", new int[] {2, 2, 2}, new double[] {2.5, 0.8, 0.81}, new int[8]);
        assertTrue(assertThrows(EngineException.class, () -> Case.of("x", g, off, null)).getMessage().contains("spacing"));
        LabelMap close = new LabelMap("predictions/x.nii", new int[] {2, 2, 2}, new double[] {2.5, 0.80001, 0.8}, new int[8]);
        assertEquals(List.of(2.5, 0.8, 0.8), List.of(Case.of("x", g, close, null).spacing()[0], Case.of("x", g, close, null).spacing()[1],
                Case.of("x", g, close, null).spacing()[2]));
        assertEquals(3.0, Case.of("x", g, off, new double[] {3, 3, 3}).spacing()[2], 0, "--spacing wins over the headers");
    }
}
