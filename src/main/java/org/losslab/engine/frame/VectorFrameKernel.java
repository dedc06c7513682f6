package org.losslab.engine.frame;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The live frame's pixel work on SIMD lanes: the same formulas as {@link ScalarFrameKernel}, computed
 * in double with the vector API's exp and log1p, stored as floats. Loaded only when the
 * jdk.incubator.vector module is present; the tail of each range falls back to the scalar kernel.
 */
final class VectorFrameKernel implements FrameKernel {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_256;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_128;
    private static final VectorSpecies<Float> F8 = FloatVector.SPECIES_256;
    private final ScalarFrameKernel tail = new ScalarFrameKernel();

    @Override
    public void pixels(FrameArrays a, double gamma, int from, int to, double[] sums) {
        int lanes = D.length();
        int end = from + (to - from) / lanes * lanes;
        DoubleVector tp = DoubleVector.zero(D);
        DoubleVector sumP = DoubleVector.zero(D);
        DoubleVector sumT = DoubleVector.zero(D);
        DoubleVector bceSum = DoubleVector.zero(D);
        DoubleVector focalSum = DoubleVector.zero(D);
        DoubleVector validSum = DoubleVector.zero(D);
        for (int i = from; i < end; i += lanes) {
            DoubleVector x = DoubleVector.fromArray(D, a.logit, i);
            DoubleVector code = (DoubleVector) FloatVector.fromArray(F, a.label, i).convertShape(VectorOperators.F2D, D, 0);
            DoubleVector v = DoubleVector.broadcast(D, 1).blend(0, code.compare(VectorOperators.LT, 0));
            DoubleVector t = DoubleVector.zero(D).blend(1, code.compare(VectorOperators.GT, 0.5));
            DoubleVector e = x.abs().neg().lanewise(VectorOperators.EXP);
            DoubleVector inv = DoubleVector.broadcast(D, 1).div(e.add(1));
            DoubleVector einv = e.mul(inv);
            VectorMask<Double> nonNegative = x.compare(VectorOperators.GE, 0);
            DoubleVector p = einv.blend(inv, nonNegative);
            DoubleVector q = inv.blend(einv, nonNegative);
            DoubleVector b = x.max(0).sub(x.mul(t)).add(e.lanewise(VectorOperators.LOG1P)).mul(v);
            DoubleVector wrong = p.add(t.mul(q.sub(p)));
            DoubleVector factor = gamma == 2 ? wrong.mul(wrong) : wrong.lanewise(VectorOperators.POW, gamma);
            DoubleVector f = factor.mul(b);
            toFloat(p.mul(q)).intoArray(a.slope, i);
            nonNegative.intoArray(a.predicted, i);
            toFloat(b).intoArray(a.bce, i);
            toFloat(f).intoArray(a.focal, i);
            DoubleVector pv = p.mul(v);
            tp = tp.add(pv.mul(t));
            sumP = sumP.add(pv);
            sumT = sumT.add(t.mul(v));
            bceSum = bceSum.add(b);
            focalSum = focalSum.add(f);
            validSum = validSum.add(v);
        }
        sums[0] += tp.reduceLanes(VectorOperators.ADD);
        sums[1] += sumP.reduceLanes(VectorOperators.ADD);
        sums[2] += sumT.reduceLanes(VectorOperators.ADD);
        sums[3] += bceSum.reduceLanes(VectorOperators.ADD);
        sums[4] += focalSum.reduceLanes(VectorOperators.ADD);
        sums[5] += validSum.reduceLanes(VectorOperators.ADD);
        tail.pixels(a, gamma, end, to, sums);
    }

    private static FloatVector toFloat(DoubleVector v) {
        return (FloatVector) v.convertShape(VectorOperators.D2F, F, 0);
    }

    @Override
    public void gradients(FrameArrays a, RegionScore dice, RegionScore jaccard, RegionScore tversky, int from, int to) {
        int lanes = F8.length();
        int end = from + (to - from) / lanes * lanes;
        for (int i = from; i < end; i += lanes) {
            FloatVector code = FloatVector.fromArray(F8, a.label, i);
            FloatVector s = FloatVector.fromArray(F8, a.slope, i).blend(0, code.compare(VectorOperators.LT, 0));
            VectorMask<Float> positive = code.compare(VectorOperators.GT, 0.5f);
            s.mul(FloatVector.broadcast(F8, (float) dice.negative).blend((float) dice.positive, positive))
                    .intoArray(a.gradDice, i);
            s.mul(FloatVector.broadcast(F8, (float) jaccard.negative).blend((float) jaccard.positive, positive))
                    .intoArray(a.gradJaccard, i);
            s.mul(FloatVector.broadcast(F8, (float) tversky.negative).blend((float) tversky.positive, positive))
                    .intoArray(a.gradTversky, i);
        }
        tail.gradients(a, dice, jaccard, tversky, end, to);
    }
}
