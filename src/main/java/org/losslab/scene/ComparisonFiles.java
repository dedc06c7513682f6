package org.losslab.scene;

import java.nio.charset.StandardCharsets;
import org.losslab.engine.dataset.PairedComparison;

/**
 * Run B against run A as CSV: one row per case and class, the pairs with two finite values first (those that got
 * worse first, as the Audit workspace lists them), then the pairs kept apart with why; numbers as the audit's CSV
 * writes them (shortest round-trip form, nan, inf).
 */
public final class ComparisonFiles {
    private ComparisonFiles() {
    }

    /** The CSV: case, class, metric, a, b, b_minus_a, change (worse, better, same, apart), reason. */
    public static byte[] csv(PairedComparison comparison) {
        String metric = comparison.metric().key();
        StringBuilder text = new StringBuilder("case,class,metric,a,b,b_minus_a,change,reason\n");
        for (PairedComparison.Change c : comparison.changes()) {
            String change = c.gain() < 0 ? "worse" : c.gain() > 0 ? "better" : "same";
            row(text, c.caseName(), c.classIndex(), metric, c.a(), c.b(), change, "");
        }
        for (PairedComparison.Apart p : comparison.apart()) {
            String change = p.order() < 0 ? "worse" : p.order() > 0 ? "better" : "apart";
            row(text, p.caseName(), p.classIndex(), metric, p.a(), p.b(), change, p.reason());
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder text, String name, int classIndex, String metric, double a, double b, String change,
            String reason) {
        text.append(AuditFiles.csvField(name)).append(',').append(classIndex).append(',').append(metric);
        for (double v : new double[] {a, b, b - a}) {
            text.append(',').append(number(v));
        }
        text.append(',').append(change).append(',').append(AuditFiles.csvField(reason)).append('\n');
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "nan" : Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : AuditFiles.shortest(v);
    }
}
