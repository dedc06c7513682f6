package org.losslab.engine.math;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Atan} on SIMD lanes: fdlibm's arctangent with its branches turned into lane selections. Each
 * lane performs exactly the operations the scalar code performs for its argument (the reduction's
 * numerator and denominator are chosen per lane before the one division), so the bits are the same;
 * AtanTest checks that against StrictMath.
 */
public final class LaneAtan {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final double HI3_PLUS_LO3 = Atan.HI[3] + Atan.LO[3];

    private LaneAtan() {
    }

    /** How many arguments one call takes: the lanes of the widest vector this processor has. */
    public static final int LANES = SPECIES.length();

    /** {@code out[i] = atan(in[i])} for the first {@link #LANES} entries. */
    public static void atan(double[] in, double[] out) {
        DoubleVector x = DoubleVector.fromArray(SPECIES, in, 0);
        DoubleVector ax = x.abs();
        // fdlibm compares the high word of |x|; these doubles have zero low words, so the comparisons agree
        VectorMask<Double> reduced = ax.compare(VectorOperators.GE, 0.4375);
        VectorMask<Double> below1 = ax.compare(VectorOperators.LT, 1.1875);
        VectorMask<Double> id0 = reduced.and(ax.compare(VectorOperators.LT, 0.6875));
        VectorMask<Double> id1 = reduced.and(below1).andNot(id0);
        VectorMask<Double> id2 = below1.not().and(ax.compare(VectorOperators.LT, 2.4375));
        VectorMask<Double> id3 = ax.compare(VectorOperators.GE, 2.4375);
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        DoubleVector numerator = x
                .blend(ax.mul(2.0).sub(1.0), id0)
                .blend(ax.sub(1.0), id1)
                .blend(ax.sub(1.5), id2)
                .blend(-1.0, id3);
        DoubleVector denominator = one
                .blend(ax.add(2.0), id0)
                .blend(ax.add(1.0), id1)
                .blend(ax.mul(1.5).add(1.0), id2)
                .blend(ax, id3);
        DoubleVector t = numerator.div(denominator);
        DoubleVector z = t.mul(t);
        DoubleVector w = z.mul(z);
        double[] c = Atan.T;
        DoubleVector s1 = z.mul(w.mul(w.mul(w.mul(w.mul(w.mul(c[10]).add(c[8])).add(c[6])).add(c[4])).add(c[2])).add(c[0]));
        DoubleVector s2 = w.mul(w.mul(w.mul(w.mul(w.mul(c[9]).add(c[7])).add(c[5])).add(c[3])).add(c[1]));
        DoubleVector sum = s1.add(s2);
        DoubleVector hi = DoubleVector.broadcast(SPECIES, Atan.HI[0]).blend(Atan.HI[1], id1).blend(Atan.HI[2], id2)
                .blend(Atan.HI[3], id3);
        DoubleVector lo = DoubleVector.broadcast(SPECIES, Atan.LO[0]).blend(Atan.LO[1], id1).blend(Atan.LO[2], id2)
                .blend(Atan.LO[3], id3);
        DoubleVector far = hi.sub(t.mul(sum).sub(lo).sub(t));
        far = far.blend(far.neg(), x.compare(VectorOperators.LT, 0.0));
        DoubleVector near = t.sub(t.mul(sum));
        DoubleVector result = near.blend(far, reduced);
        // |x| < 2^-29: atan(x) rounds to x; |x| >= 2^66: +-pi/2; NaN stays NaN
        result = result.blend(x, ax.compare(VectorOperators.LT, 0x1p-29));
        VectorMask<Double> huge = ax.compare(VectorOperators.GE, 0x1p66);
        result = result.blend(DoubleVector.broadcast(SPECIES, HI3_PLUS_LO3).blend(-HI3_PLUS_LO3,
                x.compare(VectorOperators.LT, 0.0)), huge);
        result = result.blend(x.add(x), x.test(VectorOperators.IS_NAN));
        result.intoArray(out, 0);
    }
}
