package org.losslab.app.detect;

import java.util.ArrayList;
import java.util.List;
import org.losslab.engine.Domains;
import org.losslab.scene.Scene;

/** Between the detection workspace's document and scene files: the boxes block (pairs) and the detections block. */
public final class BoxSceneAdapter {
    private BoxSceneAdapter() {
    }

    /** Adds the detection workspace's boxes: the pairs (boxes block) and the scored boxes (detections block). */
    public static Scene withBoxes(Scene scene, BoxDocument boxes) {
        // each block is written back only from what was read from it: a file with both keeps its pairs when its
        // detections are edited (the view shows the detections; the pairs are other data)
        var source = boxes.source();
        Scene out = scene;
        if (source != BoxDocument.Source.DETECTIONS
                && !boxes.predictions().isEmpty() && !boxes.truths().isEmpty()) {
            out = out.withBlock(Domains.BOXES, boxes.pairs());
        }
        return source == BoxDocument.Source.PAIRS ? out : out.withBlock(Domains.DETECTIONS, boxes.detections());
    }

    /** Puts a scene's detections (or else its box pairs) into the detection workspace's document. */
    public static void loadBoxes(Scene scene, BoxDocument boxes) {
        List<DetBox> truths = new ArrayList<>();
        List<DetBox> predictions = new ArrayList<>();
        var detections = scene.block(Domains.DETECTIONS);
        if (detections.isPresent()) {
            var d = detections.get();
            for (int i = 0; i < d.truthLabels().length; i++) {
                double[] b = d.truthBoxes();
                truths.add(new DetBox(b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3], d.truthLabels()[i], 1));
            }
            for (int i = 0; i < d.count(); i++) {
                double[] b = d.boxes();
                predictions.add(new DetBox(b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3], d.labels()[i], d.scores()[i]));
            }
        } else if (scene.block(Domains.BOXES).isPresent()) {
            var pairs = scene.block(Domains.BOXES).get();
            for (int i = 0; i < pairs.count(); i++) {
                double[] t = pairs.target();
                double[] p = pairs.predicted();
                truths.add(new DetBox(t[4 * i], t[4 * i + 1], t[4 * i + 2], t[4 * i + 3], 1, 1));
                predictions.add(new DetBox(p[4 * i], p[4 * i + 1], p[4 * i + 2], p[4 * i + 3], 1, 0.9));
            }
        } else {
            return;
        }
        if (!truths.isEmpty() && !predictions.isEmpty()) {
            boxes.replaceAll(truths, predictions);
            boxes.setSource(detections.isPresent() ? BoxDocument.Source.DETECTIONS
                    : BoxDocument.Source.PAIRS);
        }
    }
}
