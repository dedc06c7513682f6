package org.losslab.app.detect;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.losslab.app.core.ViewSettings;
import org.losslab.engine.ssd.SsdToy;

/**
 * What the user sets on the SSD view's sliders, held by the detection workspace (the view is built only when its
 * tab is first shown): saved with the scene, restored with the workspace's state, set by a lesson step.
 */
public final class SsdSettings {
    private final SsdToy start = SsdToy.defaults();
    final DoubleProperty threshold = new SimpleDoubleProperty(start.threshold());
    final DoubleProperty gamma = new SimpleDoubleProperty(SsdToy.FOCAL_GAMMA);
    final DoubleProperty sharpness = new SimpleDoubleProperty(start.sharpness());
    final DoubleProperty background = new SimpleDoubleProperty(start.background());
    final DoubleProperty noise = new SimpleDoubleProperty(start.noise());

    /** The focal loss's gamma the view weighs the negatives with. */
    public DoubleProperty gamma() {
        return gamma;
    }

    /** The toy model's background logit. */
    public DoubleProperty background() {
        return background;
    }

    /** Adds the settings to the workspace's saved view. */
    ViewSettings register(ViewSettings view) {
        return view.number("ssd_threshold", threshold).number("ssd_gamma", gamma).number("ssd_sharpness", sharpness)
                .number("ssd_background", background).number("ssd_noise", noise);
    }
}
