package org.losslab.engine.dataset;

import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.losslab.engine.EngineException;

/**
 * The per-case metrics of an audit (CONTRACTS_V3 section 2) that can be compared, plotted and ranked, each with
 * its direction: Dice, IoU and NSD are better high, the distances better low. Comparisons go through
 * {@link #goodness} so that "worse" means the same thing for every metric.
 */
public enum CaseMetric {
    DICE("dice", "Dice", true, ClassNumbers::dice),
    IOU("iou", "IoU", true, ClassNumbers::iou),
    NSD("nsd", "NSD", true, ClassNumbers::nsd),
    HD95("hd95", "HD95 mm", false, ClassNumbers::hd95),
    HD("hd", "HD mm", false, ClassNumbers::hd),
    ASSD("assd", "ASSD mm", false, ClassNumbers::assd);

    private final String key;
    private final String title;
    private final boolean higherIsBetter;
    private final ToDoubleFunction<ClassNumbers> value;

    CaseMetric(String key, String title, boolean higherIsBetter, ToDoubleFunction<ClassNumbers> value) {
        this.key = key;
        this.title = title;
        this.higherIsBetter = higherIsBetter;
        this.value = value;
    }

    /** The key of the metric in the audit's JSON and CSV. */
    public String key() {
        return key;
    }

    /** The metric's name with its unit, for axes and headers. */
    public String title() {
        return title;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The metric of one case and class (NaN when it has none, infinity for a distance to nothing). */
    public double of(ClassNumbers numbers) {
        return value.applyAsDouble(numbers);
    }

    /** The value turned so that larger is better: the value itself, or its negation for a distance (NaN stays NaN). */
    public double goodness(double v) {
        return higherIsBetter ? v : -v;
    }

    /** The metric of a key ("dice", "hd95", ...), refusing an unknown one. */
    public static CaseMetric parse(String key) {
        for (CaseMetric m : values()) {
            if (m.key.equals(key.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new EngineException("unknown metric " + key + " (dice, iou, nsd, hd95, hd, assd)");
    }

    @Override
    public String toString() {
        return title;
    }
}
