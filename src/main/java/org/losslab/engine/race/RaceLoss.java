package org.losslab.engine.race;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
import org.losslab.engine.Evaluation;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.box.BoxPairs;
import org.losslab.engine.box.IouFamilyLanes;
import org.losslab.engine.box.IouFamilyLoss;

/**
 * One contestant of the DIoU paper's simulation: the direction a box of (x, y, w, h) moves towards its
 * target, and the IoU that scales the step. With the paper's gradients it is the authors' code; with
 * exact gradients it is minus the registry loss's analytic gradient, converted from corners to
 * (x, y, w, h).
 */
public record RaceLoss(String name, Supplier<Stepper> steppers) {

    /** A per-thread stepper: it may keep scratch arrays. */
    public Stepper stepper() {
        return steppers.get();
    }

    /** Computes one step's inputs for every lane. */
    public interface Stepper {
        /**
         * Writes the direction of the step, (dx, dy, dw, dh), and the IoU that scales it (0 unless the
         * boxes overlap), both at the box before the step, into every lane.
         */
        void direction(Lanes lanes);
    }

    /** The losses the paper's code has gradients for (IoU, GIoU, DIoU, CIoU), by their registry names. */
    public static List<String> paperNames() {
        return Arrays.stream(PaperGradients.Metric.values()).map(m -> m.name().toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * What races with exact gradients: the paper's losses first, then the registry's other plotted box losses
     * (EIoU, SIoU, NWD, ...), at most {@code limit} of them.
     */
    public static List<String> exactNames(int limit) {
        List<String> names = new ArrayList<>(paperNames());
        LossRegistry.of(Domains.BOXES).stream()
                .filter(spec -> spec.differentiable() && spec.plottedByDefault() && !names.contains(spec.name()))
                .forEach(spec -> names.add(spec.name()));
        return List.copyOf(names.subList(0, Math.min(names.size(), limit)));
    }

    /** The authors' code for one of IoU, GIoU, DIoU, CIoU. */
    public static RaceLoss paper(String name) {
        PaperGradients.Metric metric;
        try {
            metric = PaperGradients.Metric.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new EngineException("the paper's code has gradients for iou, giou, diou and ciou only, not '" + name
                    + "' (use --gradients exact for the other losses)");
        }
        return new RaceLoss(name, () -> new PaperGradients(metric));
    }

    /** Minus the analytic gradient of a registry box loss with its default parameters. */
    @SuppressWarnings("unchecked")
    public static RaceLoss exact(String name) {
        LossSpec<?> found = LossRegistry.get(name);
        if (found.domain() != Domains.BOXES || !found.differentiable()) {
            throw new EngineException("'" + name + "' is not a box loss (the race regresses boxes)");
        }
        LossSpec<BoxPairs> spec = (LossSpec<BoxPairs>) found;
        Params params = spec.bind(Map.of("reduction", "none"));
        IouFamilyLoss.Variant variant = iouVariant(name);
        if (variant != null) {
            // the registry's formulas on SIMD lanes, the same bits as IouFamilyLoss
            double eps = params.number("eps");
            return new RaceLoss(name, () -> new ExactLanes(new IouFamilyLanes(variant, eps)::gradient));
        }
        return new RaceLoss(name, () -> {
            double[] corners = new double[4];
            double[] targetCorners = new double[4];
            double[] g = new double[4];
            return new ExactLanes((predicted, target, gradient) -> {
                for (int lane = 0; lane < Lanes.COUNT; lane++) {
                    for (int c = 0; c < 4; c++) {
                        corners[c] = predicted[c][lane];
                        targetCorners[c] = target[c][lane];
                    }
                    gradient(spec, params, corners, targetCorners, g);
                    for (int c = 0; c < 4; c++) {
                        gradient[c][lane] = g[c];
                    }
                }
            });
        });
    }

    private static IouFamilyLoss.Variant iouVariant(String name) {
        for (IouFamilyLoss.Variant v : IouFamilyLoss.Variant.values()) {
            if (v.name().equalsIgnoreCase(name)) {
                return v;
            }
        }
        return null;
    }

    /** The registry's gradient; a box turned inside out (w or h < 0) has none, and stops. */
    private static void gradient(LossSpec<BoxPairs> spec, Params params, double[] corners, double[] target, double[] g) {
        try {
            Evaluation e = spec.evaluate(new BoxPairs(corners.clone(), target.clone()), params, true);
            System.arraycopy(e.gradient().get("predicted"), 0, g, 0, 4);
        } catch (EngineException inverted) {
            Arrays.fill(g, 0);
        }
    }
}
