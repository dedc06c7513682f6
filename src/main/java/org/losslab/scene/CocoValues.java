package org.losslab.scene;

import java.util.List;
import java.util.Locale;
import org.losslab.engine.EngineException;
import org.losslab.engine.coco.CocoSummary;
import org.losslab.engine.detect.Tide;

/**
 * Lesson values of the bundled COCO dataset ({@link CocoBundle}), namespace {@code coco}: {@code coco:DETECTOR.STAT}
 * with DETECTOR one of the bundled results (duplicates, localisation, misses) and STAT one of COCOeval's summary
 * numbers ({@code ap}, {@code ap50}, {@code ap75}, {@code ap_small}, {@code ap_medium}, {@code ap_large},
 * {@code ar1}, {@code ar10}, {@code ar100}, ...) or TIDE's over the dataset: {@code tide_ap} (AP at IoU 0.5),
 * {@code fix_T} (the AP gained by fixing the errors of type T: cls, loc, both, dupe, bkg, miss) and {@code n_T}
 * (how many errors of type T). The values do not depend on the step: they name their dataset.
 */
public final class CocoValues implements ClaimValues {
    /** The 12 summary numbers in CocoSummary's order. */
    private static final List<String> STATS = List.of("ap", "ap50", "ap75", "ap_small", "ap_medium", "ap_large",
            "ar1", "ar10", "ar100", "ar_small", "ar_medium", "ar_large");

    @Override
    public String prefix() {
        return "coco";
    }

    @Override
    public void check(String name, boolean forTask) {
        int dot = name.indexOf('.');
        if (dot < 0) {
            throw new EngineException("coco:" + name + ": write coco:DETECTOR.STAT, e.g. coco:duplicates.ap50");
        }
        CocoBundle.check(name.substring(0, dot), "coco:" + name);
        String stat = name.substring(dot + 1);
        if (!STATS.contains(stat) && !stat.equals("tide_ap") && error(stat) == null) {
            throw new EngineException("coco:" + name + ": unknown statistic '" + stat + "' (" + String.join(", ", STATS)
                    + ", tide_ap, fix_T or n_T with T one of cls, loc, both, dupe, bkg, miss)");
        }
    }

    /** The error type of fix_T or n_T, else null. */
    private static Tide.Error error(String stat) {
        String type = stat.startsWith("fix_") ? stat.substring(4) : stat.startsWith("n_") ? stat.substring(2) : null;
        if (type == null) {
            return null;
        }
        for (Tide.Error e : Tide.Error.values()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(type)) {
                return e;
            }
        }
        return null;
    }

    @Override
    public double value(StepScene scene, String name) {
        int dot = name.indexOf('.');
        CocoReport report = CocoBundle.report(name.substring(0, dot));
        String stat = name.substring(dot + 1);
        int s = STATS.indexOf(stat);
        if (s >= 0) {
            CocoSummary summary = report.summary();
            return summary.stats()[s];
        }
        if (stat.equals("tide_ap")) {
            return report.tide().ap();
        }
        Tide.Error e = error(stat);
        return stat.startsWith("fix_") ? report.tide().gain(e) : report.tide().count(e);
    }
}
