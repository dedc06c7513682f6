package org.losslab.app;

import java.awt.image.BufferedImage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import org.losslab.app.core.Offscreen;
import org.losslab.app.seg.SegDocument;
import org.losslab.app.seg.SegSceneAdapter;
import org.losslab.app.seg.SegmentationWorkspace;
import org.losslab.engine.maps.MapKind;
import org.losslab.scene.Presets;

/** Draws the segmentation workspace for a scene offscreen, once its map and table are computed. */
public final class SegmentationRender {
    private SegmentationRender() {
    }

    public static BufferedImage render(org.losslab.scene.Scene scene, MapKind layer, int width, int height)
            throws InterruptedException {
        Offscreen.start();
        CountDownLatch done = new CountDownLatch(1);
        SegmentationWorkspace ws = Offscreen.onFx(() -> {
            SegDocument doc = new SegDocument(Presets.standard().create(8));
            SegSceneAdapter.load(scene, doc);
            SegmentationWorkspace w = new SegmentationWorkspace(doc);
            if (layer != null) {
                w.layerChoice().setValue(layer);
            }
            new Scene(w, width, height);
            w.applyCss();
            w.layout();
            w.canvas().fit();
            Runnable check = () -> {
                int revision = doc.revisionProperty().get();
                if (w.shownRevisionProperty().get() == revision && w.tableRevisionProperty().get() == revision) {
                    done.countDown();
                }
            };
            w.shownRevisionProperty().addListener((o, a, b) -> check.run());
            w.tableRevisionProperty().addListener((o, a, b) -> check.run());
            check.run();
            return w;
        });
        if (!done.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the workspace did not finish computing");
        }
        try {
            return Offscreen.onFx(() -> {
                ws.canvas().fit();
                return Offscreen.snapshot(ws, width, height);
            });
        } finally {
            ws.close();
        }
    }
}
