package org.losslab.engine.train;

import java.util.Arrays;
import java.util.Map;

/**
 * The record of a run: the loss and the metrics of {@link StepMetrics} before each update (row s is the
 * state after s updates), growing as the run goes on.
 */
public final class TrainingCurves {
    private static final int WIDTH = 1 + StepMetrics.NAMES.size();
    /** Row after row, flat: 40 bytes a step, so that a long run's record stays small. */
    private double[] rows = new double[64 * WIDTH];
    private int size;

    /** Adds the state after {@code rows()} updates: its loss and metrics. */
    public void add(double loss, Map<String, Double> metrics) {
        if ((size + 1) * WIDTH > rows.length) {
            rows = Arrays.copyOf(rows, rows.length * 2);
        }
        int at = size * WIDTH;
        rows[at] = loss;
        for (int k = 0; k < StepMetrics.NAMES.size(); k++) {
            rows[at + k + 1] = metrics.get(StepMetrics.NAMES.get(k));
        }
        size++;
    }

    public int size() {
        return size;
    }

    public double loss(int step) {
        return rows[row(step)];
    }

    /** A metric of {@link StepMetrics#NAMES} after {@code step} updates. */
    public double metric(String name, int step) {
        return rows[row(step) + 1 + StepMetrics.NAMES.indexOf(name)];
    }

    private int row(int step) {
        if (step < 0 || step >= size) {
            throw new IndexOutOfBoundsException("step " + step + " of " + size);
        }
        return step * WIDTH;
    }

    /** One trainer's run for {@code steps} updates, recording every state (steps + 1 rows). */
    public static TrainingCurves record(Trainer trainer, int steps) {
        TrainingCurves curves = new TrainingCurves();
        for (int s = 0; s < steps; s++) {
            Map<String, Double> metrics = trainer.stepMetrics();
            double loss = trainer.step();
            curves.add(loss, metrics);
        }
        curves.add(trainer.loss(), trainer.stepMetrics());
        return curves;
    }
}
