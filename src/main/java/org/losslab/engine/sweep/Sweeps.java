package org.losslab.engine.sweep;

import java.util.List;
import org.losslab.engine.EngineException;
import org.losslab.engine.Evaluation;
import org.losslab.engine.box.BoxPairs;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/**
 * Sweeps: every term evaluated while one thing varies. Scene sweeps change a copy of the scene, never
 * the scene itself; at logit scale 1 the scene is evaluated exactly as {@code eval} does.
 */
public final class Sweeps {
    private Sweeps() {
    }

    /** from, ..., to in {@code steps} evenly spaced values. */
    public static double[] grid(double from, double to, int steps) {
        if (steps < 2) {
            throw new EngineException("steps: need at least 2, got " + steps);
        }
        double[] x = new double[steps];
        for (int i = 0; i < steps; i++) {
            x[i] = i == steps - 1 ? to : from + (to - from) * i / (steps - 1);
        }
        return x;
    }

    /** The confidence of the whole prediction: all logits multiplied by s. */
    public static SweepResult logitScale(SegmentationData scene, List<SweepTerm> terms, double[] scales) {
        SweepResult result = new SweepResult("logit_scale", scales);
        double[][] columns = columns(result, terms);
        double[] base = scene.prediction();
        for (int i = 0; i < scales.length; i++) {
            double[] scaled = new double[base.length];
            for (int k = 0; k < base.length; k++) {
                scaled[k] = base[k] * scales[i];
            }
            SegmentationData s = scene.withPrediction(scaled);
            for (int t = 0; t < terms.size(); t++) {
                columns[t][i] = terms.get(t).value(s);
            }
        }
        return result;
    }

    /**
     * One pixel's predicted probability p (its logit log(p / (1 - p))) in a scene, with each loss and
     * the magnitude of its gradient with respect to that pixel's logit. In multiclass mode the pixel's
     * {@code channel} logit is set against the others' mean.
     */
    public static SweepResult pixelProbability(SegmentationData scene, int pixel, int channel, List<SweepTerm> terms,
                                               double[] probabilities) {
        if (pixel < 0 || pixel >= scene.pixels()) {
            throw new EngineException("pixel: " + pixel + " is outside 0.." + (scene.pixels() - 1));
        }
        SweepResult result = new SweepResult("probability", probabilities);
        double[][] values = new double[terms.size()][];
        double[][] gradients = new double[terms.size()][];
        for (int t = 0; t < terms.size(); t++) {
            values[t] = result.addColumn(terms.get(t).label());
            gradients[t] = result.addColumn("|dL/dz| " + terms.get(t).label());
        }
        int index = channel * scene.pixels() + pixel;
        for (int i = 0; i < probabilities.length; i++) {
            double p = probabilities[i];
            double[] x = scene.prediction().clone();
            double logit = Math.log(p) - Math.log1p(-p);
            if (scene.mode() == SegMode.MULTICLASS) {
                // softmax(p) of this channel against the others held equal
                logit += Math.log(scene.channels() - 1.0);
                for (int c = 0; c < scene.channels(); c++) {
                    x[c * scene.pixels() + pixel] = c == channel ? logit : 0;
                }
            } else {
                x[index] = logit;
            }
            SegmentationData s = scene.withPrediction(x);
            for (int t = 0; t < terms.size(); t++) {
                Evaluation e = terms.get(t).evaluate(s, true);
                values[t][i] = e.value();
                double[] g = e.gradient().get("prediction");
                gradients[t][i] = g == null ? 0 : Math.abs(g[index]);
            }
        }
        return result;
    }

    /** A one-pixel scene whose target is 1 (a positive pixel) or 0: the classic focal-loss figure. */
    public static SegmentationData singlePixel(boolean positive) {
        return new SegmentationData(SegMode.BINARY, 1, 1, 1, new double[] {0}, new int[] {positive ? 1 : 0});
    }

    /**
     * Class imbalance: a 100 x 100 binary scene whose first round(f N) pixels are foreground, predicted
     * by a fixed predictor: a share {@code fnRate} of the foreground and {@code fpRate} of the
     * background is wrong, a wrong pixel getting probability {@code confidence} for the wrong class and
     * a right one {@code confidence} for the right class.
     */
    public static SegmentationData imbalanceScene(double foregroundFraction, double fpRate, double fnRate,
                                                  double confidence) {
        int n = 100;
        int total = n * n;
        int foreground = (int) Math.max(1, Math.round(foregroundFraction * total));
        int misses = (int) Math.round(fnRate * foreground);
        int falseAlarms = (int) Math.round(fpRate * (total - foreground));
        double sure = Math.log(confidence) - Math.log1p(-confidence);
        double[] x = new double[total];
        int[] t = new int[total];
        for (int i = 0; i < total; i++) {
            boolean isForeground = i < foreground;
            t[i] = isForeground ? 1 : 0;
            boolean wrong = isForeground ? i < misses : i - foreground < falseAlarms;
            boolean predictedForeground = isForeground != wrong;
            x[i] = predictedForeground ? sure : -sure;
        }
        return new SegmentationData(SegMode.BINARY, 1, n, n, x, t);
    }

