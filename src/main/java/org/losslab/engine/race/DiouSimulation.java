package org.losslab.engine.race;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.losslab.engine.EngineException;

/**
 * The regression simulation of the DIoU paper (Zheng et al., AAAI 2020): for every anchor centre, 7
 * targets of area 1 centred at (10, 10) with aspect ratios 1:4 ... 4:1, anchors of 7 scales and the same
 * 7 aspect ratios; each of the 343 x points boxes moves 200 steps by {@code B <- B + eta (2 - IoU) g}
 * (eta 0.1, then 0.01 from step 161 and 0.001 from step 181), and the error after each step is the L1
 * distance of (x, y, w, h) to the target, summed over every regression.
 */
public final class DiouSimulation {
    public static final int STEPS = 200;
    /** Width and height of the 7 aspect ratios, 1:4 to 4:1, as the authors' code writes them. */
    private static final double C1 = Math.sqrt(3);
    private static final double C2 = Math.sqrt(2);
    private static final double[][] ASPECTS = {{0.5, 2.0}, {C1 / 3, C1}, {C2 / 2, C2}, {1, 1}, {C2, C2 / 2}, {C1, C1 / 3},
        {2.0, 0.5}};
    private static final double[] SCALES = {0.5, 0.67, 0.75, 1, 1.33, 1.5, 2.0};
    public static final int CASES_PER_POINT = 343;

    private DiouSimulation() {
    }

    /** The learning rate of step k (1-based). */
    public static double rate(int step) {
        return step <= 160 ? 0.1 : step <= 180 ? 0.01 : 0.001;
    }

    /**
     * Case {@code index} (0..342) at one anchor centre, in the authors' loop order
     * {@code index = (target aspect * 7 + scale) * 7 + anchor aspect}: {start box, target box}, both (x, y, w, h).
     */
    public static double[][] regressionCase(double x, double y, int index) {
        double[] aspect = ASPECTS[index / 49];
        double targetW = aspect[0];
        double targetH = aspect[1];
        double area = SCALES[index / 7 % 7] * targetW * targetH;
        double[] anchor = ASPECTS[index % 7];
        double root = Math.sqrt(area);
        return new double[][] {{x, y, anchor[0] * root, anchor[1] * root}, {10, 10, targetW, targetH}};
    }

    /** The whole trajectory of one regression: the box after each step 1..200 (row k - 1). */
    public static double[][] trace(RaceLoss loss, double[] start, double[] target) {
        RaceLoss.Stepper stepper = loss.stepper();
        double[] box = start.clone();
        double[] g = new double[4];
        double[][] out = new double[STEPS][];
        for (int k = 1; k <= STEPS; k++) {
            step(stepper, box, target, g, k);
            out[k - 1] = box.clone();
        }
        return out;
    }

    private static void step(RaceLoss.Stepper stepper, double[] box, double[] target, double[] g, int k) {
        double iou = stepper.direction(box, target, g);
        double scale = rate(k) * (2 - iou);
        box[0] = box[0] + scale * g[0];
        box[1] = box[1] + scale * g[1];
        box[2] = box[2] + scale * g[2];
        box[3] = box[3] + scale * g[3];
    }

    /**
     * The total error after every step, per loss: {@code totals[loss][step - 1]}, summed over every case at
     * every point, on {@code threads} threads (each point's cases on one thread). {@code progress} hears
     * how many points are done.
     */
    public static double[][] run(double[][] points, List<RaceLoss> losses, int threads, IntConsumer progress) {
        if (points.length == 0) {
            throw new EngineException("race: no anchor centres");
        }
        int workers = Math.max(1, Math.min(threads, points.length));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "diou-simulation");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<double[][]>> parts = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                parts.add(pool.submit(() -> runPoints(points, losses, next, done, progress)));
            }
            double[][] totals = new double[losses.size()][STEPS];
            for (Future<double[][]> part : parts) {
                double[][] t = part.get();
                for (int l = 0; l < totals.length; l++) {
                    for (int k = 0; k < STEPS; k++) {
                        totals[l][k] += t[l][k];
                    }
                }
            }
            return totals;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("race: interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new EngineException("race: " + e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static double[][] runPoints(double[][] points, List<RaceLoss> losses, AtomicInteger next, AtomicInteger done,
                                        IntConsumer progress) {
        double[][] totals = new double[losses.size()][STEPS];
        RaceLoss.Stepper[] steppers = new RaceLoss.Stepper[losses.size()];
        for (int l = 0; l < steppers.length; l++) {
            steppers[l] = losses.get(l).stepper();
        }
        double[] box = new double[4];
        double[] g = new double[4];
        for (int p = next.getAndIncrement(); p < points.length; p = next.getAndIncrement()) {
            for (int c = 0; c < CASES_PER_POINT; c++) {
                double[][] pair = regressionCase(points[p][0], points[p][1], c);
                double[] target = pair[1];
                for (int l = 0; l < steppers.length; l++) {
                    System.arraycopy(pair[0], 0, box, 0, 4);
                    regress(steppers[l], box, target, g, totals[l]);
                }
            }
            progress.accept(done.incrementAndGet());
        }
        return totals;
    }

    /**
     * The 200 steps of one regression, adding the error after each to {@code errors}. A step that leaves
     * the box exactly where it was has reached a fixed point of the update (IoU's gradient is 0 once the
     * boxes are apart, and the rate only falls): every later step would too, so their errors are added
     * without computing them.
     */
    private static void regress(RaceLoss.Stepper stepper, double[] box, double[] target, double[] g, double[] errors) {
        for (int k = 1; k <= STEPS; k++) {
            double x = box[0];
            double y = box[1];
            double w = box[2];
            double h = box[3];
            step(stepper, box, target, g, k);
            double error = error(box, target);
            errors[k - 1] += error;
            if (box[0] == x && box[1] == y && box[2] == w && box[3] == h) {
                for (int rest = k; rest < STEPS; rest++) {
                    errors[rest] += error;
                }
                return;
            }
        }
    }

    /** The paper's error of a box: the L1 distance of (x, y, w, h) to the target's. */
    public static double error(double[] box, double[] target) {
        return Math.abs(box[0] - target[0]) + Math.abs(box[1] - target[1]) + Math.abs(box[2] - target[2])
                + Math.abs(box[3] - target[3]);
    }

    /** Anchor centres from a CSV of {@code x,y} rows (a header line is skipped). */
    public static double[][] readPoints(java.io.Reader in, String where) throws java.io.IOException {
        List<double[]> points = new ArrayList<>();
        java.io.BufferedReader reader = new java.io.BufferedReader(in);
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            line = line.strip();
            if (line.isEmpty() || number == 1 && !Character.isDigit(line.charAt(0)) && line.charAt(0) != '-') {
                continue;
            }
            String[] parts = line.split(",");
            if (parts.length < 2) {
                throw new EngineException(where + ":" + number + ": expected x,y, got '" + abbreviate(line) + "'");
            }
            try {
                double x = Double.parseDouble(parts[0].strip());
                double y = Double.parseDouble(parts[1].strip());
                if (!Double.isFinite(x) || !Double.isFinite(y)) {
                    throw new NumberFormatException();
                }
                points.add(new double[] {x, y});
            } catch (NumberFormatException e) {
                throw new EngineException(where + ":" + number + ": expected two finite numbers, got '" + abbreviate(line) + "'");
            }
        }
        return points.toArray(new double[0][]);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
