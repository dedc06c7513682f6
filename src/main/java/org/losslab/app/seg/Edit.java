package org.losslab.app.seg;

import org.losslab.engine.seg.SegmentationData;

/**
 * One undoable change of the scene, stored once: {@link #swap} exchanges the stored values with the
 * scene's, so that the same object undoes (the scene gets the old values, the edit keeps the new)
 * and redoes. A stroke keeps only the elements it touched; an operation on the whole prediction keeps
 * one copy of it.
 */
abstract class Edit {
    final String label;
    /** The box of pixels touched {y0, y1, x0, x1}, for incremental recomputation; null: everywhere. */
    final int[] box;
    /** Where the step was taken (a volume's slice), or null: set when it is recorded. */
    Object place;

    Edit(String label, int[] box) {
        this.label = label;
        this.box = box;
    }

    /** Exchanges the stored state with the scene's. */
    abstract void swap(SegDocument doc);

    /** The memory this step holds, for the history's budget. */
    abstract long bytes();

    /** Changed elements of the prediction or the target, with their other values. */
    static final class Sparse extends Edit {
        private final boolean ofTarget;
        private final int[] indices;
        private final double[] values;

        Sparse(String label, boolean ofTarget, int[] indices, double[] values, int[] box) {
            super(label, box);
            this.ofTarget = ofTarget;
            this.indices = indices;
            this.values = values;
        }

        boolean isEmpty() {
            return indices.length == 0;
        }

        @Override
        void swap(SegDocument doc) {
            SegmentationData d = doc.data();
            for (int k = 0; k < indices.length; k++) {
                int i = indices[k];
                if (ofTarget) {
                    int keep = d.target()[i];
                    d.target()[i] = (int) values[k];
                    values[k] = keep;
                } else {
                    double keep = d.prediction()[i];
                    d.prediction()[i] = values[k];
                    values[k] = keep;
                }
            }
        }

        @Override
        long bytes() {
            return 12L * indices.length + 64;
        }
    }

    /** The whole prediction (an operation such as blur or confidence). */
    static final class WholePrediction extends Edit {
        private final double[] values;

        WholePrediction(String label, double[] values) {
            super(label, null);
            this.values = values;
        }

        @Override
        void swap(SegDocument doc) {
            double[] x = doc.data().prediction();
            for (int i = 0; i < x.length; i++) {
                double keep = x[i];
                x[i] = values[i];
                values[i] = keep;
            }
        }

        @Override
        long bytes() {
            return 8L * values.length + 64;
        }
    }
}