    public static SweepResult foregroundFraction(List<SweepTerm> terms, double[] fractions, double fpRate, double fnRate,
                                                 double confidence) {
        SweepResult result = new SweepResult("foreground_fraction", fractions);
        double[][] columns = columns(result, terms);
        for (int i = 0; i < fractions.length; i++) {
            SegmentationData s = imbalanceScene(fractions[i], fpRate, fnRate, confidence);
            for (int t = 0; t < terms.size(); t++) {
                columns[t][i] = terms.get(t).value(s);
            }
        }
        return result;
    }

    /** Any numeric parameter (gamma, smooth, alpha, ...) of the terms that have it. */
    public static <I> SweepResult parameter(I scene, List<SweepTerm> terms, String param, double[] values) {
        List<SweepTerm> having = terms.stream().filter(t -> t.has(param)).toList();
        if (having.isEmpty()) {
            throw new EngineException("none of the losses has a parameter '" + param + "'");
        }
        SweepResult result = new SweepResult(param, values);
        double[][] columns = columns(result, having);
        for (int i = 0; i < values.length; i++) {
            for (int t = 0; t < having.size(); t++) {
                columns[t][i] = having.get(t).with(param, values[i]).value(scene);
            }
        }
        return result;
    }

    /** Tversky along alpha with beta = 1 - alpha. */
    public static <I> SweepResult tverskyLine(I scene, List<SweepTerm> terms, double[] alphas) {
        List<SweepTerm> having = terms.stream().filter(t -> t.has("alpha") && t.has("beta")).toList();
        if (having.isEmpty()) {
            throw new EngineException("the Tversky sweep needs a loss with alpha and beta (tversky)");
        }
        SweepResult result = new SweepResult("alpha", alphas);
        double[][] columns = columns(result, having);
        for (int i = 0; i < alphas.length; i++) {
            for (int t = 0; t < having.size(); t++) {
                columns[t][i] = having.get(t).with("alpha", alphas[i]).with("beta", 1 - alphas[i]).value(scene);
            }
        }
        return result;
    }

    /** A loss over the (alpha, beta) grid: one row per (alpha, beta) pair, alpha varying slowest. */
    public static <I> SweepResult tverskyGrid(I scene, SweepTerm term, double[] alphas, double[] betas) {
        double[] rows = new double[alphas.length * betas.length];
        SweepResult result = new SweepResult("alpha", alphasRepeated(alphas, betas.length, rows));
        double[] beta = result.addColumn("beta");
        double[] value = result.addColumn(term.label());
        for (int a = 0; a < alphas.length; a++) {
            for (int b = 0; b < betas.length; b++) {
                int row = a * betas.length + b;
                beta[row] = betas[b];
                value[row] = term.with("alpha", alphas[a]).with("beta", betas[b]).value(scene);
            }
        }
        return result;
    }

    private static double[] alphasRepeated(double[] alphas, int times, double[] out) {
        for (int a = 0; a < alphas.length; a++) {
            for (int b = 0; b < times; b++) {
                out[a * times + b] = alphas[a];
            }
        }
        return out;
    }

    /** A predicted box moved horizontally by dx from its position, each pair's loss. */
    public static SweepResult boxShift(BoxPairs pair, List<SweepTerm> terms, double[] shifts) {
        SweepResult result = new SweepResult("dx", shifts);
        double[][] columns = columns(result, terms);
        for (int i = 0; i < shifts.length; i++) {
            double[] p = pair.predicted().clone();
            for (int k = 0; k < p.length; k += 4) {
                p[k] += shifts[i];
                p[k + 2] += shifts[i];
            }
            BoxPairs moved = pair.withPredicted(p);
            for (int t = 0; t < terms.size(); t++) {
                columns[t][i] = terms.get(t).value(moved);
            }
        }
        return result;
    }

    /** A predicted box scaled about its centre by s. */
    public static SweepResult boxScale(BoxPairs pair, List<SweepTerm> terms, double[] scales) {
        SweepResult result = new SweepResult("scale", scales);
        double[][] columns = columns(result, terms);
        for (int i = 0; i < scales.length; i++) {
            double[] p = pair.predicted().clone();
            for (int k = 0; k < p.length; k += 4) {
                double cx = (p[k] + p[k + 2]) / 2;
                double cy = (p[k + 1] + p[k + 3]) / 2;
                double hw = (p[k + 2] - p[k]) / 2 * scales[i];
                double hh = (p[k + 3] - p[k + 1]) / 2 * scales[i];
                p[k] = cx - hw;
                p[k + 1] = cy - hh;
                p[k + 2] = cx + hw;
                p[k + 3] = cy + hh;
            }
            BoxPairs scaled = pair.withPredicted(p);
            for (int t = 0; t < terms.size(); t++) {
                columns[t][i] = terms.get(t).value(scaled);
            }
        }
        return result;
    }

    private static double[][] columns(SweepResult result, List<SweepTerm> terms) {
        double[][] columns = new double[terms.size()][];
        for (int t = 0; t < terms.size(); t++) {
            columns[t] = result.addColumn(terms.get(t).label());
        }
        return columns;
    }
}
