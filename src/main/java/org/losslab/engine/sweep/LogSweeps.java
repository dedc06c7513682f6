package org.losslab.engine.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.losslab.engine.EngineException;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.seg.Activations;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegParams;
import org.losslab.engine.seg.SegmentationData;

/**
 * The plots of "log or no log": one pixel under cross-entropy, under its twin without the log
 * ({@code mae_prob}) and under focal loss against the probability of its true label; and Dice's loss
 * with and without smp's {@code log_loss} against the Dice value. Every number is a registry entry's
 * value or gradient on a one-pixel scene, and the captions are written from those numbers.
 */
final class LogSweeps {
    /** The probability of the true label the caption reads as "a confident mistake". */
    static final double CONFIDENT_MISTAKE = 0.05;
    private static final String CE = "cross-entropy -log p_t";
    private static final String NO_LOG = "no log: 1 - p_t (mae_prob)";
    static final String PLAIN_DICE = "1 - Dice";
    static final String LOG_DICE = "-log(Dice) (log_loss)";

    private LogSweeps() {
    }

    /** One positive pixel's loss and |dL/dz| against its probability p_t under CE, mae_prob and the user's focal loss. */
    static PlotData noLog(SegmentationData scene, Map<String, Params> params) {
        double[] pt = Sweeps.grid(0.01, 0.99, 99);
        LossSpec<?> focal = LossRegistry.get("focal");
        Params focalParams = params.getOrDefault("focal", focal.defaults());
        String focalLabel = "focal (gamma " + number(focalParams.number("gamma")) + ")";
        List<SweepTerm> terms = List.of(
                new SweepTerm(CE, LossRegistry.get("bce"), LossRegistry.get("bce").defaults()),
                new SweepTerm(NO_LOG, LossRegistry.get("mae_prob"), TeachingSweeps.term("mae_prob", params).params()),
                new SweepTerm(focalLabel, focal, focalParams));
        SweepResult loss = new SweepResult("p_t", pt);
        SweepResult gradient = new SweepResult("p_t", pt);
        TeachingSweeps.copy(Sweeps.pixelProbability(Sweeps.singlePixel(true), 0, 0, terms, pt), loss, gradient);
        int mistake = nearest(pt, CONFIDENT_MISTAKE);
        double[] noLogGradient = gradient.column(NO_LOG);
        int peak = largest(noLogGradient);
        String caption = String.format(Locale.ROOT, "At p_t = %.2f, a confident mistake, |dL/dz| is %.3g under cross-entropy "
                        + "and %.3g under %s but only %.3g without the log, whose gradient p_t (1 - p_t) peaks at p_t = %.2f: "
                        + "the pixels most wrong pull least, so they are learnt slowly. Without the log the loss stays below 1 "
                        + "(%.3g at p_t = %.2f, cross-entropy %.3g), so a flipped label cannot outweigh the rest.",
                pt[mistake], gradient.column(CE)[mistake], gradient.column(focalLabel)[mistake], focalLabel,
                noLogGradient[mistake], pt[peak], loss.column(NO_LOG)[0], pt[0], loss.column(CE)[0]);
        return new PlotData(TeachingPlot.NO_LOG, List.of(loss, gradient), "p_t, the predicted probability of the pixel's true label",
                List.of("loss", "|dL/dz|"), false, trueLabelProbability(scene, TeachingSweeps.probePixel(scene)), Double.NaN,
                PlotData.coinciding(List.of(loss)), caption);
    }

