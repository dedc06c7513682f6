package org.losslab.engine.distance;

/**
 * The soft skeleton of clDice (Shit et al. 2021, MONAI {@code soft_skel}) of one H x W image, with its
 * backward pass. Erosion is the smaller of a 3 x 1 and a 1 x 3 minimum, dilation a 3 x 3 maximum, windows
 * clipped at the border, and
 * <pre>
 *   skel = relu(x - open(x));  repeat: x = erode(x); delta = relu(x - open(x)); skel += relu(delta - skel delta)
 * </pre>
 * The backward pass routes each pooled value's gradient to the element that won its window (the first
 * in row-major order among equals, as torch's max pooling), splits it in half where the two erosion
 * directions tie (torch.min of two tensors) and gives relu a zero derivative at 0.
 */
public final class SoftSkeleton {
    private final int height;
    private final int width;
    private final int iterations;
    /** erosions[0] = x, erosions[j + 1] = erode(erosions[j]). */
    private final double[][] erosions;
    /** Per erosion step, the winners of the vertical and horizontal minima, and which of them won. */
    private final int[][] verticalWinner;
    private final int[][] horizontalWinner;
    private final double[][] verticalValue;
    private final double[][] horizontalValue;
    /** opened[j] = dilate(erosions[j + 1]) and the winner of each dilation window. */
    private final double[][] opened;
    private final int[][] dilationWinner;
    /** skeletons[j]: the skeleton after step j (0 = before the loop). */
    private final double[][] skeletons;

    private SoftSkeleton(double[] image, int height, int width, int iterations) {
        this.height = height;
        this.width = width;
        this.iterations = iterations;
        int steps = iterations + 2;
        erosions = new double[steps][];
        verticalWinner = new int[steps][];
        horizontalWinner = new int[steps][];
        verticalValue = new double[steps][];
        horizontalValue = new double[steps][];
        erosions[0] = image;
        for (int j = 1; j < steps; j++) {
            erode(j);
        }
        opened = new double[iterations + 1][];
        dilationWinner = new int[iterations + 1][];
        skeletons = new double[iterations + 1][];
        for (int j = 0; j <= iterations; j++) {
            dilate(j);
            double[] e = erosions[j];
            double[] o = opened[j];
            double[] s = new double[e.length];
            if (j == 0) {
                for (int i = 0; i < s.length; i++) {
                    s[i] = Math.max(e[i] - o[i], 0);
                }
            } else {
                double[] previous = skeletons[j - 1];
                for (int i = 0; i < s.length; i++) {
                    double delta = Math.max(e[i] - o[i], 0);
                    s[i] = previous[i] + Math.max(delta - previous[i] * delta, 0);
                }
            }
            skeletons[j] = s;
        }
    }

    /** The soft skeleton of an H x W image after {@code iterations} erosion steps. */
    public static SoftSkeleton of(double[] image, int height, int width, int iterations) {
        return new SoftSkeleton(image, height, width, iterations);
    }

    public double[] skeleton() {
        return skeletons[iterations];
    }

    private void erode(int j) {
        double[] x = erosions[j - 1];
        int n = x.length;
        double[] out = new double[n];
        int[] vw = new int[n];
        int[] hw = new int[n];
        double[] vv = new double[n];
        double[] hv = new double[n];
        for (int y = 0; y < height; y++) {
            for (int xx = 0; xx < width; xx++) {
                int i = y * width + xx;
                int best = -1;
                for (int dy = Math.max(y - 1, 0); dy <= Math.min(y + 1, height - 1); dy++) {
                    int k = dy * width + xx;
                    if (best < 0 || x[k] < x[best]) {
                        best = k;
                    }
                }
                vw[i] = best;
                vv[i] = x[best];
                best = -1;
                for (int dx = Math.max(xx - 1, 0); dx <= Math.min(xx + 1, width - 1); dx++) {
                    int k = y * width + dx;
                    if (best < 0 || x[k] < x[best]) {
                        best = k;
                    }
                }
                hw[i] = best;
                hv[i] = x[best];
                out[i] = Math.min(vv[i], hv[i]);
            }
        }
        erosions[j] = out;
        verticalWinner[j] = vw;
        horizontalWinner[j] = hw;
        verticalValue[j] = vv;
        horizontalValue[j] = hv;
    }

    private void dilate(int j) {
        double[] x = erosions[j + 1];
        int n = x.length;
        double[] out = new double[n];
        int[] winner = new int[n];
        for (int y = 0; y < height; y++) {
            for (int xx = 0; xx < width; xx++) {
                int best = -1;
                for (int dy = Math.max(y - 1, 0); dy <= Math.min(y + 1, height - 1); dy++) {
                    for (int dx = Math.max(xx - 1, 0); dx <= Math.min(xx + 1, width - 1); dx++) {
                        int k = dy * width + dx;
                        if (best < 0 || x[k] > x[best]) {
                            best = k;
                        }
                    }
                }
                winner[y * width + xx] = best;
                out[y * width + xx] = x[best];
            }
        }
        opened[j] = out;
        dilationWinner[j] = winner;
    }

    /** d(sum_i g_i skel_i)/d(image): the gradient of the skeleton pulled back to the input image. */
    public double[] backward(double[] skeletonGradient) {
        int n = height * width;
        double[][] gErosion = new double[iterations + 2][n];
        double[] gSkeleton = skeletonGradient.clone();
        for (int j = iterations; j >= 0; j--) {
            double[] e = erosions[j];
            double[] o = opened[j];
            double[] gOpened = new double[n];
            for (int i = 0; i < n; i++) {
                double gDelta;
                if (j == 0) {
                    gDelta = gSkeleton[i];
                } else {
                    double previous = skeletons[j - 1][i];
                    double delta = Math.max(e[i] - o[i], 0);
                    double u = delta - previous * delta;
                    double gU = u > 0 ? gSkeleton[i] : 0;
                    gSkeleton[i] += gU * -delta;
                    gDelta = gU * (1 - previous);
                }
                double gV = e[i] - o[i] > 0 ? gDelta : 0;
                gErosion[j][i] += gV;
                gOpened[i] = -gV;
            }
            int[] winner = dilationWinner[j];
            for (int i = 0; i < n; i++) {
                gErosion[j + 1][winner[i]] += gOpened[i];
            }
        }
        for (int j = iterations + 1; j >= 1; j--) {
            double[] g = gErosion[j];
            double[] target = gErosion[j - 1];
            for (int i = 0; i < n; i++) {
                if (g[i] == 0) {
                    continue;
                }
                double v = verticalValue[j][i];
                double h = horizontalValue[j][i];
                if (v == h) {
                    target[verticalWinner[j][i]] += g[i] / 2;
                    target[horizontalWinner[j][i]] += g[i] / 2;
                } else if (v < h) {
                    target[verticalWinner[j][i]] += g[i];
                } else {
                    target[horizontalWinner[j][i]] += g[i];
                }
            }
        }
        return gErosion[0];
    }
}
