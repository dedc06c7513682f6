package org.losslab.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The record of a run: the loss and the metrics of {@link StepMetrics} before each update (row s is the
 * state after s updates), growing as the run goes on.
 */
public final class TrainingCurves {
    private final List<double[]> rows = new ArrayList<>();

    /** Adds the state after {@code rows()} updates: its loss and metrics. */
    public void add(double loss, Map<String, Double> metrics) {
        double[] row = new double[1 + StepMetrics.NAMES.size()];
        row[0] = loss;
        for (int k = 0; k < StepMetrics.NAMES.size(); k++) {
            row[k + 1] = metrics.get(StepMetrics.NAMES.get(k));
        }
        rows.add(row);
    }

    public int size() {
        return rows.size();
    }

    public double loss(int step) {
        return rows.get(step)[0];
    }

    /** A metric of {@link StepMetrics#NAMES} after {@code step} updates. */
    public double metric(String name, int step) {
        return rows.get(step)[1 + StepMetrics.NAMES.indexOf(name)];
    }

    /** One trainer's run for {@code steps} updates, recording every state (steps + 1 rows). */
    public static TrainingCurves record(Trainer trainer, int steps) {
        TrainingCurves curves = new TrainingCurves();
        for (int s = 0; s < steps; s++) {
            Map<String, Double> metrics = StepMetrics.of(trainer.current());
            double loss = trainer.step();
            curves.add(loss, metrics);
        }
        curves.add(trainer.loss(), StepMetrics.of(trainer.current()));
        return curves;
    }
}
