package org.losslab.engine.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.losslab.engine.EngineException;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.explanation.Explainable;
import org.losslab.engine.explanation.Explanation;
import org.losslab.engine.explanation.Term;
import org.losslab.engine.maps.LossMaps;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegParams;
import org.losslab.engine.seg.SegmentationData;

/**
 * "Explain this number": a segmentation entry's value as the lines of its computation. Entries whose evaluator
 * is {@link Explainable} say it themselves (the overlap losses: counts, score, per-class loss, weights,
 * reduction); entries computed pixel by pixel are split by where their pixels stand at the threshold (the sum
 * of the per-pixel losses over TP, FP, FN and TN pixels, times the reduction's factor).
 */
public final class Explanations {
    private static final String[] GROUPS = {"TP", "FP", "FN", "TN"};
    private static final String[] GROUP_MEANING = {
        "foreground predicted as such", "background predicted as foreground", "foreground missed",
        "background predicted as background"};

    private Explanations() {
    }

    /** Whether the entry can be explained. */
    public static boolean available(LossSpec<SegmentationData> spec) {
        return spec.evaluator() instanceof Explainable || LossMaps.hasValues(spec);
    }

    @SuppressWarnings("unchecked")
    public static Explanation of(LossSpec<SegmentationData> spec, SegmentationData data, Params params) {
        if (!spec.appliesTo(data)) {
            throw new EngineException(spec.name() + " " + spec.requirement());
        }
        if (spec.evaluator() instanceof Explainable<?> explainable) {
            return ((Explainable<SegmentationData>) explainable).explain(data, params);
        }
        if (LossMaps.hasValues(spec)) {
            return byPixelGroup(spec, data, params);
        }
        throw new EngineException(spec.name() + ": no breakdown yet (it is neither an overlap loss nor computed pixel by pixel)");
    }

    /** The per-pixel losses summed over TP, FP, FN and TN pixels (threshold 0.5; argmax in multiclass). */
    private static Explanation byPixelGroup(LossSpec<SegmentationData> spec, SegmentationData data, Params params) {
        double value = spec.evaluate(data, params, false).value();
        double[] elements = LossMaps.values(spec, data, params);
        int n = data.pixels();
        boolean wholePixels = elements.length == n && data.mode() == SegMode.MULTICLASS;
        double[] sums = new double[4];
        int[] counts = new int[4];
        double[][] pixels = new double[4][n];
        double total = 0;
        for (int e = 0; e < elements.length; e++) {
            int i = e % n;
            int group = wholePixels ? multiclassGroup(data, i) : elementGroup(data, e);
            if (group < 0) {
                continue;
            }
            sums[group] += elements[e];
            counts[group]++;
            pixels[group][i] += elements[e];
            total += elements[e];
        }
        double factor = total == 0 ? 0 : value / total;
        List<Term> terms = new ArrayList<>();
        terms.add(Term.step("per-pixel loss", (wholePixels ? n + " pixels" : elements.length + " elements (channels x pixels)")
                + ", summed over all: " + Term.fmt(total), total));
        for (int g = 0; g < 4; g++) {
            for (int i = 0; i < n; i++) {
                pixels[g][i] *= factor;
            }
            terms.add(Term.summand(GROUPS[g] + " pixels (" + GROUP_MEANING[g] + ")",
                    String.format(Locale.ROOT, "%s over %d %s x %s", Term.fmt(sums[g]), counts[g],
                            wholePixels ? "pixels" : "elements", Term.fmt(factor)), sums[g] * factor, pixels[g]));
        }
        String reduction = params.choice("reduction"); // present: LossMaps.hasValues checked it
        String note = String.format(Locale.ROOT, "%s is a sum of per-pixel losses; reduction %s multiplies it by %s%s. "
                + "The bars add up to the table's %s.", spec.name(), reduction, Term.fmt(factor),
                factor > 0 && Math.abs(1 / factor - Math.rint(1 / factor)) < 1e-6 * (1 / factor)
                        ? " (1/" + Math.round(1 / factor) + ")" : "", Term.fmt(value));
        return new Explanation(spec.name(), value, terms, note);
    }

    /**
     * 0 TP, 1 FP, 2 FN, 3 TN for element e (channel x pixel) of a loss computed per channel (logit >= 0 is
     * p >= 0.5; a multiclass label is one-hot), -1 for an ignored pixel.
     */
    private static int elementGroup(SegmentationData data, int e) {
        int t;
        if (data.mode() == SegMode.MULTICLASS) {
            int label = data.target()[e % data.pixels()];
            if (label < 0 || label >= data.channels()) {
                return -1;
            }
            t = label == e / data.pixels() ? 1 : 0;
        } else {
            t = data.target()[e];
        }
        if (t == SegParams.IGNORED_LABEL || (t != 0 && t != 1)) {
            return -1;
        }
        boolean predicted = data.prediction()[e] >= 0;
        return t == 1 ? (predicted ? 0 : 2) : (predicted ? 1 : 3);
    }

    /** The same for pixel i of a multiclass scene: the argmax against the label, class 0 the background. */
    private static int multiclassGroup(SegmentationData data, int i) {
        int label = data.target()[i];
        if (label < 0 || label >= data.channels()) {
            return -1;
        }
        int n = data.pixels();
        int best = 0;
        for (int c = 1; c < data.channels(); c++) {
            if (data.prediction()[c * n + i] > data.prediction()[best * n + i]) {
                best = c;
            }
        }
        if (label > 0) {
            return best == label ? 0 : 2;
        }
        return best == 0 ? 3 : 1;
    }
}
