package org.losslab.engine.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.losslab.engine.EngineException;
import org.losslab.engine.dataset.Case;
import org.losslab.engine.dataset.CaseMetrics;
import org.losslab.engine.dataset.CaseResult;
import org.losslab.engine.dataset.ClassNumbers;
import org.losslab.engine.dataset.LabelMap;
import org.losslab.engine.distance.HausdorffPair;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/**
 * Slices of a volume against a brute force that reads voxel by voxel, on small random volumes of random
 * anisotropic spacing: every axis's labels and spacing, writing a slice back, the slice's numbers in mm, and
 * where the volume's Hausdorff distance is realised.
 */
class VolumeSlicesTest {
    private static int[] randomLabels(Random random, int n, int classes, double fill) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextDouble() < fill ? 1 + random.nextInt(classes - 1) : 0;
        }
        return out;
    }

    private static double[] randomSpacing(Random random) {
        return new double[] {0.5 + 5 * random.nextDouble(), 0.3 + random.nextDouble(), 0.3 + random.nextDouble()};
    }

    /** The brute force's reading of voxel (z, y, x) from the int labels the volume was made of. */
    private static int at(int[] values, int[] shape, int z, int y, int x) {
        return values[(z * shape[1] + y) * shape[2] + x];
    }

    @Test
    void everyAxisCutsTheVoxelsAndTheSpacingABruteForceReads() {
        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int[] shape = {1 + random.nextInt(6), 1 + random.nextInt(7), 1 + random.nextInt(8)};
            double[] spacing = randomSpacing(random);
            int[] values = randomLabels(random, shape[0] * shape[1] * shape[2], 4, 0.5);
            LabelVolume volume = LabelVolume.of("random", shape, spacing, values);
            for (SliceAxis axis : SliceAxis.values()) {
                for (int index = 0; index < axis.count(shape); index++) {
                    int[] slice = volume.slice(axis, index);
                    List<Integer> expected = new ArrayList<>();
                    double[] expectedSpacing;
                    switch (axis) {
                        case AXIAL -> {
                            for (int y = 0; y < shape[1]; y++) {
                                for (int x = 0; x < shape[2]; x++) {
                                    expected.add(at(values, shape, index, y, x));
                                }
                            }
                            expectedSpacing = new double[] {spacing[1], spacing[2]};
                        }
                        case CORONAL -> {
                            for (int z = 0; z < shape[0]; z++) {
                                for (int x = 0; x < shape[2]; x++) {
                                    expected.add(at(values, shape, z, index, x));
                                }
                            }
                            expectedSpacing = new double[] {spacing[0], spacing[2]};
                        }
                        default -> {
                            for (int z = 0; z < shape[0]; z++) {
                                for (int y = 0; y < shape[1]; y++) {
                                    expected.add(at(values, shape, z, y, index));
                                }
                            }
                            expectedSpacing = new double[] {spacing[0], spacing[1]};
                        }
                    }
                    assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), slice, axis + " " + index);
                    assertArrayEquals(expectedSpacing, axis.spacing(volume.spacing()), axis.toString());
                }
            }
        }
    }

    @Test
    void writingASliceChangesExactlyItsEditedVoxels() {
        Random random = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            int[] shape = {2 + random.nextInt(5), 2 + random.nextInt(6), 2 + random.nextInt(7)};
            int[] values = randomLabels(random, shape[0] * shape[1] * shape[2], 3, 0.4);
            LabelVolume volume = LabelVolume.of("random", shape, randomSpacing(random), values);
            SliceAxis axis = SliceAxis.values()[trial % 3];
            int index = random.nextInt(axis.count(shape));
            int[] slice = volume.slice(axis, index);
            int columns = axis.columns(shape);
            int[] expected = values.clone();
            int changed = 0;
            for (int i = 0; i < slice.length; i++) {
                if (random.nextDouble() < 0.3) {
                    int label = (slice[i] + 1) % 3;
                    slice[i] = label;
                    int[] zyx = axis.voxel(index, i / columns, i % columns);
                    expected[(zyx[0] * shape[1] + zyx[1]) * shape[2] + zyx[2]] = label;
                    changed++;
                }
            }
            assertEquals(changed, volume.writeSlice(axis, index, slice));
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], volume.label(i), "voxel " + i + " after painting " + axis + " slice " + index);
            }
        }
        LabelVolume small = LabelVolume.of("small", new int[] {2, 2, 2}, new double[] {1, 1, 1}, new int[8]);
        assertThrows(EngineException.class, () -> small.writeSlice(SliceAxis.AXIAL, 2, new int[4]));
        assertThrows(EngineException.class, () -> small.writeSlice(SliceAxis.AXIAL, 0, new int[] {0, 0, 0, 256}));
        assertEquals(0, small.label(3), "a refused slice writes nothing");
    }

    @Test
    void aSliceSceneWrittenBackGivesTheSameVolume() {
        Random random = new Random(3);
        int[] shape = {4, 5, 6};
        int[] truth = randomLabels(random, 120, 3, 0.5);
        int[] predicted = randomLabels(random, 120, 3, 0.5);
        VolumePair pair = new VolumePair(LabelVolume.of("gt", shape, new double[] {5, 0.8, 0.8}, truth),
                LabelVolume.of("pred", shape, new double[] {5, 0.8, 0.8}, predicted));
        assertEquals(SegMode.MULTICLASS, pair.mode());
        SegmentationData scene = pair.sliceScene(SliceAxis.SAGITTAL, 2);
        assertEquals(4, scene.height(), "sagittal: rows are z");
        assertEquals(5, scene.width(), "sagittal: columns are y");
        assertArrayEquals(pair.prediction().slice(SliceAxis.SAGITTAL, 2), VolumePair.predictedLabels(scene));
        assertEquals(0, pair.writeBack(SliceAxis.SAGITTAL, 2, scene));
        VolumePair binary = new VolumePair(LabelVolume.of("gt", shape, new double[] {1, 1, 1}, randomLabels(random, 120, 2, 0.5)),
                LabelVolume.of("pred", shape, new double[] {1, 1, 1}, randomLabels(random, 120, 2, 0.5)));
        SegmentationData binaryScene = binary.sliceScene(SliceAxis.CORONAL, 1);
        assertEquals(SegMode.BINARY, binaryScene.mode());
        assertArrayEquals(binary.prediction().slice(SliceAxis.CORONAL, 1), VolumePair.predictedLabels(binaryScene));
        EngineException mismatch = assertThrows(EngineException.class, () -> new VolumePair(
                LabelVolume.of("gt", shape, new double[] {5, 0.8, 0.8}, truth), LabelVolume.of("pred", shape,
                        new double[] {2.5, 0.8, 0.8}, predicted)));
        assertEquals("volume case: the prediction's voxels are 2.5 x 0.8 x 0.8 mm (z, y, x), the ground truth's 5.0 x 0.8 x "
                + "0.8 mm", mismatch.getMessage());
    }

    /** Brute-force edges: a mask voxel with a 4- (2-D) or 6-neighbour (3-D) outside the mask or the grid. */
    private static List<int[]> edges(boolean[] mask, int[] shape) {
        List<int[]> out = new ArrayList<>();
        int d = shape.length == 3 ? shape[0] : 1;
        int h = shape[shape.length - 2];
        int w = shape[shape.length - 1];
        int[][] steps = shape.length == 3 ? new int[][] {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}}
                : new int[][] {{0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
        for (int z = 0; z < d; z++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (!mask[(z * h + y) * w + x]) {
                        continue;
                    }
                    boolean edge = false;
                    for (int[] s : steps) {
                        int zz = z + s[0];
                        int yy = y + s[1];
                        int xx = x + s[2];
                        edge |= zz < 0 || zz >= d || yy < 0 || yy >= h || xx < 0 || xx >= w || !mask[(zz * h + yy) * w + xx];
                    }
                    if (edge) {
                        out.add(shape.length == 3 ? new int[] {z, y, x} : new int[] {y, x});
                    }
                }
            }
        }
        return out;
    }

    private static double mm(int[] a, int[] b, double[] spacing) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (a[i] - b[i]) * spacing[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    private static double nearest(int[] from, List<int[]> to, double[] spacing) {
        double best = Double.POSITIVE_INFINITY;
        for (int[] t : to) {
            best = Math.min(best, mm(from, t, spacing));
        }
        return best;
    }

    /** The brute-force Hausdorff distance in mm between two masks' edges. */
    private static double bruteHausdorff(boolean[] a, boolean[] b, int[] shape, double[] spacing) {
        List<int[]> ea = edges(a, shape);
        List<int[]> eb = edges(b, shape);
        double hd = 0;
        for (int[] p : ea) {
            hd = Math.max(hd, nearest(p, eb, spacing));
        }
        for (int[] p : eb) {
            hd = Math.max(hd, nearest(p, ea, spacing));
        }
        return hd;
    }

    private static boolean[] randomMask(Random random, int n, double fill) {
        boolean[] m = new boolean[n];
        for (int i = 0; i < n; i++) {
            m[i] = random.nextDouble() < fill;
        }
        return m;
    }

    @Test
    void theHausdorffPairIsWhereABruteForceFindsTheDistance() {
        Random random = new Random(5);
        for (int trial = 0; trial < 60; trial++) {
            int[] shape = {1 + random.nextInt(6), 1 + random.nextInt(7), 1 + random.nextInt(7)};
            int n = shape[0] * shape[1] * shape[2];
            double[] spacing = randomSpacing(random);
            boolean[] reference = randomMask(random, n, trial % 4 == 0 ? 0.05 : 0.4);
            boolean[] prediction = randomMask(random, n, trial % 5 == 0 ? 0.02 : 0.3);
            if (trial % 7 == 0) { // single voxels, one of them on the border
                reference = new boolean[n];
                prediction = new boolean[n];
                reference[0] = true;
                prediction[random.nextInt(n)] = true;
            }
            HausdorffPair pair = HausdorffPair.of(reference, prediction, shape, spacing);
            if (edges(reference, shape).isEmpty() || edges(prediction, shape).isEmpty()) {
                assertNull(pair, "an empty mask has no pair");
                continue;
            }
            double expected = bruteHausdorff(reference, prediction, shape, spacing);
            assertEquals(expected, pair.distance(), 1e-9, "trial " + trial);
            boolean[] fromMask = pair.fromPrediction() ? prediction : reference;
            boolean[] toMask = pair.fromPrediction() ? reference : prediction;
            List<int[]> fromEdges = edges(fromMask, shape);
            List<int[]> toEdges = edges(toMask, shape);
            assertTrue(fromEdges.stream().anyMatch(e -> Arrays.equals(e, pair.from())), "from is an edge voxel");
            assertTrue(toEdges.stream().anyMatch(e -> Arrays.equals(e, pair.to())), "to is an edge voxel");
            assertEquals(expected, mm(pair.from(), pair.to(), spacing), 1e-9, "the pair is that far apart");
            assertEquals(nearest(pair.from(), toEdges, spacing), pair.distance(), 1e-9, "to is the nearest to from");
            checkPercentilePair(HausdorffPair.realised(reference, prediction, shape, spacing).hd95(), reference, prediction,
                    shape, spacing);
        }
    }

    /** numpy.percentile(values, 95), linear: an independent reading of the definition. */
    private static double percentile95(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = (sorted.length - 1) * 0.95;
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static double[] directed(List<int[]> from, List<int[]> to, double[] spacing) {
        return from.stream().mapToDouble(p -> nearest(p, to, spacing)).toArray();
    }

    /** HD95's pair: in the direction with the larger 95th percentile, the smallest distance at or above it. */
    private static void checkPercentilePair(HausdorffPair pair, boolean[] reference, boolean[] prediction, int[] shape,
            double[] spacing) {
        List<int[]> g = edges(reference, shape);
        List<int[]> p = edges(prediction, shape);
        double[] fromPrediction = directed(p, g, spacing);
        double[] fromReference = directed(g, p, spacing);
        double hd95 = Math.max(percentile95(fromPrediction), percentile95(fromReference));
        double[] own = pair.fromPrediction() ? fromPrediction : fromReference;
        assertEquals(hd95, percentile95(own), 1e-9, "the pair's direction sets HD95");
        double expected = Arrays.stream(own).filter(d -> d >= hd95 - 1e-9).min().orElseThrow();
        assertEquals(expected, pair.distance(), 1e-9, "the smallest distance at or above HD95");
        assertEquals(expected, mm(pair.from(), pair.to(), spacing), 1e-9);
        List<int[]> toEdges = pair.fromPrediction() ? g : p;
        assertEquals(nearest(pair.from(), toEdges, spacing), pair.distance(), 1e-9, "to is the nearest to from");
        assertTrue((pair.fromPrediction() ? p : g).stream().anyMatch(e -> Arrays.equals(e, pair.from())));
    }

    @Test
    void aSlicesNumbersAreTheBruteForcesInItsOwnSpacing() {
        Random random = new Random(9);
        for (int trial = 0; trial < 15; trial++) {
            int[] shape = {2 + random.nextInt(5), 2 + random.nextInt(6), 2 + random.nextInt(6)};
            int n = shape[0] * shape[1] * shape[2];
            double[] spacing = randomSpacing(random);
            int[] truth = randomLabels(random, n, 2, 0.4);
            int[] predicted = randomLabels(random, n, 2, 0.4);
            VolumePair pair = new VolumePair(LabelVolume.of("gt", shape, spacing, truth), LabelVolume.of("pred", shape, spacing,
                    predicted));
            boolean[] reference = new boolean[n];
            boolean[] prediction = new boolean[n];
            for (int i = 0; i < n; i++) {
                reference[i] = truth[i] == 1;
                prediction[i] = predicted[i] == 1;
            }
            ClassNumbers volume = pair.volumeNumbers(1, 2);
            if (!edges(reference, shape).isEmpty() && !edges(prediction, shape).isEmpty()) {
                assertEquals(bruteHausdorff(reference, prediction, shape, spacing), volume.hd(), 1e-9);
                assertEquals(volume.hd(), pair.hausdorffPairs(1).hd().distance(), 0, "the pair realises the volume's HD");
            }
            for (SliceAxis axis : SliceAxis.values()) {
                int index = random.nextInt(axis.count(shape));
                int[] plane = {axis.rows(shape), axis.columns(shape)};
                boolean[] a = new boolean[plane[0] * plane[1]];
                boolean[] b = new boolean[a.length];
                for (int r = 0; r < plane[0]; r++) {
                    for (int c = 0; c < plane[1]; c++) {
                        int[] zyx = axis.voxel(index, r, c);
                        int v = (zyx[0] * shape[1] + zyx[1]) * shape[2] + zyx[2];
                        a[r * plane[1] + c] = reference[v];
                        b[r * plane[1] + c] = prediction[v];
                    }
                }
                ClassNumbers slice = pair.sliceNumbers(axis, index, 1, 2);
                if (edges(a, plane).isEmpty() || edges(b, plane).isEmpty()) {
                    assertTrue(Double.isNaN(slice.hd()) || Double.isInfinite(slice.hd()), "an empty side: no finite HD");
                    continue;
                }
                double[] planeSpacing = axis == SliceAxis.AXIAL ? new double[] {spacing[1], spacing[2]}
                        : axis == SliceAxis.CORONAL ? new double[] {spacing[0], spacing[2]} : new double[] {spacing[0], spacing[1]};
                assertEquals(bruteHausdorff(a, b, plane, planeSpacing), slice.hd(), 1e-9, axis + " slice " + index);
            }
        }
    }

    @Test
    void theVolumesNumbersAreTheAudits() {
        Random random = new Random(13);
        int[] shape = {5, 9, 8};
        double[] spacing = {5, 0.8, 0.8};
        int[] truth = randomLabels(random, 360, 3, 0.3);
        int[] predicted = randomLabels(random, 360, 3, 0.3);
        VolumePair pair = new VolumePair(LabelVolume.of("gt", shape, spacing, truth), LabelVolume.of("pred", shape, spacing,
                predicted));
        CaseResult audit = CaseMetrics.compute(new Case("case", new LabelMap("gt", shape, spacing, truth),
                new LabelMap("pred", shape, spacing, predicted), spacing), 0, 2);
        for (int k = 1; k <= 2; k++) {
            assertEquals(audit.of(k), pair.volumeNumbers(k, 2), "class " + k);
        }
    }
}
