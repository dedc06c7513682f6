package org.losslab.engine.dataset;

import java.util.Arrays;
import org.losslab.engine.EngineException;

/**
 * One case of an audit: a ground truth and a prediction of the same shape, and the spacing (mm per axis, in
 * the order of the shape) the distances use.
 */
public record Case(String name, LabelMap reference, LabelMap prediction, double[] spacing) {
    /** Refuses relative spacing differences beyond this between the two headers (CONTRACTS_V3 section 1). */
    public static final double SPACING_TOLERANCE = 1e-4;

    public Case {
        if (!Arrays.equals(reference.shape(), prediction.shape())) {
            throw new EngineException(name + ": the ground truth " + reference.source() + " is " + reference.shapeText()
                    + ", the prediction " + prediction.source() + " is " + prediction.shapeText());
        }
        LabelMap.checkSpacing(spacing, reference.shape().length, name);
    }

    /**
     * The case with the spacing CONTRACTS_V3 gives it: {@code override} when given (it wins over any header),
     * else the ground truth's header, else 1 mm per axis; a prediction whose header spacing differs from the
     * ground truth's by more than {@link #SPACING_TOLERANCE} relative is refused.
     */
    public static Case of(String name, LabelMap reference, LabelMap prediction, double[] override) {
        int axes = reference.shape().length;
        if (override != null) {
            if (override.length != axes) {
                throw new EngineException(name + ": the spacing given has " + override.length + " values, the case has "
                        + axes + " axes (" + reference.shapeText() + ")");
            }
            return new Case(name, reference, prediction, override.clone());
        }
        double[] spacing = reference.spacing();
        if (spacing != null && prediction.spacing() != null && prediction.spacing().length == axes) {
            for (int a = 0; a < axes; a++) {
                if (Math.abs(prediction.spacing()[a] - spacing[a]) > SPACING_TOLERANCE * spacing[a]) {
                    throw new EngineException(name + ": the prediction " + prediction.source() + " has spacing "
                            + Arrays.toString(prediction.spacing()) + " mm, the ground truth " + reference.source() + " "
                            + Arrays.toString(spacing) + " mm");
                }
            }
        }
        if (spacing == null) {
            spacing = new double[axes];
            Arrays.fill(spacing, 1.0);
        }
        return new Case(name, reference, prediction, spacing.clone());
    }

    /** The number of voxels. */
    public int voxels() {
        return reference.labels().length;
    }
}
