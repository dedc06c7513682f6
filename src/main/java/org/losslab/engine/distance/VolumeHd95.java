package org.losslab.engine.distance;

import java.util.Arrays;

/**
 * HD95 of one structure on a volume, the ways people compute it: MONAI's (the larger of the two directed 95th
 * percentiles), medpy's (the 95th percentile of both directions' distances pooled), and slice by slice (the 2-D
 * HD95 of every slice along the first axis, with the in-plane spacing), with the directed distances themselves for
 * histograms. Percentiles are numpy's (linear interpolation in float64); distances are {@link SurfaceMetrics}'.
 */
public final class VolumeHd95 {
    private final double[] predictionToReference;
    private final double[] referenceToPrediction;
    private final double hd95Monai;
    private final double[] sliceHd95;

    private VolumeHd95(SurfaceMetrics volume, double[] sliceHd95) {
        this.predictionToReference = volume.predictionToReference();
        this.referenceToPrediction = volume.referenceToPrediction();
        this.hd95Monai = volume.hd95();
        this.sliceHd95 = sliceHd95;
    }

    /** Masks flat in C order over {D, H, W}, spacing in mm per axis in the same order; slices are taken along D. */
    public static VolumeHd95 of(boolean[] reference, boolean[] prediction, int[] shape, double[] spacing) {
        SurfaceMetrics volume = SurfaceMetrics.compute(reference, prediction, shape, spacing);
        if (shape.length != 3) {
            return new VolumeHd95(volume, new double[0]);
        }
        int plane = shape[1] * shape[2];
        int[] planeShape = {shape[1], shape[2]};
        double[] planeSpacing = {spacing[1], spacing[2]};
        double[] slices = new double[shape[0]];
        for (int z = 0; z < shape[0]; z++) {
            boolean[] r = Arrays.copyOfRange(reference, z * plane, (z + 1) * plane);
            boolean[] p = Arrays.copyOfRange(prediction, z * plane, (z + 1) * plane);
            slices[z] = SurfaceMetrics.compute(r, p, planeShape, planeSpacing).hd95();
        }
        return new VolumeHd95(volume, slices);
    }

    /** MONAI's HD95 (mm): max of the two directed 95th percentiles; +infinity when one mask is empty, NaN when both are. */
    public double monai() {
        return hd95Monai;
    }

    /** medpy's hd95 (mm): the 95th percentile of both directions' distances pooled; as {@link #monai} for empty masks. */
    public double medpy() {
        if (predictionToReference.length == 0 || referenceToPrediction.length == 0) {
            return hd95Monai;
        }
        double[] pooled = new double[predictionToReference.length + referenceToPrediction.length];
        System.arraycopy(predictionToReference, 0, pooled, 0, predictionToReference.length);
        System.arraycopy(referenceToPrediction, 0, pooled, predictionToReference.length, referenceToPrediction.length);
        return SurfaceMetrics.percentile95(pooled);
    }

    /** The 95th percentile of the prediction's edge voxels' distances to the reference's edge (mm); NaN when empty. */
    public double predictionToReference95() {
        return predictionToReference.length == 0 ? Double.NaN : SurfaceMetrics.percentile95(predictionToReference.clone());
    }

    /** The 95th percentile of the reference's edge voxels' distances to the prediction's edge (mm); NaN when empty. */
    public double referenceToPrediction95() {
        return referenceToPrediction.length == 0 ? Double.NaN : SurfaceMetrics.percentile95(referenceToPrediction.clone());
    }

    /** The distances from the prediction's edge voxels to the reference's edge (mm). */
    public double[] predictionToReference() {
        return predictionToReference.clone();
    }

    /** The distances from the reference's edge voxels to the prediction's edge (mm). */
    public double[] referenceToPrediction() {
        return referenceToPrediction.clone();
    }

    /**
     * The 2-D HD95 (MONAI's) of every slice along the first axis: NaN where neither mask has a voxel, +infinity
     * where only one has.
     */
    public double[] sliceHd95() {
        return sliceHd95.clone();
    }

    /** The mean of the slices' finite HD95s (as a slice-by-slice evaluation averaged with MONAI's NaN-skipping mean). */
    public double sliceMean() {
        return finiteMean(sliceHd95);
    }

    /** The mean of the finite values (NaN and infinities left out, as MONAI's mean leaves out its NaNs); NaN for none. */
    public static double finiteMean(double... values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** How many slices hold a voxel of one mask but none of the other (their 2-D HD95 is infinite). */
    public int oneSidedSlices() {
        return (int) Arrays.stream(sliceHd95).filter(Double::isInfinite).count();
    }

    /** How many values fall in each bin [edges[i], edges[i + 1]) (the last bin closed), for histograms. */
    public static double[] histogram(double[] values, double[] edges) {
        double[] counts = new double[edges.length - 1];
        for (double v : values) {
            int bin = Arrays.binarySearch(edges, v);
            bin = bin >= 0 ? bin : -bin - 2;
            if (bin == edges.length - 1 && v == edges[bin]) {
                bin--; // the last edge belongs to the last bin
            }
            if (bin >= 0 && bin < counts.length) {
                counts[bin]++;
            }
        }
        return counts;
    }
}
