package org.losslab.engine.volume;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * How many voxels of a volume case hold each (ground-truth label, predicted label) pair: one fused pass over the two
 * byte volumes on all cores. A volume's prediction is read as the slices read it (sure logits of its labels, see
 * {@link VolumePair#sliceScene}), so every per-voxel term of a loss depends on a voxel's pair alone, and these counts
 * (a few pairs, whatever the volume's size) are all a count-based metric needs.
 */
final class LabelPairs {
    private static final int LABELS = LabelVolume.MAX_LABEL + 1;
    /** Voxels per task of the pass: large enough that a task's 512 KB histogram is small beside its work. */
    private static final int CHUNK = 1 << 20;

    private final int[] truth;
    private final int[] predicted;
    private final long[] counts;
    /** For truth label t and predicted label p, the pair's index at t * 256 + p (-1: no voxel). */
    private final int[] index;

    private LabelPairs(long[] histogram) {
        index = new int[LABELS * LABELS];
        Arrays.fill(index, -1);
        int distinct = (int) Arrays.stream(histogram).filter(n -> n > 0).count();
        truth = new int[distinct];
        predicted = new int[distinct];
        counts = new long[distinct];
        for (int cell = 0, j = 0; cell < histogram.length; cell++) {
            if (histogram[cell] > 0) {
                truth[j] = cell / LABELS;
                predicted[j] = cell % LABELS;
                counts[j] = histogram[cell];
                index[cell] = j++;
            }
        }
    }

    /** Counts the pairs of a case (a state between two writes of the app's thread, as every reader of a volume). */
    static LabelPairs of(LabelVolume labels, LabelVolume prediction) {
        int n = labels.voxels();
        int chunks = (n + CHUNK - 1) / CHUNK;
        long[] histogram = IntStream.range(0, chunks).parallel().mapToObj(chunk -> {
            long[] local = new long[LABELS * LABELS];
            for (int i = chunk * CHUNK, end = Math.min(n, i + CHUNK); i < end; i++) {
                local[labels.label(i) * LABELS + prediction.label(i)]++;
            }
            return local;
        }).reduce(new long[LABELS * LABELS], (a, b) -> {
            long[] sum = a.clone();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += b[i];
            }
            return sum;
        });
        return new LabelPairs(histogram);
    }

    /** How many distinct pairs occur. */
    int size() {
        return counts.length;
    }

    int truth(int pair) {
        return truth[pair];
    }

    int predicted(int pair) {
        return predicted[pair];
    }

    long count(int pair) {
        return counts[pair];
    }

    /** The index of the pair voxel {@code i} holds. */
    int pairOf(LabelVolume labels, LabelVolume prediction, int i) {
        return index[labels.label(i) * LABELS + prediction.label(i)];
    }
}
