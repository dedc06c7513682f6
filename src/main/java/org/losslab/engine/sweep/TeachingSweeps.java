package org.losslab.engine.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.box.BoxPairs;
import org.losslab.engine.distance.MaskChannels;
import org.losslab.engine.distance.SurfaceDistances;
import org.losslab.engine.seg.Activations;
import org.losslab.engine.seg.Labels;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegParams;
import org.losslab.engine.seg.SegmentationData;

/**
 * Computes the data of each teaching plot from the scene, the losses chosen for plotting and their
 * parameters; every number comes from the registry's losses through {@link Sweeps}.
 */
public final class TeachingSweeps {
    private static final double[] FOCAL_GAMMAS = {1, 2, 5};

    private TeachingSweeps() {
    }

    /**
     * @param scene    the segmentation scene (its logits and target)
     * @param boxes    a box pair for the box plot, or null for the built-in pair
     * @param selected the segmentation losses to plot where a plot takes a choice
     * @param params   every loss's parameters, by name
     */
    public static PlotData compute(TeachingPlot plot, SegmentationData scene, BoxPairs boxes, List<String> selected,
                                   Map<String, Params> params) {
        switch (plot) {
            case PIXEL:
                return pixel(scene, params);
            case CONFIDENCE: {
                SweepResult r = Sweeps.logitScale(scene, terms(selected, params, scene), Sweeps.grid(0, 4, 81));
                return new PlotData(plot, List.of(r), "logit scale (confidence)", List.of("loss"), false, 1.0);
            }
            case IMBALANCE: {
                SweepResult r = Sweeps.foregroundFraction(terms(selected, params, Sweeps.singlePixel(true)), logGrid(0.001, 0.5, 60),
                        0.02, 0.1, 0.9);
                return new PlotData(plot, List.of(r), "foreground fraction", List.of("loss"), true, foregroundFraction(scene));
            }
            case TVERSKY:
                return tversky(scene, params);
            case TVERSKY_GRID: {
                SweepTerm t = term("tversky", params);
                double[] axis = Sweeps.grid(0, 1, 26);
                SweepResult r = Sweeps.tverskyGrid(scene, t, axis, axis);
                return new PlotData(plot, List.of(r), "alpha", List.of("beta"), false, params.get("tversky").number("alpha"),
                        params.get("tversky").number("beta"));
            }
            case GAMMA:
                return gamma(scene, params);
            case BOXES:
                return boxes(boxes == null ? defaultPair() : boxes, params);
            case DISTANCES:
                return distances(scene, params);
            case DFL:
                return DetectionSweeps.dfl(params);
            case QUALITY:
                return DetectionSweeps.quality(boxes == null ? defaultPair() : boxes, params);
            case TINY_BOXES:
                return DetectionSweeps.tinyBoxes(params);
            case SIOU_ANGLE:
                return DetectionSweeps.siouAngle(params);
            case BOUNDARY_WEIGHT:
                return boundaryWeight(scene, params);
            case FBETA:
                return fbeta(scene, params);
            case NO_LOG:
                return LogSweeps.noLog(scene, params);
            case DICE_LOG:
                return LogSweeps.diceLog(scene, params);
            case VOLUME_MM:
            case VOLUME_VOXELS:
                throw new EngineException(plot.key() + " draws a volume case, not the scene: VolumePlots.compute draws it");
            default:
                throw new IllegalStateException(plot.toString());
        }
    }

    /** Terms for the chosen losses that the registry says take scenes like {@code probe} (its mode). */
    static List<SweepTerm> terms(List<String> selected, Map<String, Params> params, SegmentationData probe) {
        List<SweepTerm> out = new ArrayList<>();
        for (String name : selected) {
            @SuppressWarnings("unchecked")
            LossSpec<SegmentationData> spec = (LossSpec<SegmentationData>) LossRegistry.get(name);
            if (spec.appliesTo(probe)) {
                out.add(term(name, params));
            }
        }
        return out;
    }

    static SweepTerm term(String name, Map<String, Params> params) {
        LossSpec<?> spec = LossRegistry.get(name);
        Params p = params.getOrDefault(name, spec.defaults());
        return new SweepTerm(name, spec, p);
    }

    static double[] logGrid(double from, double to, int steps) {
        double[] x = new double[steps];
        for (int i = 0; i < steps; i++) {
            x[i] = Math.exp(Math.log(from) + (Math.log(to) - Math.log(from)) * i / (steps - 1));
        }
        return x;
    }

    static double foregroundFraction(SegmentationData d) {
        int n = d.pixels();
        long fg = 0;
        long valid = 0;
        for (int i = 0; i < d.target().length; i++) {
            int t = d.target()[i];
            if (t != SegParams.IGNORED_LABEL) {
                valid++;
                fg += t > 0 ? 1 : 0;
            }
        }
        return valid == 0 ? Double.NaN : Math.max(1e-4, (double) fg / valid);
    }

