package org.losslab.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.losslab.app.core.Workspace;
import org.losslab.engine.Params;
import org.losslab.engine.seg.SegmentationData;

/**
 * What a workspace shows, out of its {@link Workspace#saveState()}: the same state with what a file cannot hold
 * left out (undo and redo histories, the unsaved flags, the selection), and values made comparable by
 * {@code equals} (a scene's arrays as lists, a loss's parameters as their map). Two windows showing the same
 * thing give equal projections, whatever their histories.
 */
final class ShownState {
    /** Record components that are history, not what is shown. */
    private static final Set<String> HISTORY = Set.of("undo", "redo", "dirty", "dataChanged", "appChanged",
            "paramsChanged", "chosen");
    /** The audit on screen: a scene file keeps the audit's folders and settings and audits them again when opened. */
    private static final Set<String> RECOMPUTED = Set.of("result", "resultB", "rows", "status");

    private ShownState() {
    }

    /** Each workspace's shown state, by its key. */
    static Map<String, Object> of(MainWindow window) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Workspace w : window.workspaces()) {
            out.put(w.key(), project(w.saveState()));
        }
        return out;
    }

    static Object project(Object value) {
        if (value == null || value instanceof JsonNode || value instanceof String || value instanceof Number
                || value instanceof Boolean || value instanceof Enum<?>) {
            return value;
        }
        if (value instanceof SegmentationData d) {
            return List.of(d.mode(), d.channels(), d.height(), d.width(),
                    Arrays.stream(d.prediction()).boxed().toList(), Arrays.stream(d.target()).boxed().toList());
        }
        if (value instanceof Params p) {
            return p.asMap();
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), project(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(ShownState::project).toList();
        }
        if (value.getClass().isRecord()) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                if (HISTORY.contains(c.getName()) || RECOMPUTED.contains(c.getName())) {
                    continue;
                }
                try {
                    var accessor = c.getAccessor();
                    accessor.setAccessible(true);
                    out.put(c.getName(), project(accessor.invoke(value)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return out;
        }
        return value; // a path, a set...: compared as it is
    }

    /** The workspaces whose shown states differ, each with both states (shortened), or an empty map. */
    static Map<String, String> differences(Map<String, Object> a, Map<String, Object> b) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : a.keySet()) {
            Object x = a.get(key);
            Object y = b.get(key);
            if (!java.util.Objects.equals(x, y)) {
                out.put(key, where(x, y));
            }
        }
        return out;
    }

    /** The first component that differs, for the failure's message. */
    private static String where(Object x, Object y) {
        if (x instanceof Map<?, ?> mx && y instanceof Map<?, ?> my) {
            for (Object k : mx.keySet()) {
                if (!java.util.Objects.equals(mx.get(k), my.get(k))) {
                    return k + ": " + where(mx.get(k), my.get(k));
                }
            }
            return "keys " + mx.keySet() + " / " + my.keySet();
        }
        return shorten(x) + " / " + shorten(y);
    }

    private static String shorten(Object o) {
        String s = String.valueOf(o);
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
