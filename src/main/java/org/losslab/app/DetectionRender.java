package org.losslab.app;

import java.awt.image.BufferedImage;
import javafx.scene.Scene;
import org.losslab.app.core.Offscreen;
import org.losslab.app.detect.BoxSceneAdapter;
import org.losslab.app.detect.DetectionWorkspace;

/** Draws the detection workspace (boxes, pair table, landscape) for a scene offscreen. */
public final class DetectionRender {
    private DetectionRender() {
    }

    public static BufferedImage render(org.losslab.scene.Scene scene, int width, int height) throws InterruptedException {
        Offscreen.start();
        DetectionWorkspace ws = Offscreen.onFx(() -> {
            DetectionWorkspace w = new DetectionWorkspace();
            BoxSceneAdapter.loadBoxes(scene, w.document());
            new Scene(w, width, height);
            w.applyCss();
            w.layout();
            return w;
        });
        for (int k = 0; k < 600 && !Offscreen.onFx(() -> ws.boxes().current()); k++) {
            Thread.sleep(50);
        }
        try {
            return Offscreen.onFx(() -> {
                ws.boxes().canvas().redraw();
                return Offscreen.snapshot(ws, width, height);
            });
        } finally {
            Offscreen.onFx(() -> {
                ws.close();
                return null;
            });
        }
    }
}
