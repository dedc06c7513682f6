package org.losslab.app.detect;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.IntFunction;
import org.losslab.engine.detect.Tide;
import org.losslab.scene.CocoReport;

/**
 * The dataset view's first line, the answer to "where did my AP go": AP against AP50 (what tightness cost above
 * IoU 0.5), TIDE's error types by the AP50 fixing them would give back, and the costliest image.
 */
final class DatasetHeadline {
    private DatasetHeadline() {
    }

    static String of(CocoReport r, IntFunction<String> imageName) {
        double[] stats = r.summary().stats();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "AP %.3f, AP50 %.3f, AP75 %.3f: %.3f of AP50 is lost between IoU 0.5 and 0.95 (box tightness).",
                stats[0], stats[1], stats[2], stats[1] - stats[0]));
        Tide.Error[] byGain = Tide.Error.values().clone();
        Arrays.sort(byGain, Comparator.comparingDouble((Tide.Error e) -> -r.tide().gain(e)));
        s.append(String.format(Locale.ROOT, "  At IoU 0.5 (TIDE, AP50 %.3f), fixing", r.tide().ap()));
        int shown = 0;
        for (Tide.Error e : byGain) {
            if (shown < 3 && r.tide().gain(e) >= 0.0005) {
                s.append(String.format(Locale.ROOT, "%s %s (%d) gives +%.3f", shown == 0 ? "" : ",", e.shortName,
                        r.tide().count(e), r.tide().gain(e)));
                shown++;
            }
        }
        if (shown == 0) {
            s.append(" any one error type gives back nothing");
        }
        s.append('.');
        if (r.cost().images() > 0) {
            int worst = r.cost().ranked(0);
            s.append(String.format(Locale.ROOT, "  Costliest image: %s (false positives %d, objects missed %d).",
                    imageName.apply(worst), r.cost().falsePositives(worst), r.cost().misses(worst)));
        }
        return s.toString();
    }
}
