package org.losslab.scene;

import java.util.Locale;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.ParamType;
import org.losslab.engine.seg.SegmentationData;

/**
 * The default namespace of lesson values (no prefix): "dice_score" is the registry entry's value on the
 * step's segmentation scene with the step's parameters, "tversky.alpha" the parameter's value. Only
 * segmentation entries and number parameters: a box loss or a boolean has no value on this scene.
 */
public final class SegmentationValues implements ClaimValues {

    @Override
    public String prefix() {
        return "";
    }

    @Override
    public void check(String name, boolean forTask) {
        int dot = name.indexOf('.');
        LossSpec<?> spec = LossRegistry.get(dot < 0 ? name : name.substring(0, dot));
        if (spec.domain() != Domains.SEGMENTATION) {
            throw new EngineException("'" + spec.name() + "' is a " + spec.domain().block()
                    + " entry; lesson values read the segmentation scene");
        }
        if (dot >= 0) {
            ParamSpec param = spec.param(name.substring(dot + 1));
            if (param.type() != ParamType.NUMBER && param.type() != ParamType.INTEGER) {
                throw new EngineException(name + " is a " + param.type().name().toLowerCase(Locale.ROOT)
                        .replace('_', ' ') + " parameter, not a number");
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public double value(StepScene scene, String name) {
        int dot = name.indexOf('.');
        if (dot >= 0) {
            Object v = scene.params().get(name.substring(0, dot)).raw(name.substring(dot + 1));
            return v instanceof Number n ? n.doubleValue() : Double.NaN;
        }
        return evaluate((LossSpec<SegmentationData>) LossRegistry.get(name), scene);
    }

    /**
     * The entry's value on the step's scene, or an error saying why it has none there (the scene's mode, a
     * class outside the scene, an out-of-range parameter).
     */
    static double evaluate(LossSpec<SegmentationData> spec, StepScene scene) {
        if (!spec.appliesTo(scene.segmentation())) {
            throw new EngineException(spec.name() + " " + spec.requirement() + " (preset " + scene.preset() + ")");
        }
        return spec.evaluate(scene.segmentation(), scene.params().get(spec.name()), false).value();
    }
}
