package org.losslab.app.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.Property;
import org.losslab.scene.Json;
import org.losslab.scene.Scene;

/**
 * A workspace's view model as it is saved: named properties (what the user set: layer, opacities,
 * tool, plot, ...) written to and read from the workspace's object in the scene's {@code losslab_app}
 * block. A value the file lacks, or one that no longer parses, leaves the property as it is.
 */
public final class ViewSettings {
    /** The block the app keeps its own settings in (the engine ignores it). */
    public static final String APP_BLOCK = "losslab_app";

    private interface Entry {
        void write(ObjectNode node);

        void read(JsonNode node);
    }

    private final String key;
    private final List<Entry> entries = new ArrayList<>();
    /** The settings as last restored or saved: a save writes them only when they differ. */
    private ObjectNode saved;

    /**
     * The settings of a window that opened no file (each entry's value when it was registered): what a file without
     * an entry shows when it is opened in a fresh window.
     */
    private final ObjectNode defaults = Json.MAPPER.createObjectNode();

    /** Settings saved under {@code losslab_app.<key>}. */
    public ViewSettings(String key) {
        this.key = key;
    }

    private void add(Entry entry) {
        entries.add(entry);
        entry.write(defaults);
    }

    public ViewSettings number(String name, DoubleProperty p) {
        add(new Entry() {
            @Override
            public void write(ObjectNode node) {
                node.put(name, p.get());
            }

            @Override
            public void read(JsonNode node) {
                JsonNode v = node.get(name);
                if (v != null && v.isNumber() && Double.isFinite(v.doubleValue())) {
                    p.set(v.doubleValue());
                }
            }
        });
        return this;
    }

    public ViewSettings flag(String name, BooleanProperty p) {
        add(new Entry() {
            @Override
            public void write(ObjectNode node) {
                node.put(name, p.get());
            }

            @Override
            public void read(JsonNode node) {
                JsonNode v = node.get(name);
                if (v != null && v.isBoolean()) {
                    p.setValue(v.booleanValue());
                }
            }
        });
        return this;
    }

    /**
     * A value saved as text (a map's key, a tool's name); {@code parse} throws or returns null for
     * text it does not know, which is then ignored. A null value is saved as JSON null.
     */
    public <T> ViewSettings text(String name, Property<T> p, Function<T, String> format, Function<String, T> parse) {
        add(new Entry() {
            @Override
            public void write(ObjectNode node) {
                T v = p.getValue();
                if (v == null) {
                    node.putNull(name);
                } else {
                    node.put(name, format.apply(v));
                }
            }

            @Override
            public void read(JsonNode node) {
                JsonNode v = node.get(name);
                if (v == null) {
                    return;
                }
                if (v.isNull()) {
                    p.setValue(null);
                    return;
                }
                if (!v.isTextual()) {
                    return;
                }
                try {
                    T parsed = parse.apply(v.textValue());
                    if (parsed != null) {
                        p.setValue(parsed);
                    }
                } catch (RuntimeException unknown) {
                    // a setting of another version of LossLab: keep the current one
                }
            }
        });
        return this;
    }

    /** These settings as a JSON object. */
    public ObjectNode toJson() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        entries.forEach(e -> e.write(node));
        return node;
    }

    /**
     * The scene with these settings in its app block (other entries of the block are kept), if they
     * changed since they were restored or last saved; else the scene as it is, so that opening and
     * saving a file without a change writes it back unchanged.
     */
    public Scene writeTo(Scene scene) {
        ObjectNode now = toJson();
        if (now.equals(saved)) {
            return scene;
        }
        ObjectNode app = appBlock(scene).deepCopy();
        // keys this version does not know (a newer LossLab's, a user's own) are kept, as the README promises
        JsonNode before = app.get(key);
        ObjectNode merged = before != null && before.isObject() ? ((ObjectNode) before).deepCopy() : Json.MAPPER.createObjectNode();
        merged.setAll(now);
        app.set(key, merged);
        return scene.withExtraBlock(APP_BLOCK, app);
    }

    /**
     * Applies the settings a scene holds, if any, and takes what the file determines as the saved state: its own
     * values, and a fresh window's for the settings it does not hold. A setting the window kept from before (the
     * tool of the last scene) and the file does not hold is then unsaved: a save writes it, so that the file, opened
     * again, shows what the window showed (taking the window's values as saved lost it).
     */
    public void restoreFrom(Scene scene) {
        apply(appBlock(scene).get(key));
        takeBaselineFrom(scene);
    }

    /** Takes what the scene determines as the saved state (see {@link #restoreFrom}), the settings as they are. */
    public void takeBaselineFrom(Scene scene) {
        JsonNode block = appBlock(scene).get(key);
        ObjectNode now = toJson();
        ObjectNode baseline = defaults.deepCopy();
        if (block != null && block.isObject()) {
            now.fields().forEachRemaining(e -> {
                if (block.has(e.getKey())) {
                    baseline.set(e.getKey(), e.getValue());
                }
            });
        }
        saved = baseline;
    }

    /** Sets every property the object names (as {@link #toJson()} writes them); others stay as they are. */
    public void apply(JsonNode node) {
        if (node != null && node.isObject()) {
            entries.forEach(e -> e.read(node));
        }
    }

    /** Takes the current settings as the saved state. */
    public void markSaved() {
        saved = toJson();
    }

    /**
     * The settings as last saved or restored (what the file holds), for a workspace's state: a lesson gives it back
     * with {@link #restoreBaseline}, so that a setting changed and unsaved before the lesson is still written by the
     * next save (the document's saved state is not the view's).
     */
    public ObjectNode baseline() {
        return saved == null ? null : saved.deepCopy();
    }

    /** Puts back a {@link #baseline()}. */
    public void restoreBaseline(ObjectNode baseline) {
        saved = baseline == null ? null : baseline.deepCopy();
    }

    /** The scene's app block, or an empty one. */
    public static ObjectNode appBlock(Scene scene) {
        ObjectNode app = scene.extraBlocks().get(APP_BLOCK);
        return app == null ? Json.MAPPER.createObjectNode() : app;
    }
}
