package org.losslab.engine.volume;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
import org.losslab.engine.GridEvaluator;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.LossSpec.Role;
import org.losslab.engine.Params;
import org.losslab.engine.WorkingMemory;
import org.losslab.engine.distance.MaskChannels;
import org.losslab.engine.distance.SurfaceDistanceMetric;
import org.losslab.engine.distance.SurfaceDistanceMetric.ChannelDistances;
import org.losslab.engine.distance.SurfaceMetrics;
import org.losslab.engine.paint.MapOperations;
import org.losslab.engine.seg.ConfusionCounts;
import org.losslab.engine.seg.ConfusionMetric;
import org.losslab.engine.seg.Labels;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/**
 * The registry's segmentation entries on a whole volume case, the prediction read as the slices read it (the sure
 * logits of its labels, {@link VolumePair#sliceScene}). What each entry gives is its registry roles' business:
 * <ul>
 * <li>{@link Role#VOXELWISE}: the same formula over every voxel. The count-based metrics (f1, iou, precision, ...) take
 * their confusion counts from one fused pass over the byte volumes ({@link LabelPairs}): each (truth, prediction) label
 * pair's counts, as the engine counts one pixel of it, times its voxels; no per-voxel copy. The soft losses are
 * evaluated on one flat scene, the volume's axial slice scenes stacked (so they read the prediction exactly as the
 * slices do), built once for all of them and refused, with the reason, when it and their working memory would pass
 * {@link WorkingMemory#LIMIT_BYTES}.</li>
 * <li>{@link Role#SURFACE_3D}: MONAI's 3-D boundary distances with the voxel spacing, in mm (surface Dice's tolerance
 * read in mm).</li>
 * <li>an evaluator that is a {@link GridEvaluator} (MONAI's HausdorffDTLoss, Kervadec's boundary loss): its definition
 * on the volume's grid, the distance maps in 3-D on the flat scene, in voxels as those references compute them.</li>
 * <li>none of these: 2-D only, with the reason.</li>
 * </ul>
 */
public final class VolumeEvaluation {
    /** Why an entry without a 3-D reading has no volume value. */
    public static final String PLANAR_ONLY = "2-D only: it is built on one image's pixel grid (a skeleton, a boundary band, "
            + "a distance or weight map in pixels), which the engine computes in 2-D; a 3-D definition is not implemented";
    /** Doubles of working memory a soft loss takes per value of the scene (probabilities, labels, sort keys). */
    private static final long WORKING_BYTES_PER_VALUE = 6 * Double.BYTES;

    /** One entry's value on the volume (NaN with a message when it has none), and its unit ("" for none). */
    public record Value(String name, double value, String unit, String message) {
    }

    private final VolumePair pair;
    private final LabelPairs pairs;
    /** One pixel per label pair: the pair's truth label and its prediction's sure logits. */
    private final SegmentationData pairScene;
    private SegmentationData flat;
    /** The flat scene's voxels as a {slices, rows, columns} grid: the volume's, re-indexed the way its slices show it. */
    private int[] grid;
    /** Each channel's boundary distances by threshold: HD, ASSD and NSD of a channel share one measurement. */
    private final Map<String, ChannelDistances> distances = new ConcurrentHashMap<>();

    private VolumeEvaluation(VolumePair pair) {
        this.pair = pair;
        pairs = LabelPairs.of(pair.labels(), pair.prediction());
        int p = pairs.size();
        int channels = channels(pair);
        int[] truth = new int[p];
        int[] predicted = new int[p];
        for (int j = 0; j < p; j++) {
            truth[j] = pairs.truth(j);
            predicted[j] = pairs.predicted(j);
        }
        double[] logits = MapOperations.fromTarget(new SegmentationData(pair.mode(), channels, 1, p,
                new double[channels * p], predicted));
        pairScene = new SegmentationData(pair.mode(), channels, 1, p, logits, truth);
    }

    /** Prepares a case's evaluation: one pass over its voxels. */
    public static VolumeEvaluation of(VolumePair pair) {
        return new VolumeEvaluation(pair);
    }

    /** How an entry is read on a volume, in words (a cell's tooltip): its formula over every voxel, 3-D in mm, or 2-D only. */
    public static String reading(LossSpec<SegmentationData> spec) {
        if (spec.has(Role.SURFACE_3D)) {
            return "3-D boundary distances with the voxel spacing (mm)";
        }
        if (spec.has(Role.VOXELWISE)) {
            return "the same formula over every voxel";
        }
        return spec.evaluator() instanceof GridEvaluator<?> ? "its 3-D definition on the voxel grid (distances in voxels, as MONAI's)"
                : PLANAR_ONLY;
    }

