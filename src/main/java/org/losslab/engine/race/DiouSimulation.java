package org.losslab.engine.race;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
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
        double[][] out = new double[STEPS][];
        new LockStep(loss).regress(List.<double[][]>of(new double[][] {start, target}), 0, 1, new double[STEPS], out);
        return out;
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
        } catch (ExecutionException e) {
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
        LockStep[] regressions = new LockStep[losses.size()];
        for (int l = 0; l < regressions.length; l++) {
            regressions[l] = new LockStep(losses.get(l));
        }
        List<double[][]> cases = new ArrayList<>(CASES_PER_POINT);
        for (int p = next.getAndIncrement(); p < points.length; p = next.getAndIncrement()) {
            cases.clear();
            for (int c = 0; c < CASES_PER_POINT; c++) {
                cases.add(regressionCase(points[p][0], points[p][1], c));
            }
            for (int l = 0; l < regressions.length; l++) {
                regressions[l].regressAll(cases, totals[l]);
            }
            progress.accept(done.incrementAndGet());
        }
        return totals;
    }

    /**
     * Regressions of one loss, {@link Lanes#COUNT} at a time in lock step (one per SIMD lane); the errors
     * are added to the totals case after case, so the sums are the same bits as one regression after
     * another.
     */
    static final class LockStep {
        private final RaceLoss.Stepper stepper;
        private final Lanes lanes = new Lanes();
        private final double[][] errors = new double[STEPS][Lanes.COUNT];

        LockStep(RaceLoss loss) {
            this.stepper = loss.stepper();
        }

        /** Every case {start box, target box}: {@code totals[k - 1]} gains the errors after step k. */
        void regressAll(List<double[][]> cases, double[] totals) {
            regressAll(cases, totals, null);
        }

        /** The same, and the first case's box after each step into {@code firstTrajectory} if it is not null. */
        void regressAll(List<double[][]> cases, double[] totals, double[][] firstTrajectory) {
            for (int first = 0; first < cases.size(); first += Lanes.COUNT) {
                regress(cases, first, Math.min(Lanes.COUNT, cases.size() - first), totals, first == 0 ? firstTrajectory : null);
            }
        }

        /**
         * The 200 steps of cases {@code first .. first + count - 1} (the spare lanes repeat the last one),
         * adding each one's error after step k to {@code totals[k - 1]}; {@code trajectory}, if not null,
         * receives the first case's box after each step. Once no box moves any more, every box has reached
         * a fixed point of the update (IoU's gradient is 0 once the boxes are apart, and the rate only
         * falls): every later step would leave it there too, so the errors are filled in without computing.
         */
        void regress(List<double[][]> cases, int first, int count, double[] totals, double[][] trajectory) {
            for (int lane = 0; lane < Lanes.COUNT; lane++) {
                double[][] pair = cases.get(first + Math.min(lane, count - 1));
                lanes.load(lane, pair[0], pair[1]);
            }
            int k = 1;
            boolean moving = true;
            for (; k <= STEPS && moving; k++) {
                stepper.direction(lanes);
                moving = update(rate(k), errors[k - 1]);
                if (trajectory != null) {
                    trajectory[k - 1] = lanes.box(0);
                }
            }
            for (; k <= STEPS; k++) {
                System.arraycopy(errors[k - 2], 0, errors[k - 1], 0, Lanes.COUNT);
                if (trajectory != null) {
                    trajectory[k - 1] = lanes.box(0);
                }
            }
            for (int step = 0; step < STEPS; step++) {
                double[] e = errors[step];
                double sum = totals[step];
                for (int lane = 0; lane < count; lane++) {
                    sum += e[lane];
                }
                totals[step] = sum;
            }
        }

        /** B <- B + rate (2 - IoU) g in every lane, the errors after it; false when no box moved. */
        private boolean update(double rate, double[] error) {
            DoubleVector scale = DoubleVector.broadcast(Lanes.SPECIES, rate).mul(
                    DoubleVector.broadcast(Lanes.SPECIES, 2).sub(DoubleVector.fromArray(Lanes.SPECIES, lanes.iou, 0)));
            DoubleVector x = DoubleVector.fromArray(Lanes.SPECIES, lanes.x, 0);
            DoubleVector y = DoubleVector.fromArray(Lanes.SPECIES, lanes.y, 0);
            DoubleVector w = DoubleVector.fromArray(Lanes.SPECIES, lanes.w, 0);
            DoubleVector h = DoubleVector.fromArray(Lanes.SPECIES, lanes.h, 0);
            DoubleVector nx = x.add(scale.mul(DoubleVector.fromArray(Lanes.SPECIES, lanes.dx, 0)));
            DoubleVector ny = y.add(scale.mul(DoubleVector.fromArray(Lanes.SPECIES, lanes.dy, 0)));
            DoubleVector nw = w.add(scale.mul(DoubleVector.fromArray(Lanes.SPECIES, lanes.dw, 0)));
            DoubleVector nh = h.add(scale.mul(DoubleVector.fromArray(Lanes.SPECIES, lanes.dh, 0)));
            nx.intoArray(lanes.x, 0);
            ny.intoArray(lanes.y, 0);
            nw.intoArray(lanes.w, 0);
            nh.intoArray(lanes.h, 0);
            DoubleVector errorX = nx.sub(DoubleVector.fromArray(Lanes.SPECIES, lanes.tx, 0)).abs();
            DoubleVector errorY = ny.sub(DoubleVector.fromArray(Lanes.SPECIES, lanes.ty, 0)).abs();
            DoubleVector errorW = nw.sub(DoubleVector.fromArray(Lanes.SPECIES, lanes.tw, 0)).abs();
            DoubleVector errorH = nh.sub(DoubleVector.fromArray(Lanes.SPECIES, lanes.th, 0)).abs();
            errorX.add(errorY).add(errorW).add(errorH).intoArray(error, 0);
            VectorMask<Double> still = nx.compare(VectorOperators.EQ, x).and(ny.compare(VectorOperators.EQ, y))
                    .and(nw.compare(VectorOperators.EQ, w)).and(nh.compare(VectorOperators.EQ, h));
            return !still.allTrue();
        }
    }

    /** The paper's error of a box: the L1 distance of (x, y, w, h) to the target's. */
    public static double error(double[] box, double[] target) {
        return Math.abs(box[0] - target[0]) + Math.abs(box[1] - target[1]) + Math.abs(box[2] - target[2])
                + Math.abs(box[3] - target[3]);
    }

    /** Anchor centres from a CSV of {@code x,y} rows (a header line is skipped). */
    public static double[][] readPoints(Reader in, String where) throws IOException {
        return AnchorCentres.read(in, where, Integer.MAX_VALUE);
    }

    /** As above, at most {@code limit} centres (see {@link AnchorCentres#read}). */
    public static double[][] readPoints(Reader in, String where, int limit) throws IOException {
        return AnchorCentres.read(in, where, limit);
    }
}
