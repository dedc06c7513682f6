package org.losslab.app.audit;

import java.util.Locale;
import org.losslab.engine.dataset.ClassNumbers;

/** One row of the audit's table: a case and one of its classes, with its numbers. */
public record AuditRow(String caseName, int classIndex, ClassNumbers numbers) {
    /** A metric as the table shows it: the number, or why there is none ("absent from both", "missed: no prediction"). */
    public String text(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            String why = numbers.emptiness();
            return (Double.isNaN(value) ? "none" : "inf") + (why == null ? "" : " (" + why + ")");
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
