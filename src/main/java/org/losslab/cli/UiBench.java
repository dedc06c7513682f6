package org.losslab.cli;

import java.util.Locale;
import org.losslab.app.UiBenchmark;

/** The --ui benchmark: drives the real workspace offscreen with brush dabs. */
final class UiBench {
    private UiBench() {
    }

    static int run(int size, int dabs) throws InterruptedException {
        UiBenchmark.Result r = UiBenchmark.run(size, dabs);
        System.out.printf(Locale.ROOT, "scene %dx%d, %d dabs through the real workspace, offscreen%n", size, size, r.dabs());
        System.out.printf(Locale.ROOT, "ui_table_ms_median=%.3f (every loss and metric of the registry)%n", r.tableMedianMs());
        System.out.printf(Locale.ROOT, "ui_brush_ms_median=%.3f%n", r.frameMedianMs());
        return 0;
    }
}
