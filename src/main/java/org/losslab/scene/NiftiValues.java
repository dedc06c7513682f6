package org.losslab.scene;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Where a NIfTI file's voxels go as they are read, chunk by chunk, into an array that grows with the data that
 * really arrive (a gzip stream's size is known only at its end): class indices, or, for a float prediction the
 * volume view reads, values that end as labels (all integers) or probabilities (in [0, 1], no NaN).
 */
abstract sealed class NiftiValues {
    final NiftiHeader header;
    final String name;

    NiftiValues(NiftiHeader header, String name) {
        this.header = header;
        this.name = name;
    }

    /** How many voxels the array holds now. */
    abstract int capacity();

    /** Copies the array into one of {@code length} voxels. */
    abstract void resize(int length);

    /** Room for {@code length} voxels: the array at least doubles, up to the header's count. */
    final void ensure(int length) {
        if (length > capacity()) {
            resize((int) Math.min(header.voxels(), Math.max(2L * capacity(), length)));
        }
    }

    /** Decodes {@code count} voxels of the chunk into voxels {@code at..}. */
    abstract void decode(ByteBuffer chunk, int count, int at);

    /** The volume read. */
    abstract NiftiReader.Volume volume();

    /** Class indices: every value an integer. */
    static final class Labels extends NiftiValues {
        private int[] labels;

        Labels(NiftiHeader header, String name, int first) {
            super(header, name);
            labels = new int[first];
        }

        @Override
        int capacity() {
            return labels.length;
        }

        @Override
        void resize(int length) {
            labels = Arrays.copyOf(labels, length);
        }

        @Override
        void decode(ByteBuffer chunk, int count, int at) {
            header.decode(chunk, count, labels, at, name);
        }

        @Override
        NiftiReader.Volume volume() {
            return new NiftiReader.Volume(header.shape(), header.spacing(), labels, null, header.affine());
        }
    }

    /**
     * A float prediction: labels when every value is an integer (a label map saved as float, as the contract reads
     * it), else probabilities of class 1, which must all lie in [0, 1]; NaN is refused either way.
     */
    static final class Floats extends NiftiValues {
        private float[] values;
        /** The first voxel holding a value that is not an integer, and the first outside [0, 1] (-1: none). */
        private int firstFraction = -1;
        private int firstOutside = -1;
        private double outsideValue;

        Floats(NiftiHeader header, String name, int first) {
            super(header, name);
            values = new float[first];
        }

        @Override
        int capacity() {
            return values.length;
        }

        @Override
        void resize(int length) {
            values = Arrays.copyOf(values, length);
        }

        @Override
        void decode(ByteBuffer chunk, int count, int at) {
            for (int n = 0; n < count; n++) {
                double v = header.floatValue(chunk, n);
                if (Double.isNaN(v)) {
                    throw new SceneException(name + ": voxel " + header.voxel(at + n) + " holds NaN, neither a class"
                            + " index nor a probability");
                }
                if (firstFraction < 0 && v != Math.rint(v)) {
                    firstFraction = at + n;
                }
                if (firstOutside < 0 && (v < 0 || v > 1)) {
                    firstOutside = at + n;
                    outsideValue = v;
                }
                values[at + n] = (float) v;
            }
        }

        @Override
        NiftiReader.Volume volume() {
            if (firstFraction < 0) {
                int[] labels = new int[values.length];
                for (int i = 0; i < labels.length; i++) {
                    if (values[i] > Integer.MAX_VALUE || values[i] < Integer.MIN_VALUE) {
                        throw new SceneException(name + ": voxel " + header.voxel(i) + " holds " + values[i]
                                + ", beyond the class indices LossLab reads");
                    }
                    labels[i] = (int) values[i];
                }
                return new NiftiReader.Volume(header.shape(), header.spacing(), labels, null, header.affine());
            }
            if (firstOutside >= 0) {
                throw new SceneException(name + ": float values that are not all integers (voxel "
                        + header.voxel(firstFraction) + " holds " + values[firstFraction] + ") are read as probabilities,"
                        + " which lie in [0, 1]; voxel " + header.voxel(firstOutside) + " holds " + outsideValue);
            }
            return new NiftiReader.Volume(header.shape(), header.spacing(), null, values, header.affine());
        }
    }
}