    /** The scene pixel the pixel plot moves: the foreground pixel nearest the foreground's centre. */
    public static int probePixel(SegmentationData d) {
        int w = d.width();
        double sy = 0;
        double sx = 0;
        int count = 0;
        for (int i = 0; i < d.pixels(); i++) {
            int t = d.target()[i];
            if (t > 0 && t != SegParams.IGNORED_LABEL) {
                sy += i / w;
                sx += i % w;
                count++;
            }
        }
        if (count == 0) {
            return (d.height() / 2) * w + d.width() / 2;
        }
        double cy = sy / count;
        double cx = sx / count;
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < d.pixels(); i++) {
            int t = d.target()[i];
            if (t > 0 && t != SegParams.IGNORED_LABEL) {
                double dd = (i / w - cy) * (i / w - cy) + (i % w - cx) * (i % w - cx);
                if (dd < bestDistance) {
                    bestDistance = dd;
                    best = i;
                }
            }
        }
        return best;
    }

    private static PlotData pixel(SegmentationData scene, Map<String, Params> params) {
        double[] p = Sweeps.grid(0.005, 0.995, 100);
        SweepResult loss = new SweepResult("probability", p);
        SweepResult gradient = new SweepResult("probability", p);
        Params focal = params.get("focal");
        for (boolean positive : new boolean[] {true, false}) {
            String tag = positive ? " (t=1)" : " (t=0)";
            List<SweepTerm> terms = new ArrayList<>();
            terms.add(new SweepTerm("CE" + tag, LossRegistry.get("bce"), LossRegistry.get("bce").defaults()));
            // the literature's gammas, and the user's own (labelled as theirs) when it is another one
            double own = focal.number("gamma");
            SortedSet<Double> gammas = new TreeSet<>();
            for (double g : FOCAL_GAMMAS) {
                gammas.add(g);
            }
            gammas.add(own);
            for (double g : gammas) {
                boolean yours = g == own && Arrays.stream(FOCAL_GAMMAS).noneMatch(x -> x == own);
                terms.add(new SweepTerm("focal g=" + g + (yours ? " (yours)" : "") + tag, LossRegistry.get("focal"),
                        focal.with("focal", LossRegistry.get("focal").params(), "gamma", g)));
            }
            copy(Sweeps.pixelProbability(Sweeps.singlePixel(positive), 0, 0, terms, p), loss, gradient);
        }
        int probe = probePixel(scene);
        int channel = scene.mode() == SegMode.MULTICLASS ? Math.max(1, scene.target()[probe]) : 0;
        List<SweepTerm> sceneTerms = List.of(
                new SweepTerm("Dice, scene pixel", LossRegistry.get("dice"), params.get("dice")),
                new SweepTerm("Tversky, scene pixel", LossRegistry.get("tversky"), params.get("tversky")));
        copy(Sweeps.pixelProbability(scene, probe, channel, sceneTerms, p), loss, gradient);
        double current = scene.mode() == SegMode.MULTICLASS ? Double.NaN : Activations.sigmoid(scene.prediction()[probe]);
        return new PlotData(TeachingPlot.PIXEL, List.of(loss, gradient), "predicted probability p of the foreground",
                List.of("loss", "|dL/dz|"), false, current);
    }

    static void copy(SweepResult from, SweepResult loss, SweepResult gradient) {
        for (String c : from.columns()) {
            boolean isGradient = c.startsWith("|dL/dz| ");
            double[] target = isGradient ? gradient.addColumn(c.substring("|dL/dz| ".length())) : loss.addColumn(c);
            System.arraycopy(from.column(c), 0, target, 0, target.length);
        }
    }

    private static PlotData tversky(SegmentationData scene, Map<String, Params> params) {
        double[] alphas = Sweeps.grid(0.02, 0.98, 49);
        SweepTerm t = term("tversky", params);
        SweepResult line = Sweeps.tverskyLine(scene, List.of(t), alphas);
        SweepResult ratio = new SweepResult("alpha", alphas);
        double[] column = ratio.addColumn("|dL/dp| on a missed pixel / on a false alarm");
        double[] counts = SoftCounts.of(scene);
        Params p = params.get("tversky");
        for (int i = 0; i < alphas.length; i++) {
            double[] g = SoftCounts.tverskyPixelGradients(counts, alphas[i], 1 - alphas[i], p.number("smooth"), p.number("eps"));
            column[i] = Math.abs(g[0]) / Math.max(1e-300, Math.abs(g[1]));
        }
        return new PlotData(TeachingPlot.TVERSKY, List.of(line, ratio), "alpha (beta = 1 - alpha)",
                List.of("Tversky loss", "gradient ratio FN / FP"), false, p.number("alpha"));
    }

    /**
     * The empirical distribution of the boundary distances of the scene's first foreground channel (binary: its
     * channel; multiclass: class 1; multilabel: channel 0) at the user's threshold: the share of edge pixels
     * within each distance, both ways and pooled; the operating point is surface_dice's tolerance.
     */
    private static PlotData distances(SegmentationData scene, Map<String, Params> params) {
        int channel = scene.mode() == SegMode.MULTICLASS ? 1 : 0;
        Params hd = params.get("hausdorff_distance");
        boolean[] predicted = MaskChannels.predicted(scene, channel, hd.number("threshold"));
        boolean[] truth = MaskChannels.truth(
                Labels.of(scene, (long) SegParams.IGNORED_LABEL, "distances"),
                channel, scene.pixels());
        double tolerance = params.get("surface_dice").number("tolerance");
        List<String> notes = new ArrayList<>();
        SurfaceDistances d;
        if (MaskChannels.isEmpty(predicted)
                || MaskChannels.isEmpty(truth)) {
            d = new SurfaceDistances(new double[0], new double[0], predicted, truth);
            notes.add("one mask is empty: its boundary is infinitely far, HD and ASSD are undefined");
        } else {
            d = SurfaceDistances.of(predicted, truth, scene.height(), scene.width());
        }
        double[] forward = d.predToTruth();
        double[] backward = d.truthToPred();
        double longest = Math.max(tolerance, Math.max(max(forward), max(backward)));
        double[] grid = Sweeps.grid(0, Math.max(1, longest * 1.05), 241);
        SweepResult r = new SweepResult("distance (pixels)", grid);
        double[] a = r.addColumn("prediction -> target");
        double[] b = r.addColumn("target -> prediction");
        double[] pooled = r.addColumn("both (NSD at the tolerance)");
        for (int k = 0; k < grid.length; k++) {
            a[k] = shareWithin(forward, grid[k]);
            b[k] = shareWithin(backward, grid[k]);
            int n = forward.length + backward.length;
            pooled[k] = n == 0 ? 0 : (a[k] * forward.length + b[k] * backward.length) / n;
        }
        if (forward.length > 0 && backward.length > 0) {
            Double percentile = hd.optionalNumber("percentile");
            double p = percentile == null || percentile == 0 ? 100 : percentile;
            double sum = Arrays.stream(forward).sum() + Arrays.stream(backward).sum();
            String percentileText = p == 100 ? "" : String.format(Locale.ROOT, ", HD%s %.3f", trimmed(p),
                    Math.max(SurfaceDistances.quantile(forward, p / 100),
                            SurfaceDistances.quantile(backward, p / 100)));
            notes.add(String.format(Locale.ROOT, "HD %.3f%s, ASSD %.3f, NSD(%.2f) %.3f (channel %d)",
                    Math.max(max(forward), max(backward)), percentileText,
                    sum / (forward.length + backward.length), tolerance,
                    (shareWithin(forward, tolerance) * forward.length + shareWithin(backward, tolerance) * backward.length)
                            / (forward.length + backward.length), channel));
        }
        return new PlotData(TeachingPlot.DISTANCES, List.of(r), "distance to the other boundary (pixels)",
                List.of("share of edge pixels within it"), false, tolerance, Double.NaN, notes);
    }

    /** (1 - alpha) Dice + alpha boundary on the scene, alpha from 0 to 1 (binary and multiclass scenes). */
    private static PlotData boundaryWeight(SegmentationData scene, Map<String, Params> params) {
        double[] alphas = Sweeps.grid(0, 1, 51);
        SweepResult r = new SweepResult("alpha", alphas);
        double[] dice = r.addColumn("dice");
        double[] boundary = r.addColumn("boundary");
        double[] sum = r.addColumn("(1 - alpha) dice + alpha boundary");
        List<String> notes = new ArrayList<>();
        double d = term("dice", params).value(scene);
        double b;
        try {
            b = term("boundary", params).value(scene);
        } catch (EngineException e) {
            b = Double.NaN;
            notes.add("boundary loss undefined here: " + e.getMessage());
        }
        for (int k = 0; k < alphas.length; k++) {
            dice[k] = d;
            boundary[k] = b;
            sum[k] = (1 - alphas[k]) * d + alphas[k] * b;
        }
        return new PlotData(TeachingPlot.BOUNDARY_WEIGHT, List.of(r), "alpha (weight of the boundary loss)", List.of("loss"),
                false, Double.NaN, Double.NaN, notes);
    }

    /**
     * Over beta: the registry's Tversky loss at alpha = 1/(1+b^2), beta_T = b^2/(1+b^2) (the user's other Tversky
     * parameters kept), 1 - F-beta on the foreground's soft counts, and 1 - fbeta_score (hard, the user's threshold).
     * The first two are the same function on a binary scene with smooth 0; the note says how far apart they are here.
     */
    private static PlotData fbeta(SegmentationData scene, Map<String, Params> params) {
        double[] betas = logGrid(0.25, 4, 61);
        SweepResult r = new SweepResult("beta", betas);
        double[] tversky = r.addColumn("tversky(alpha = 1/(1+b^2), beta = b^2/(1+b^2))");
        double[] softF = r.addColumn("1 - F-beta of the soft counts");
        double[] hardF = r.addColumn("1 - fbeta_score (thresholded)");
        SweepTerm t = term("tversky", params);
        SweepTerm f = term("fbeta_score", params);
        double[] counts = SoftCounts.of(scene);
        double largestGap = 0;
        for (int k = 0; k < betas.length; k++) {
            double b2 = betas[k] * betas[k];
            tversky[k] = t.with("alpha", 1 / (1 + b2)).with("beta", b2 / (1 + b2)).value(scene);
            softF[k] = 1 - (1 + b2) * counts[0] / Math.max((1 + b2) * counts[0] + b2 * counts[2] + counts[1], 1e-300);
            hardF[k] = 1 - f.with("beta", betas[k]).value(scene);
            largestGap = Math.max(largestGap, Math.abs(tversky[k] - softF[k]));
        }
        Params tp = params.getOrDefault("tversky", t.params());
        List<String> notes = new ArrayList<>();
        String setting = scene.mode() != SegMode.BINARY ? " (the soft counts are the foreground channel's; Tversky "
                + "averages its classes)" : tp.number("smooth") != 0 || tp.number("gamma") != 1 || tp.bool("log_loss")
                ? " (Tversky's smooth, gamma or log_loss is not the identity's 0, 1, false)" : "";
        notes.add(String.format(Locale.ROOT, "identity on this scene: largest |tversky - (1 - soft F-beta)| = %.2e%s",
                largestGap, setting));
        return new PlotData(TeachingPlot.FBETA, List.of(r), "beta (F-beta's weight of recall)", List.of("loss"), true,
                params.getOrDefault("fbeta_score", f.params()).number("beta"), Double.NaN, withCoinciding(r, notes));
    }

    private static List<String> withCoinciding(SweepResult panel, List<String> notes) {
        List<String> all = new ArrayList<>(notes);
        all.addAll(PlotData.coinciding(List.of(panel)));
        return all;
    }

    private static String trimmed(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }

    private static double max(double[] values) {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static double shareWithin(double[] distances, double limit) {
        if (distances.length == 0) {
            return 0;
        }
        int n = 0;
        for (double v : distances) {
            n += v <= limit ? 1 : 0;
        }
        return (double) n / distances.length;
    }

    private static PlotData gamma(SegmentationData scene, Map<String, Params> params) {
        double[] gammas = Sweeps.grid(0, 5, 51);
        SweepResult r = new SweepResult("gamma", gammas);
        SweepTerm f = term("focal", params);
        SweepTerm ft = term("tversky", params);
        double[] focalValues = r.addColumn("focal (scene)");
        double[] tverskyValues = r.addColumn("Focal Tversky (scene)");
        for (int i = 0; i < gammas.length; i++) {
            focalValues[i] = f.with("gamma", gammas[i]).value(scene);
            tverskyValues[i] = ft.with("gamma", gammas[i]).value(scene);
        }
        return new PlotData(TeachingPlot.GAMMA, List.of(r), "gamma", List.of("loss"), false,
                params.get("focal").number("gamma"));
    }

    static BoxPairs defaultPair() {
        return new BoxPairs(new double[] {40, 40, 80, 90}, new double[] {40, 40, 80, 90});
    }

    private static PlotData boxes(BoxPairs pairs, Map<String, Params> params) {
        BoxPairs first = new BoxPairs(Arrays.copyOf(pairs.predicted(), 4), Arrays.copyOf(pairs.target(), 4));
        double width = first.target()[2] - first.target()[0];
        List<SweepTerm> terms = new ArrayList<>();
        for (LossSpec<BoxPairs> spec : LossRegistry.of(Domains.BOXES)) {
            if (spec.plottedByDefault()) {
                terms.add(term(spec.name(), params));
            }
        }
        SweepResult shift = Sweeps.boxShift(first, terms, Sweeps.grid(-2.5 * width, 2.5 * width, 201));
        SweepResult scale = Sweeps.boxScale(first, terms, logGrid(0.2, 5, 121));
        return new PlotData(TeachingPlot.BOXES, List.of(shift, scale), "horizontal shift dx (pixels) | scale",
                List.of("loss vs shift", "loss vs scale"), false, 0);
    }
}
