package org.losslab.scene;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.losslab.engine.EngineException;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.dense.DistributionData;
import org.losslab.engine.sweep.PlotData;
import org.losslab.engine.sweep.SweepResult;
import org.losslab.engine.sweep.TeachingPlot;
import org.losslab.engine.sweep.TeachingSweeps;

/**
 * "dfl:NAME": the distribution focal loss as the DFL lesson shows it. plot_min is the least value of the dfl
 * plot's curve and plot_at@target=T its value at the grid point nearest T (default parameters); floor@target=T
 * is the registry's dfl of the best distribution any head could give a target T bins away (exactly the split
 * weights on the two bins around it: the entropy of the split); mean_floor averages that floor over targets
 * spread evenly between two bins (the dfl_loss a perfect head would log).
 */
final class DflValues implements ClaimValues {
    private static final List<String> NAMES = List.of("plot_min", "plot_at", "floor", "mean_floor");
    private static final int BINS = 16;
    /** Targets at the centres of this many equal slices of one bin for mean_floor. */
    private static final int SLICES = 1000;

    @Override
    public String prefix() {
        return "dfl";
    }

    @Override
    public void check(String name, boolean forTask) {
        NameOptions n = NameOptions.parse(name, Set.of("target"), "dfl", NAMES);
        boolean needsTarget = n.base().equals("plot_at") || n.base().equals("floor");
        if (needsTarget != n.options().containsKey("target")) {
            throw new EngineException("'" + name + "': " + (needsTarget ? "give @target=T" : "takes no target"));
        }
        double t = n.get("target", 1);
        if (t < 0 || t >= BINS - 1) {
            throw new EngineException("'" + name + "': target must be in [0, " + (BINS - 1) + ")");
        }
    }

    @Override
    public double value(StepScene scene, String name) {
        NameOptions n = NameOptions.parse(name, Set.of("target"));
        return switch (n.base()) {
            case "plot_min" -> Arrays.stream(plotCurve().column("dfl")).min().orElse(Double.NaN);
            case "plot_at" -> plotAt(n.get("target", 0));
            case "floor" -> floor(n.get("target", 0));
            default -> meanFloor();
        };
    }

    private static SweepResult plotCurve() {
        PlotData data = TeachingSweeps.compute(TeachingPlot.DFL, null, null, List.of(), Map.of());
        return data.panels().get(0);
    }

    private static double plotAt(double target) {
        var curve = plotCurve();
        double[] x = curve.x();
        int best = 0;
        for (int k = 1; k < x.length; k++) {
            best = Math.abs(x[k] - target) < Math.abs(x[best] - target) ? k : best;
        }
        return curve.column("dfl")[best];
    }

    /** The registry's dfl of one side whose distribution is the target's split: weight l + 1 - t on bin l, t - l on l + 1. */
    @SuppressWarnings("unchecked")
    private static double floor(double target) {
        LossSpec<DistributionData> dfl = (LossSpec<DistributionData>) LossRegistry.get("dfl");
        int low = (int) Math.floor(target);
        double[] logits = new double[4 * BINS];
        Arrays.fill(logits, -1e4); // probability e^-10000: none
        double[] targets = new double[4];
        for (int side = 0; side < 4; side++) {
            logits[side * BINS + low] = Math.log(Math.max(low + 1 - target, 1e-300));
            logits[side * BINS + low + 1] = Math.log(Math.max(target - low, 1e-300));
            targets[side] = target;
        }
        Params p = dfl.bind(Map.of("reduction", "mean"));
        return dfl.evaluate(new DistributionData(BINS, logits, targets), p, false).value();
    }

    private static double meanFloor() {
        double sum = 0;
        for (int k = 0; k < SLICES; k++) {
            sum += floor(3 + (k + 0.5) / SLICES);
        }
        return sum / SLICES;
    }
}
