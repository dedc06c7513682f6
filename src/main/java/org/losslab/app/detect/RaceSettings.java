package org.losslab.app.detect;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.losslab.app.core.ViewSettings;
import org.losslab.engine.race.RacePreset;
import org.losslab.scene.Lessons;

/**
 * The regression race's set-up, held by the detection workspace (the race tab is built only when first shown): its
 * anchors and whether it follows the paper's code or the exact gradients. Saved with the scene, restored with the
 * workspace's state, set by a lesson step.
 */
public final class RaceSettings {
    /** The paper's aggregate over many anchors: one anchor's total error zig-zags at the paper's step size. */
    private final ObjectProperty<RacePreset> anchors = new SimpleObjectProperty<>(this, "anchors", RacePreset.RING);
    private final BooleanProperty paperGradients = new SimpleBooleanProperty(this, "paperGradients", true);

    public ObjectProperty<RacePreset> anchors() {
        return anchors;
    }

    /** True: the authors' MATLAB gradients, quirks included; false: the losses' exact gradients. */
    public BooleanProperty paperGradients() {
        return paperGradients;
    }

    ViewSettings register(ViewSettings view) {
        return view.text("race_anchors", anchors, p -> Lessons.dashed(p.name()),
                        key -> Lessons.racePreset(key, "losslab_app.detection.race_anchors"))
                .flag("race_paper_gradients", paperGradients);
    }
}
