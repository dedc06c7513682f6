package org.losslab.scene;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.race.DiouSimulation;
import org.losslab.engine.race.RaceLoss;
import org.losslab.engine.race.RacePreset;
import org.losslab.engine.race.RaceRun;

/**
 * "race:LOSS" is the regression race's total error of a box loss after its last step, on the step's anchors
 * and gradients as the race tab opens unless a step set them (the ring, the paper's code); "race:LOSS@step=K"
 * after step K (0: the start). With the paper's code only iou, giou, diou and ciou race.
 */
final class RaceValues implements ClaimValues {
    /** A race computed once per process: an exact ring takes seconds, and a lesson names several of its losses. */
    private static final Map<String, RaceRun> RUNS = new ConcurrentHashMap<>();

    @Override
    public String prefix() {
        return "race";
    }

    @Override
    public void check(String name, boolean forTask) {
        NameOptions n = NameOptions.parse(name, Set.of("step"));
        LossSpec<?> spec = LossRegistry.get(n.base());
        if (spec.domain() != Domains.BOXES || !spec.differentiable()) {
            throw new EngineException("'" + n.base() + "' is not a differentiable box loss: it does not race");
        }
        double step = n.get("step", DiouSimulation.STEPS);
        if (step < 0 || step > DiouSimulation.STEPS || step != Math.rint(step)) {
            throw new EngineException("'" + name + "': step must be a whole number from 0 to " + DiouSimulation.STEPS);
        }
    }

    @Override
    public double value(StepScene scene, String name) {
        NameOptions n = NameOptions.parse(name, Set.of("step"));
        RacePreset preset = scene.race() == null ? RacePreset.RING : Lessons.racePreset(scene.race(), "race");
        boolean paper = scene.raceGradients() == null || "paper".equals(scene.raceGradients());
        String key = preset + "/" + paper + "/" + n.base();
        RaceRun run = RUNS.computeIfAbsent(key, k -> RaceRun.of(preset,
                List.of(paper ? RaceLoss.paper(n.base()) : RaceLoss.exact(n.base()))));
        return run.totals()[0][(int) n.get("step", DiouSimulation.STEPS)];
    }
}
