package org.losslab.engine.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

/**
 * The training step's inline float exp against Math.exp (in double, rounded to float: the correctly rounded float
 * exp but for rare double-rounding ties): within 1 ulp over floats spread through all of [-104, 0], including the
 * subnormal results below exp(-87.3), and right at the edges. (Every float of [-104, 0], 1.1 billion, was checked
 * once by hand the same way: at most 1 ulp, see the commit.)
 */
class VectorExpTest {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    /** Every 1021st float: prime to every power of two, so each exponent's mantissas are sampled all over. */
    private static final long STRIDE = 1021;

    @Test
    void withinOneUlpOverEveryStretchOfTheRange() {
        int lowest = Float.floatToRawIntBits(-104f) & 0x7fffffff;
        int lanes = F.length();
        float[] x = new float[lanes];
        float[] y = new float[lanes];
        long checked = 0;
        for (long bits = 0; bits <= lowest; bits += STRIDE * lanes) {
            for (int l = 0; l < lanes; l++) {
                x[l] = -Float.intBitsToFloat((int) Math.min(lowest, bits + STRIDE * l));
            }
            exp(x, y);
            for (int l = 0; l < lanes; l++) {
                int ulps = Math.abs(Float.floatToRawIntBits(y[l]) - Float.floatToRawIntBits((float) Math.exp(x[l])));
                assertTrue(ulps <= 1, "exp(" + x[l] + ") = " + y[l] + ", Math.exp gives " + (float) Math.exp(x[l]));
                checked++;
            }
        }
        assertTrue(checked > 1_000_000, "checked " + checked);
    }

    /** Its own method, so that the JIT compiles the vector code (interpreted, each lane operation allocates). */
    private static void exp(float[] x, float[] y) {
        VectorExp.expNonPositive(FloatVector.fromArray(F, x, 0)).intoArray(y, 0);
    }

    @Test
    void edgesAndSpecialValues() {
        float[] x = {0f, -0f, -1e-30f, -87.33654f, -87.5f, -100f, -103.27893f, -103.9f, -104f, -200f,
            Float.NEGATIVE_INFINITY, Float.NaN, -1f, -0.34657359f, -0.6931472f, -10f};
        int lanes = F.length();
        for (int start = 0; start < x.length; start += lanes) {
            float[] in = new float[lanes];
            float[] out = new float[lanes];
            System.arraycopy(x, start, in, 0, Math.min(lanes, x.length - start));
            VectorExp.expNonPositive(FloatVector.fromArray(F, in, 0)).intoArray(out, 0);
            for (int l = 0; l < lanes && start + l < x.length; l++) {
                float expected = (float) Math.exp(in[l]);
                if (Float.isNaN(expected)) {
                    assertTrue(Float.isNaN(out[l]), "exp(NaN)");
                } else {
                    assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(out[l]), 1,
                            "exp(" + in[l] + ") = " + out[l] + " against " + expected);
                }
            }
        }
        float[] one = new float[lanes];
        VectorExp.expNonPositive(FloatVector.zero(F)).intoArray(one, 0);
        assertEquals(1f, one[0], 0f, "exp(0) is 1 exactly");
    }
}
