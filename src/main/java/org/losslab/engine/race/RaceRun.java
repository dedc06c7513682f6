package org.losslab.engine.race;

import java.util.List;

/**
 * A race of several losses over the same regressions, for the window: each loss's total error after every
 * step, and the whole trajectory of one regression (the first) to draw.
 *
 * @param names      the losses, in order
 * @param totals     {@code totals[loss][k]}: the error summed over the regressions after k steps (k = 0: the start)
 * @param shown      {@code shown[loss][k]}: the first regression's box after k steps, (x, y, w, h)
 * @param target     the first regression's target
 * @param regressions how many regressions the totals sum
 */
public record RaceRun(List<String> names, double[][] totals, double[][][] shown, double[] target, int regressions) {

    /** Runs the losses on the preset's regressions (a few hundred thousand steps at most: well under a second). */
    public static RaceRun of(RacePreset preset, List<RaceLoss> losses) {
        List<double[][]> cases = preset.regressions();
        int steps = DiouSimulation.STEPS;
        double[][] totals = new double[losses.size()][steps + 1];
        double[][][] shown = new double[losses.size()][steps + 1][];
        for (int l = 0; l < losses.size(); l++) {
            double[] afterSteps = new double[steps];
            new DiouSimulation.LockStep(losses.get(l)).regressAll(cases, afterSteps, shown[l]);
            for (double[][] c : cases) {
                totals[l][0] += DiouSimulation.error(c[0], c[1]);
            }
            System.arraycopy(afterSteps, 0, totals[l], 1, steps);
            System.arraycopy(shown[l], 0, shown[l], 1, steps);
            shown[l][0] = cases.get(0)[0].clone();
        }
        return new RaceRun(losses.stream().map(RaceLoss::name).toList(), totals, shown, cases.get(0)[1].clone(), cases.size());
    }
}
