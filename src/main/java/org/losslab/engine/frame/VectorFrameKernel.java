package org.losslab.engine.frame;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The live frame's pixel work on SIMD lanes in float32 (as PyTorch's frame), with the vector API's exp
 * and log1p: the same formulas as {@link ScalarFrameKernel}. Sums are taken per block of lanes and
 * then added in double. Loaded only when the jdk.incubator.vector module is present; the tail of each
 * range falls back to the scalar kernel.
 */
final class VectorFrameKernel implements FrameKernel {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    /** Lanes summed in float before the running sums in double take them. */
    private static final int BLOCK = 256;
    private static final FloatVector ONE = FloatVector.broadcast(F, 1f);
    private static final FloatVector ZERO = FloatVector.zero(F);
    private final ScalarFrameKernel tail = new ScalarFrameKernel();

    @Override
    public void pixels(FrameArrays a, double gamma, int from, int to, double[] sums) {
        int lanes = F.length();
        int end = from + (to - from) / lanes * lanes;
        float gammaF = (float) gamma;
        FloatVector one = FloatVector.broadcast(F, 1f);
        FloatVector zero = FloatVector.zero(F);
        for (int block = from; block < end; block += BLOCK) {
            int blockEnd = Math.min(end, block + BLOCK);
            FloatVector tp = zero;
            FloatVector sumP = zero;
            FloatVector sumT = zero;
            FloatVector bceSum = zero;
            FloatVector focalSum = zero;
            FloatVector validSum = zero;
            for (int i = block; i < blockEnd; i += lanes) {
                FloatVector x = FloatVector.fromArray(F, a.logit, i);
                FloatVector code = FloatVector.fromArray(F, a.label, i);
                FloatVector v = one.blend(0f, code.compare(VectorOperators.LT, 0f));
                FloatVector t = zero.blend(1f, code.compare(VectorOperators.GT, 0.5f));
                FloatVector e = x.abs().neg().lanewise(VectorOperators.EXP);
                FloatVector inv = one.div(e.add(1f));
                FloatVector p = probability(x, e, inv);
                FloatVector q = probability(x.neg(), e, inv);
                VectorMask<Float> nonNegative = x.compare(VectorOperators.GE, 0f);
                FloatVector b = x.max(0f).sub(x.mul(t)).add(e.lanewise(VectorOperators.LOG1P)).mul(v);
                FloatVector wrong = p.add(t.mul(q.sub(p)));
                FloatVector factor = gamma == 2 ? wrong.mul(wrong) : wrong.lanewise(VectorOperators.POW, gammaF);
                FloatVector f = factor.mul(b);
                p.mul(q).intoArray(a.slope, i);
                nonNegative.intoArray(a.predicted, i);
                b.intoArray(a.bce, i);
                f.intoArray(a.focal, i);
                FloatVector pv = p.mul(v);
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
        }
        tail.pixels(a, gamma, end, to, sums);
    }

    @Override
    public void gradient(FrameArrays a, float positive, float negative, float[] out, int from, int to) {
        int lanes = F.length();
        int end = from + (to - from) / lanes * lanes;
        FloatVector factors = FloatVector.broadcast(F, negative);
        for (int i = from; i < end; i += lanes) {
            FloatVector code = FloatVector.fromArray(F, a.label, i);
            FloatVector s = FloatVector.fromArray(F, a.slope, i).blend(0, code.compare(VectorOperators.LT, 0));
            s.mul(factors.blend(positive, code.compare(VectorOperators.GT, 0.5f))).intoArray(out, i);
        }
        tail.gradient(a, positive, negative, out, end, to);
    }

    @Override
    public void adam(FrameArrays a, RegionScore score, float[] m, float[] v, float stepSize, float correction2Root,
                     int from, int to, double[] sums) {
        int lanes = F.length();
        int end = from + (to - from) / lanes * lanes;
        FloatVector positiveFactor = FloatVector.broadcast(F, (float) score.positive);
        FloatVector negativeFactor = FloatVector.broadcast(F, (float) score.negative);
        for (int block = from; block < end; block += BLOCK) {
            int blockEnd = Math.min(end, block + BLOCK);
            FloatVector tp = ZERO;
            FloatVector sumP = ZERO;
            for (int i = block; i < blockEnd; i += lanes) {
                FloatVector code = FloatVector.fromArray(F, a.label, i);
                VectorMask<Float> ignored = code.compare(VectorOperators.LT, 0f);
                VectorMask<Float> positive = code.compare(VectorOperators.GT, 0.5f);
                FloatVector valid = ONE.blend(0f, ignored);
                FloatVector t = ZERO.blend(1f, positive);
                FloatVector s = FloatVector.fromArray(F, a.slope, i).blend(0, ignored);
                FloatVector g = s.mul(negativeFactor.blend(positiveFactor, positive));
                FloatVector mi = FloatVector.fromArray(F, m, i).mul(0.9f).add(g.mul(0.1f));
                FloatVector vi = FloatVector.fromArray(F, v, i).mul(0.999f).add(g.mul(0.001f).mul(g));
                mi.intoArray(m, i);
                vi.intoArray(v, i);
                FloatVector denominator = vi.lanewise(VectorOperators.SQRT).div(correction2Root).add(1e-8f);
                FloatVector x = FloatVector.fromArray(F, a.logit, i).sub(mi.div(denominator).mul(stepSize));
                x.intoArray(a.logit, i);
                // the new logits' probabilities, slopes and sums, as pixels() computes them
                FloatVector e = x.abs().neg().lanewise(VectorOperators.EXP);
                FloatVector inv = ONE.div(e.add(1f));
                FloatVector p = probability(x, e, inv);
                p.mul(probability(x.neg(), e, inv)).intoArray(a.slope, i);
                FloatVector pv = p.mul(valid);
                tp = tp.add(pv.mul(t));
                sumP = sumP.add(pv);
            }
            sums[0] += tp.reduceLanes(VectorOperators.ADD);
            sums[1] += sumP.reduceLanes(VectorOperators.ADD);
        }
        tail.adam(a, score, m, v, stepSize, correction2Root, end, to, sums);
    }

    /**
     * The sigmoid of x's lanes from e = exp(-|x|) and inv = 1 / (1 + e): inv, or e times it where x < 0. With -x it
     * gives 1 - sigmoid(x) the same way (at x = 0 both are 1/2 exactly).
     */
    private static FloatVector probability(FloatVector x, FloatVector e, FloatVector inv) {
        return e.mul(inv).blend(inv, x.compare(VectorOperators.GE, 0f));
    }
}
