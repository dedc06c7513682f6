package org.losslab.scene;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.losslab.engine.dataset.LabelMap;

/**
 * A {@code .npy} file as a label map (CONTRACTS_V3 section 1): a bool or integer array H x W or D x H x W holds
 * the class of each pixel; a float array holds probabilities, C x H x W with C >= 2 (the class is the argmax
 * over C, the first on ties) or 1 x H x W / H x W (class 1 where p >= the threshold). Header and data are
 * checked by {@link NpyReader} before anything the file's size does not justify is allocated.
 */
final class LabelNpy {
    /** The largest label map read: 2^27 voxels (512 x 512 x 512), 512 MB as int labels. */
    static final long MAX_VOXELS = 1L << 27;

    private LabelNpy() {
    }

    static LabelMap read(Path file, String source, double threshold) {
        NpyReader.Raw raw = NpyReader.readRaw(file, false, (dims, written) -> shape(dims, written, source));
        NpyReader.Layout layout = raw.layout();
        if (layout.kind() == 'f') {
            return probabilities(raw, source, threshold);
        }
        int[] labels = new int[(int) layout.count()];
        ByteBuffer data = raw.data();
        for (int i = 0; i < labels.length; i++) {
            long v = switch (layout.kind() + "" + layout.elementSize()) {
                case "b1" -> data.get(i) != 0 ? 1 : 0;
                case "u1" -> data.get(i) & 0xFF;
                case "u2" -> data.getShort(2 * i) & 0xFFFF;
                case "i1" -> data.get(i);
                case "i2" -> data.getShort(2 * i);
                case "i4" -> data.getInt(4 * i);
                default -> data.getLong(8 * i);
            };
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new SceneException(source + ": label " + v + " at element " + i + " is not a class index (0 or more)");
            }
            labels[i] = (int) v;
        }
        return new LabelMap(source, layout.shape(), null, labels);
    }

    /** The shape without leading 1s beyond two axes: H x W, or D x H x W (C x H x W for probabilities). */
    static int[] shape(List<Integer> dims, String written, String source) {
        while (dims.size() > 2 && dims.get(0) == 1) {
            dims.remove(0);
        }
        long voxels = 1;
        for (int d : dims) {
            voxels *= Math.max(d, 1);
            if (d < 1 || voxels > MAX_VOXELS) {
                throw new SceneException(source + ": shape " + written + " is outside 1 .. " + MAX_VOXELS + " elements of 1 or more a side");
            }
        }
        if (dims.size() < 2 || dims.size() > 3) {
            throw new SceneException(source + ": expected a label map H x W or D x H x W (probabilities C x H x W), got " + written);
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    private static LabelMap probabilities(NpyReader.Raw raw, String source, double threshold) {
        int[] shape = raw.layout().shape();
        int size = raw.layout().elementSize();
        ByteBuffer data = raw.data();
        if (shape.length == 2) {
            int[] labels = new int[shape[0] * shape[1]];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = NpyReader.finiteValue(data, i, size, source) >= threshold ? 1 : 0;
            }
            return new LabelMap(source, shape, null, labels);
        }
        int channels = shape[0];
        int pixels = shape[1] * shape[2];
        int[] labels = new int[pixels];
        for (int i = 0; i < pixels; i++) {
            double best = NpyReader.finiteValue(data, i, size, source);
            for (int c = 1; c < channels; c++) {
                double p = NpyReader.finiteValue(data, c * pixels + i, size, source);
                if (p > best) { // strictly: the first class wins a tie, as numpy's argmax
                    best = p;
                    labels[i] = c;
                }
            }
        }
        return new LabelMap(source, new int[] {shape[1], shape[2]}, null, labels);
    }
}
