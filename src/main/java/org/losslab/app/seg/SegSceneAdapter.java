package org.losslab.app.seg;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.losslab.app.core.ViewSettings;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.Params;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.scene.Json;
import org.losslab.scene.LossEntry;
import org.losslab.scene.Scene;

/**
 * Between the segmentation workspace's document and scene files: the segmentation block, every segmentation loss
 * with the parameters that differ from the defaults, and the app's own block (preset, class names).
 */
public final class SegSceneAdapter {
    private SegSceneAdapter() {
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
        doc.open(data, app != null && app.has("preset") ? app.get("preset").asText() : "");
        doc.classNames().clear();
        if (app != null && app.has("class_names")) {
            app.get("class_names").forEach(n -> doc.classNames().add(n.asText()));
        }
        params.forEach(doc::setParams);
        doc.markSaved();
    }
}
