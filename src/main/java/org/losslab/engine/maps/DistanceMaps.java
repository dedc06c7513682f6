package org.losslab.engine.maps;

import java.util.Arrays;
import java.util.function.Function;
import org.losslab.engine.EngineException;
import org.losslab.engine.Params;
import org.losslab.engine.distance.DistanceFields;
import org.losslab.engine.distance.HausdorffDtLoss;
import org.losslab.engine.distance.MaskChannels;
import org.losslab.engine.distance.Skeletonize;
import org.losslab.engine.distance.SoftSkeleton;
import org.losslab.engine.distance.SurfaceDistances;
import org.losslab.engine.seg.Activations;
import org.losslab.engine.seg.Labels;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.engine.seg.TopKCrossEntropyLoss;

/**
 * The maps of the distance, boundary and topology entries, one plane per channel, with the parameters the
 * user gave those entries: what the boundary loss multiplies the probabilities by, which boundary pixels
 * the surface metrics find far off, where the Hausdorff loss puts its weight, the soft skeleton clDice
 * compares and the pixels TopK CE keeps.
 */
final class DistanceMaps {
    private DistanceMaps() {
    }

    static PixelMap compute(MapKind kind, SegmentationData data, MapSettings s, Function<String, Params> params) {
        int n = data.pixels();
        int h = data.height();
        int w = data.width();
        if (kind == MapKind.TOPK_KEPT) {
            return topK(data, params.apply("topk_ce"));
        }
        Labels labels = Labels.of(data, s.ignoreIndex(), kind.key() + " map");
        double[] p = Activations.probabilities(data, true);
        int channels = data.channels();
        double[] out = new double[channels * n];
        for (int c = 0; c < channels; c++) {
            boolean[] truth = new boolean[n];
            for (int i = 0; i < n; i++) {
                truth[i] = labels.valid(c * n + i) == 1 && labels.truth(c * n + i) == 1;
            }
            double[] plane;
            if (kind == MapKind.SIGNED_DISTANCE) {
                plane = MaskChannels.isFull(truth) ? new double[n] : DistanceFields.signed(truth, h, w);
            } else if (kind == MapKind.EDGE_DISTANCE) {
                plane = edgeDistances(MaskChannels.predicted(data, c, s.threshold()), truth, h, w);
            } else if (kind == MapKind.NSD_MARGIN) {
                plane = nsdMargins(MaskChannels.predicted(data, c, params.apply("surface_dice").number("threshold")), truth,
                        h, w, params.apply("surface_dice").number("tolerance"));
            } else if (kind == MapKind.HAUSDORFF_TERMS) {
                double alpha = params.apply("hausdorff_dt").number("alpha");
                double[] weights = HausdorffDtLoss.weights(p, truth, c, h, w, alpha);
                plane = new double[n];
                for (int i = 0; i < n; i++) {
                    double e = p[c * n + i] - (truth[i] ? 1 : 0);
                    plane[i] = e * e * weights[i];
                }
            } else if (kind == MapKind.SKELETONS) {
                boolean[] predictedSkeleton = Skeletonize.cachedSkeleton(
                        MaskChannels.predicted(data, c, s.threshold()), h, w);
                boolean[] truthSkeleton = Skeletonize.cachedSkeleton(truth, h, w);
                plane = new double[n];
                for (int i = 0; i < n; i++) {
                    plane[i] = (truthSkeleton[i] ? 1 : 0) + (predictedSkeleton[i] ? 2 : 0);
                }
            } else if (kind == MapKind.SOFT_SKELETON) {
                int iterations = (int) params.apply("cldice").integer("iterations");
                double[] probability = Arrays.copyOfRange(p, c * n, (c + 1) * n);
                plane = SoftSkeleton.of(probability, h, w, iterations).skeleton();
            } else {
                throw new IllegalStateException(kind.key());
            }
            System.arraycopy(plane, 0, out, c * n, n);
        }
        return new PixelMap(kind, channels, h, w, out);
    }

    /**
     * At each edge pixel of the prediction its distance to the target's edge, at each target edge pixel its
     * distance to the prediction's (the larger where both); 0 off the edges and where the other mask is
     * empty (the distance is then infinite, and the metrics say so).
     */
    static double[] edgeDistances(boolean[] predicted, boolean[] truth, int height, int width) {
        double[] plane = new double[predicted.length];
        if (MaskChannels.isEmpty(predicted) || MaskChannels.isEmpty(truth)) {
            return plane;
        }
        SurfaceDistances d = SurfaceDistances.of(predicted, truth, height, width);
        spread(d.predEdge(), d.predToTruth(), plane);
        spread(d.truthEdge(), d.truthToPred(), plane);
        return plane;
    }

    /**
     * At each edge pixel of either mask its distance to the other mask's edge minus the tolerance (at most 0:
     * NSD counts it), 0 off the edges; an empty side leaves the other's edge at its worst (nothing within).
     */
    static double[] nsdMargins(boolean[] predicted, boolean[] truth, int height, int width, double tolerance) {
        double[] plane = new double[predicted.length];
        if (MaskChannels.isEmpty(predicted) && MaskChannels.isEmpty(truth)) {
            return plane;
        }
        if (MaskChannels.isEmpty(predicted) || MaskChannels.isEmpty(truth)) {
            boolean[] edge = MaskChannels.edges(MaskChannels.isEmpty(predicted) ? truth : predicted, height, width);
            for (int i = 0; i < edge.length; i++) {
                plane[i] = edge[i] ? Math.max(height, width) : 0;
            }
            return plane;
        }
        SurfaceDistances d = SurfaceDistances.of(predicted, truth, height, width);
        double[] within = new double[predicted.length];
        spread(d.predEdge(), d.predToTruth(), within);
        spread(d.truthEdge(), d.truthToPred(), within);
        boolean[] edge = new boolean[predicted.length];
        for (int i = 0; i < edge.length; i++) {
            edge[i] = d.predEdge()[i] || d.truthEdge()[i];
            plane[i] = edge[i] ? within[i] - tolerance : 0;
        }
        return plane;
    }

    private static void spread(boolean[] edge, double[] distances, double[] plane) {
        int k = 0;
        for (int i = 0; i < edge.length; i++) {
            if (edge[i]) {
                plane[i] = Math.max(plane[i], distances[k++]);
            }
        }
    }

    private static PixelMap topK(SegmentationData data, Params params) {
        if (data.mode() != SegMode.MULTICLASS) {
            throw new EngineException("topk_ce needs a multiclass scene");
        }
        double[] ce = TopKCrossEntropyLoss.perPixel(data, Labels.of(data, null, "topk_ce map"));
        boolean[] keep = TopKCrossEntropyLoss.keptMask(data, params);
        double[] out = new double[ce.length];
        for (int i = 0; i < ce.length; i++) {
            out[i] = keep[i] ? ce[i] : 0;
        }
        return new PixelMap(MapKind.TOPK_KEPT, 1, data.height(), data.width(), out);
    }
}
