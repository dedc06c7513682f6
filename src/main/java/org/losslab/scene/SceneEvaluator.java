package org.losslab.scene;

import org.losslab.engine.EngineException;
import org.losslab.engine.Evaluation;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;

/** Evaluates a scene's losses on the scene's blocks: the one path {@code eval}, the app and the tests share. */
public final class SceneEvaluator {
    private SceneEvaluator() {
    }

    /**
     * @throws EngineException for an unknown loss, bad parameters, a missing block or an input the loss
     *                         cannot take
     */
    public static Evaluation evaluate(Scene scene, LossEntry entry, boolean withGradient) {
        LossSpec<?> spec = entry.spec();
        return evaluate(scene, spec, entry.bind(), withGradient);
    }

    public static <I> Evaluation evaluate(Scene scene, LossSpec<I> spec, Params params, boolean withGradient) {
        I input = scene.block(spec.domain()).orElseThrow(() -> new EngineException(
                spec.name() + ": the scene has no \"" + spec.domain().block() + "\" block"));
        return spec.evaluate(input, params, withGradient);
    }
}
