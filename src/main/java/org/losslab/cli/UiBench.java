package org.losslab.cli;

import java.util.Locale;
import org.losslab.app.UiBenchmark;

/** The --ui benchmark: brush dabs through the real window, each timed until the pulse that shows it. */
final class UiBench {
    private UiBench() {
    }

    static int run(int size, int dabs) throws InterruptedException {
        UiBenchmark.Result r = UiBenchmark.run(size, dabs);
        System.out.printf(Locale.ROOT, "scene %dx%d, %d drag events one every 8 ms through the real window (%s), "
                + "the loss table computing alongside%n", size, size, r.dabs(), r.display() ? "on the display" : "Monocle, headless");
        System.out.println("timed: from each event's arrival to the JavaFX pulse that lays out the first frame showing it "
                + "(heatmap and live values)");
        System.out.printf(Locale.ROOT, "ui_brush_ms_max=%.3f%n", r.maxMs());
        System.out.printf(Locale.ROOT, "ui_brush_ms_median=%.3f%n", r.medianMs());
        System.out.printf(Locale.ROOT, "ui_brush_ms_p95=%.3f%n", r.p95Ms());
        return 0;
    }
}