    /**
     * Every segmentation entry of the registry, in its order, with the user's parameters (an entry missing from the
     * map takes its defaults); stops early, the rest unset, once {@code cancelled} says a newer request came.
     */
    public List<Value> all(Map<String, Params> params, BooleanSupplier cancelled) {
        List<LossSpec<SegmentationData>> specs = LossRegistry.of(Domains.SEGMENTATION);
        Value[] out = new Value[specs.size()];
        List<Integer> soft = new ArrayList<>();
        for (int i = 0; i < specs.size() && !cancelled.getAsBoolean(); i++) {
            if (needsFlatScene(specs.get(i))) {
                soft.add(i); // after the others: the flat scene is built once, for all of them
            } else {
                out[i] = value(specs.get(i), params.get(specs.get(i).name()));
            }
        }
        // the soft losses run side by side on the one scene as far as their working memory allows
        int side = (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(),
                (WorkingMemory.LIMIT_BYTES - sceneBytes()) / Math.max(1, workingBytes())));
        ForkJoinPool pool = new ForkJoinPool(side);
        try {
            pool.submit(() -> soft.parallelStream().forEach(i -> {
                if (!cancelled.getAsBoolean()) {
                    out[i] = value(specs.get(i), params.get(specs.get(i).name()));
                }
            })).join();
        } finally {
            pool.shutdown();
        }
        List<Value> values = new ArrayList<>();
        for (Value v : out) {
            if (v != null) {
                values.add(v);
            }
        }
        return values;
    }

    /** One entry's value on the volume; {@code params} null: its defaults. */
    public Value value(LossSpec<SegmentationData> spec, Params params) {
        String name = spec.name();
        Params p = params == null ? spec.defaults() : params;
        if (!spec.appliesTo(pairScene)) {
            return new Value(name, Double.NaN, "", name + " " + spec.requirement());
        }
        try {
            if (spec.has(Role.SURFACE_3D) && spec.evaluator() instanceof SurfaceDistanceMetric metric) {
                return new Value(name, surface(metric, name, p), metric.volumeUnit(), "");
            }
            // a soft prediction's metrics threshold its probabilities at the entry's own threshold, as on the slices:
            // the label pairs only hold p >= 0.5, so those metrics read the flat scene too
            if (!needsFlatScene(spec) && !(pair.probabilities() != null && spec.has(Role.VOXELWISE))) {
                return spec.evaluator() instanceof ConfusionMetric metric && spec.has(Role.VOXELWISE)
                        ? new Value(name, metric.evaluate(counts(name, p), p).value(), "", "")
                        : new Value(name, Double.NaN, "", PLANAR_ONLY);
            }
            String tooLarge = tooLarge();
            if (tooLarge != null) {
                return new Value(name, Double.NaN, "", name + " " + tooLarge);
            }
            if (spec.evaluator() instanceof GridEvaluator<SegmentationData> onGrid) {
                Optional<String> tooCostly = spec.tooCostly(flat(), p);
                if (tooCostly.isPresent()) {
                    return new Value(name, Double.NaN, "", tooCostly.get());
                }
                SegmentationData scene = flat();
                return new Value(name, onGrid.evaluate(scene, p, flatGrid()).value(), "", "");
            }
            return new Value(name, spec.evaluate(flat(), p, false).value(), "", "");
        } catch (EngineException e) {
            return new Value(name, Double.NaN, "", e.getMessage());
        } catch (OutOfMemoryError e) {
            return new Value(name, Double.NaN, "", name + " ran out of memory on this volume");
        }
    }

    /** The soft losses over every voxel, and the entries with a definition on the volume's grid (3-D distance maps). */
    private static boolean needsFlatScene(LossSpec<SegmentationData> spec) {
        return spec.has(Role.VOXELWISE) && !(spec.evaluator() instanceof ConfusionMetric)
                || !spec.has(Role.VOXELWISE) && spec.evaluator() instanceof GridEvaluator<?>;
    }

    /** The confusion counts of every voxel: each label pair's counts as the engine counts one pixel, times its voxels. */
    private ConfusionCounts counts(String name, Params p) {
        ConfusionCounts total = ConfusionCounts.zero(pairScene.channels());
        for (int j = 0; j < pairs.size(); j++) {
            ConfusionCounts one = ConfusionCounts.of(pixel(j), p.number("threshold"), p.optionalInteger("ignore_index"), name);
            total.add(one, pairs.count(j));
        }
        return total;
    }

    /** The one-pixel scene of pair j. */
    private SegmentationData pixel(int j) {
        int c = pairScene.channels();
        int p = pairs.size();
        double[] logits = new double[c];
        for (int k = 0; k < c; k++) {
            logits[k] = pairScene.prediction()[k * p + j];
        }
        return new SegmentationData(pairScene.mode(), c, 1, 1, logits, new int[] {pairs.truth(j)});
    }

    /** MONAI's boundary distances of the selected channels in 3-D, mm with the volume's spacing. */
    private double surface(SurfaceDistanceMetric metric, String name, Params p) {
        int[] channels = MaskChannels.selected(pairScene, p.integers("classes"), name);
        Labels labels = Labels.of(pairScene, null, name);
        double threshold = p.number("threshold");
        return metric.evaluate(channels, c -> distances.computeIfAbsent(c + " " + threshold,
                key -> measure(labels, c, threshold)), p).value();
    }

    /** One channel's boundary distances in 3-D: its masks made voxel by voxel from the label pairs' reading. */
    private ChannelDistances measure(Labels labels, int c, double threshold) {
        boolean[] predictedPair = MaskChannels.predicted(pairScene, c, threshold);
        boolean[] truthPair = MaskChannels.truth(labels, c, pairs.size());
        boolean predictedEmpty = true;
        boolean truthEmpty = true;
        for (int j = 0; j < pairs.size(); j++) {
            predictedEmpty &= !predictedPair[j];
            truthEmpty &= !truthPair[j];
        }
        if (predictedEmpty || truthEmpty) {
            return new ChannelDistances(predictedEmpty, truthEmpty, new double[0], new double[0]);
        }
        int n = pair.labels().voxels();
        boolean[] truthMask = fill(truthPair, new boolean[n]);
        boolean[] predictedMask = fill(predictedPair, new boolean[n]);
        SurfaceMetrics d = SurfaceMetrics.compute(truthMask, predictedMask, pair.labels().shape(), pair.labels().spacing());
        return new ChannelDistances(false, false, d.predictionToReference(), d.referenceToPrediction());
    }

    /** Each voxel's mask value from its label pair's, on all cores. */
    private boolean[] fill(boolean[] byPair, boolean[] mask) {
        LabelVolume labels = pair.labels();
        LabelVolume prediction = pair.prediction();
        int width = labels.shape()[2];
        IntStream.range(0, mask.length / width).parallel().forEach(row -> {
            for (int i = row * width, end = i + width; i < end; i++) {
                mask[i] = byPair[pairOf(labels, prediction, i)];
            }
        });
        return mask;
    }

    /** Why the flat scene and a soft loss's working memory would not fit, or null. */
    private String tooLarge() {
        long needed = sceneBytes() + workingBytes();
        long values = (long) pairScene.channels() * pair.labels().voxels();
        if (needed > WorkingMemory.LIMIT_BYTES || values > Integer.MAX_VALUE / 2) {
            return "is too costly on this volume: its " + pair.labels().voxels() + " voxels x " + pairScene.channels()
                    + " channels would take about " + WorkingMemory.size(needed) + ", over the "
                    + WorkingMemory.size(WorkingMemory.LIMIT_BYTES) + " a loss may take";
        }
        return null;
    }

    private long sceneBytes() {
        return (long) pair.labels().voxels() * (pairScene.channels() * Double.BYTES + Integer.BYTES);
    }

    private long workingBytes() {
        return (long) pair.labels().voxels() * pairScene.channels() * WORKING_BYTES_PER_VALUE;
    }

    /**
     * The volume as one scene: its axial slice scenes stacked, each exactly as the slices show it (whatever the case's
     * reading of its prediction and the planes' layout), so the soft losses read the voxels the slices read.
     */
    private synchronized SegmentationData flat() {
        if (flat == null) {
            SegmentationData first = pair.sliceScene(SliceAxis.AXIAL, 0);
            int per = first.pixels();
            int n = pair.labels().voxels();
            int slices = n / per;
            int c = first.channels();
            double[] logits = new double[c * n];
            int[] target = new int[n];
            IntStream.range(0, slices).parallel().forEach(z -> {
                SegmentationData slice = z == 0 ? first : pair.sliceScene(SliceAxis.AXIAL, z);
                System.arraycopy(slice.target(), 0, target, z * per, per);
                for (int k = 0; k < c; k++) {
                    System.arraycopy(slice.prediction(), k * per, logits, k * n + z * per, per);
                }
            });
            flat = new SegmentationData(first.mode(), c, slices * first.height(), first.width(), logits, target);
            grid = new int[] {slices, first.height(), first.width()};
        }
        return flat;
    }

    private synchronized int[] flatGrid() {
        return grid.clone();
    }

    /** The pair of voxel i; an edit of the app's thread since the pass that counted the pairs is refused, not misread. */
    private int pairOf(LabelVolume labels, LabelVolume prediction, int i) {
        int j = pairs.pairOf(labels, prediction, i);
        if (j < 0) {
            throw new EngineException("the volume changed while it was being evaluated");
        }
        return j;
    }

    private static int channels(VolumePair pair) {
        return pair.mode() == SegMode.BINARY ? 1 : pair.classes();
    }
}
