package org.losslab.engine.dataset;

import java.util.function.ToDoubleFunction;

/**
 * Which (case, class) values each aggregate averages: nnU-Net's mean takes a class wherever it is in either mask
 * (its Dice is NaN only when absent from both), MONAI's means take what its own per-case functions do not give as
 * NaN (an empty ground truth for Dice; a distance to an empty mask for HD95 and NSD), smp pools every value.
 */
public enum AggregateUse {
    NNUNET("nnU-Net's mean", ClassNumbers::dice),
    MONAI_DICE("MONAI's mean Dice", ClassNumbers::monaiDice),
    MONAI_HD95("MONAI's mean HD95", ClassNumbers::monaiHd95),
    MONAI_NSD("MONAI's mean NSD", ClassNumbers::monaiNsd),
    SMP("smp's reductions", k -> 0);

    private final String title;
    private final ToDoubleFunction<ClassNumbers> value;

    AggregateUse(String title, ToDoubleFunction<ClassNumbers> value) {
        this.title = title;
        this.value = value;
    }

    public String title() {
        return title;
    }

    /** The value this aggregate averages for a case and class, NaN when it leaves it out. */
    public double value(ClassNumbers k) {
        return value.applyAsDouble(k);
    }

    /** Whether this aggregate averages the value of this case and class. */
    public boolean uses(ClassNumbers k) {
        return !Double.isNaN(value(k));
    }
}
