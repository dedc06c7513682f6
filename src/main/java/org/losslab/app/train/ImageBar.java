package org.losslab.app.train;

import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.losslab.app.core.ViewSettings;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.engine.train.ImageData;
import org.losslab.engine.train.ImageSynthesis;

/**
 * The image the pixel model classifies on a painted scene: object and background intensities, noise, blur and
 * seed. A change restarts the run (a drag when it ends, so that dragging does not restart at every pixel).
 */
final class ImageBar extends HBox {
    private final Runnable restart;
    private final Slider objectIntensity = slider(0, 1, 0.6, "train-image-object", "Object intensity");
    private final Slider backgroundIntensity = slider(0, 1, 0.4, "train-image-background", "Background intensity");
    private final Slider noise = slider(0, 0.5, 0.12, "train-image-noise", "Noise (standard deviation)");
    private final Slider blur = slider(0, 5, 0, "train-image-blur", "3 x 3 box-blur passes");
    private final Spinner<Integer> seed = new Spinner<>(0, 9999, 1);

    ImageBar(Runnable restart) {
        super(6);
        this.restart = restart;
        seed.setPrefWidth(80);
        seed.valueProperty().addListener(o -> restart.run());
        getChildren().addAll(new Label("Pixel model's image (painted scene): object"), objectIntensity,
                new Label("background"), backgroundIntensity, new Label("noise"), noise, new Label("blur"), blur,
                new Label("seed"), seed);
    }

    /** The image made from the painted ground truth with the bar's settings. */
    ImageData synthesise(SegmentationData scene) {
        return ImageSynthesis.fromTarget(scene, objectIntensity.getValue(), backgroundIntensity.getValue(),
                noise.getValue(), (int) Math.round(blur.getValue()), seed.getValue());
    }

    /** Adds the bar's settings to the training block of the scene file. */
    ViewSettings register(ViewSettings settings) {
        return settings.number("object_intensity", objectIntensity.valueProperty())
                .number("background_intensity", backgroundIntensity.valueProperty())
                .number("noise", noise.valueProperty())
                .number("blur", blur.valueProperty())
                .text("seed", seed.getValueFactory().valueProperty(), String::valueOf, Integer::valueOf);
    }

    private Slider slider(double min, double max, double value, String id, String tip) {
        Slider s = new Slider(min, max, value);
        s.setId(id);
        s.setPrefWidth(110);
        s.setTooltip(new Tooltip(tip));
        // restart is read when the slider moves, after the constructor has set it
        s.valueProperty().addListener(o -> {
            if (!s.isValueChanging()) {
                restart.run();
            }
        });
        s.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                restart.run();
            }
        });
        return s;
    }
}
