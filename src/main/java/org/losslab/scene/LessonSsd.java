package org.losslab.scene;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.losslab.engine.EngineException;
import org.losslab.engine.ssd.SsdToy;

/**
 * A lesson step's {@code "ssd"}: the SSD view's settings an answer step shows, so that its picture is the one the
 * step before asked the user to make by dragging ({@code {"gamma": 2, "background": 2}}). Each within the range the
 * view's slider offers.
 */
final class LessonSsd {
    /** The settings a step may set, with the largest value the view offers (the least is 0). */
    static final Map<String, Double> RANGES = Map.of("gamma", SsdToy.MAX_GAMMA, "background", SsdToy.MAX_BACKGROUND);

    private LessonSsd() {
    }

    static Map<String, Double> settings(JsonNode node, String where) {
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new EngineException(where + ": expected an object, {\"gamma\": 2, \"background\": 2}");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Double max = RANGES.get(e.getKey());
            if (max == null) {
                throw new EngineException(where + ": unknown setting '" + e.getKey() + "' (gamma or background)");
            }
            double v = e.getValue().asDouble(Double.NaN);
            if (!e.getValue().isNumber() || !(v >= 0 && v <= max)) {
                throw new EngineException(where + "." + e.getKey() + ": expected a number from 0 to " + max);
            }
            out.put(e.getKey(), v);
        }
        return out;
    }
}