    /**
     * 1 - Dice and -log(Dice) against the Dice value, and the factor each puts on Dice's gradient (|dL/dz| over
     * that of 1 - Dice: 1 and 1/Dice), from the registry's dice entry (smooth 0, the user's eps) on one positive
     * pixel of probability p, whose soft Dice is 2p / (1 + p).
     */
    static PlotData diceLog(SegmentationData scene, Map<String, Params> params) {
        double[] dice = Sweeps.grid(0.02, 0.99, 98);
        SweepTerm[] terms = diceTerms(params);
        SweepResult loss = new SweepResult("Dice", dice);
        SweepResult scale = new SweepResult("Dice", dice);
        double[] plainLoss = loss.addColumn(PLAIN_DICE);
        double[] logLoss = loss.addColumn(LOG_DICE);
        double[] plainScale = scale.addColumn(PLAIN_DICE);
        double[] logScale = scale.addColumn(LOG_DICE);
        for (int i = 0; i < dice.length; i++) {
            double[] at = atDice(terms, dice[i]);
            plainLoss[i] = at[0];
            logLoss[i] = at[1];
            plainScale[i] = 1;
            logScale[i] = at[2];
        }
        List<String> notes = new ArrayList<>();
        double sceneDice = sceneDice(scene, params, notes);
        boolean readScene = sceneDice >= dice[0] && sceneDice <= dice[dice.length - 1];
        double read = readScene ? sceneDice : 0.5;
        double[] at = atDice(terms, read);
        String caption = String.format(Locale.ROOT, "At Dice = %.3f%s, -log(Dice) = %.3f against 1 - Dice = %.3f, and "
                        + "log_loss multiplies Dice's gradient by 1/Dice = %.3g. The factor is %.3g at Dice = %.2f and %.3g at "
                        + "%.2f: the log pushes hardest while the overlap is poor and is the plain Dice loss near the optimum.",
                read, readScene ? " (this scene's soft Dice)" : "", at[1], at[0], at[2], logScale[0], dice[0],
                logScale[dice.length - 1], dice[dice.length - 1]);
        return new PlotData(TeachingPlot.DICE_LOG, List.of(loss, scale), "soft Dice score",
                List.of("loss", "gradient scale |dL/dDice|"), false, sceneDice, Double.NaN, notes, caption);
    }

    /** The registry's Dice loss without and with log_loss, smooth 0 (so that one pixel reaches any Dice), the user's eps. */
    private static SweepTerm[] diceTerms(Map<String, Params> params) {
        LossSpec<?> spec = LossRegistry.get("dice");
        double eps = params.getOrDefault("dice", spec.defaults()).number("eps");
        Params plain = spec.defaults().with("dice", spec.params(), "eps", eps);
        return new SweepTerm[] {new SweepTerm(PLAIN_DICE, spec, plain),
            new SweepTerm(LOG_DICE, spec, plain.with("dice", spec.params(), "log_loss", true))};
    }

    /** {1 - Dice, -log(Dice), the ratio of their gradients} on one positive pixel whose soft Dice is {@code dice}. */
    private static double[] atDice(SweepTerm[] terms, double dice) {
        double p = dice / (2 - dice);
        SweepResult r = Sweeps.pixelProbability(Sweeps.singlePixel(true), 0, 0, List.of(terms), new double[] {p});
        double plainGradient = r.column("|dL/dz| " + PLAIN_DICE)[0];
        return new double[] {r.column(PLAIN_DICE)[0], r.column(LOG_DICE)[0],
            r.column("|dL/dz| " + LOG_DICE)[0] / plainGradient};
    }

    /** The scene's soft Dice, 1 - dice with the user's parameters and log_loss off; NaN (and a note) where undefined. */
    private static double sceneDice(SegmentationData scene, Map<String, Params> params, List<String> notes) {
        SweepTerm dice = TeachingSweeps.term("dice", params).with("log_loss", false);
        try {
            double score = 1 - dice.value(scene);
            if (score == 1 && !hasForeground(scene)) {
                notes.add("the target has no foreground: smp's Dice loss skips the absent class (loss 0), marked at Dice = 1");
            }
            return score;
        } catch (EngineException e) {
            notes.add("no scene Dice: " + e.getMessage());
            return Double.NaN;
        }
    }

    private static boolean hasForeground(SegmentationData scene) {
        for (int t : scene.target()) {
            if (t > 0 && t != SegParams.IGNORED_LABEL) {
                return true;
            }
        }
        return false;
    }

    /** The probability the scene gives the true label of one pixel (channel 0 in multilabel); NaN if it is ignored. */
    static double trueLabelProbability(SegmentationData scene, int pixel) {
        int t = scene.target()[pixel];
        if (t == SegParams.IGNORED_LABEL) {
            return Double.NaN;
        }
        double[] x = scene.prediction();
        if (scene.mode() == SegMode.MULTICLASS) {
            int n = scene.pixels();
            return Math.exp(x[t * n + pixel] - Activations.logSumExp(x, pixel, n, scene.channels()));
        }
        return Activations.sigmoid(t == 1 ? x[pixel] : -x[pixel]);
    }

    private static int nearest(double[] grid, double value) {
        int best = 0;
        for (int i = 1; i < grid.length; i++) {
            if (Math.abs(grid[i] - value) < Math.abs(grid[best] - value)) {
                best = i;
            }
        }
        return best;
    }

    private static int largest(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
