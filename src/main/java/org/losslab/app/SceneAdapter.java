package org.losslab.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.losslab.app.detect.BoxDocument;
import org.losslab.app.detect.DetBox;
import org.losslab.app.seg.SegDocument;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.Params;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.scene.Json;
import org.losslab.scene.LossEntry;
import org.losslab.scene.Scene;

/**
 * Between the workspace's document and scene files: the segmentation block, every segmentation loss
 * with the parameters that differ from the defaults, and the app's own block (preset, view).
 */
public final class SceneAdapter {
    private SceneAdapter() {
    }

    /**
     * The scene with what the user changed in the document written into it: the segmentation block if
     * the arrays changed, the entries of losses whose parameters changed (the first entry of that name,
     * or a new one at the end; other entries, of any domain, stay as they were), and the preset and
     * class names if they changed. A scene with no losses yet (a new canvas) gets every segmentation
     * loss, so that {@code eval} has something to compute.
     */
    public static Scene toScene(SegDocument doc, Scene base) {
        Scene scene = base == null ? new Scene(Map.of(), List.of(), Map.of()) : base;
        boolean fresh = scene.losses().isEmpty();
        if (doc.dataChanged() || fresh) {
            scene = scene.withBlock(Domains.SEGMENTATION, doc.data().copy());
        }
        if (!doc.paramsChanged().isEmpty() || fresh) {
            List<LossEntry> losses = new ArrayList<>(scene.losses());
            for (String name : fresh ? doc.params().keySet() : doc.paramsChanged()) {
                LossEntry entry = entry(name, doc.params(name));
                int at = -1;
                for (int k = 0; k < losses.size() && at < 0; k++) {
                    at = losses.get(k).name().equals(name) ? k : -1;
                }
                if (at >= 0) {
                    losses.set(at, entry);
                } else {
                    losses.add(entry);
                }
            }
            scene = scene.withLosses(losses);
        }
        if (doc.appChanged() || fresh) {
            ObjectNode app = ViewSettings.appBlock(scene).deepCopy();
            app.put("preset", doc.preset());
            var names = app.putArray("class_names");
            doc.classNames().forEach(names::add);
            scene = scene.withExtraBlock(ViewSettings.APP_BLOCK, app);
        }
        return scene;
    }

    /** A loss entry with the parameters that differ from the registry's defaults. */
    private static LossEntry entry(String name, Params params) {
        Params defaults = LossRegistry.get(name).defaults();
        ObjectNode given = Json.MAPPER.createObjectNode();
        Map<String, Object> raw = new LinkedHashMap<>();
        params.asMap().forEach((k, v) -> {
            if (!Objects.equals(v, defaults.raw(k))) {
                raw.put(k, v);
                given.set(k, Json.MAPPER.valueToTree(v));
            }
        });
        return new LossEntry(name, raw, given);
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

    /** Puts a scene's segmentation block and loss parameters into the document. */
    public static void load(Scene scene, SegDocument doc) {
        SegmentationData data = scene.block(Domains.SEGMENTATION).orElseThrow(() ->
                new EngineException("the scene has no segmentation block for the segmentation workspace"));
        Map<String, Params> params = new LinkedHashMap<>();
        // an entry the file does not list has its defaults, not the previous document's values (which a save would not write)
        LossRegistry.of(Domains.SEGMENTATION).forEach(spec -> params.put(spec.name(), spec.defaults()));
        for (LossEntry entry : scene.losses()) {
            if (LossRegistry.contains(entry.name()) && entry.spec().domain() == Domains.SEGMENTATION) {
                params.put(entry.name(), entry.bind());
            }
        }
        ObjectNode app = scene.extraBlocks().get(ViewSettings.APP_BLOCK);
        doc.replace(data.copy(), app != null && app.has("preset") ? app.get("preset").asText() : "");
        doc.classNames().clear();
        if (app != null && app.has("class_names")) {
            app.get("class_names").forEach(n -> doc.classNames().add(n.asText()));
        }
        params.forEach(doc::setParams);
        doc.markSaved();
    }
}
