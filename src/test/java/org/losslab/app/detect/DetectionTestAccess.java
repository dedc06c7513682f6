package org.losslab.app.detect;

import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.text.Font;
import org.testfx.util.WaitForAsyncUtils;

/** What the detection views keep to their package, for the UI tests in org.losslab.app. */
public final class DetectionTestAccess {
    private DetectionTestAccess() {
    }

    /** The box canvas's label chips as placed now, {x, y, width, height}. */
    public static double[][] labelChips(BoxCanvas canvas) {
        return canvas.labelChipsShown();
    }

    /** The race canvas's caption lines and their font. */
    public static List<String> raceCaption() {
        return RaceTab.CANVAS_CAPTION;
    }

    public static Font raceCaptionFont() {
        return RaceTab.CAPTION_FONT;
    }

    /** The pixels of a canvas as drawn now. */
    public static PixelReader snapshot(Canvas canvas) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> canvas.snapshot(null, null)).get().getPixelReader();
    }
}
