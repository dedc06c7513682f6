package org.losslab.scene;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.sweep.SweepTerm;

/** Builds sweep terms from a scene's losses or from command-line text like {@code tversky:alpha=0.3,beta=0.7}. */
public final class Terms {
    private Terms() {
    }

    /** The scene's losses as terms, labelled by name and the parameters the scene gives. */
    public static List<SweepTerm> of(Scene scene) {
        List<SweepTerm> out = new ArrayList<>();
        for (LossEntry entry : scene.losses()) {
            out.add(new SweepTerm(label(entry.name(), entry.rawParams()), entry.spec(), entry.bind()));
        }
        return out;
    }

    /** A term from {@code NAME[:key=value,...]}, values read as JSON (numbers, true, false, null, "text"). */
    public static SweepTerm parse(String text) {
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        Map<String, Object> raw = new LinkedHashMap<>();
        if (colon >= 0 && colon < text.length() - 1) {
            for (String pair : text.substring(colon + 1).split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new SceneException("loss '" + text + "': expected key=value, got '" + pair + "'");
                }
                String key = pair.substring(0, eq).trim();
                if (raw.containsKey(key)) {
                    throw new SceneException("loss '" + text + "': " + key + " is given twice");
                }
                raw.put(key, value(pair.substring(eq + 1).trim(), text));
            }
        }
        LossSpec<?> spec = LossRegistry.get(name);
        return new SweepTerm(label(name, raw), spec, spec.bind(raw));
    }

    private static Object value(String text, String context) {
        try {
            return Json.plain(Json.MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            return text; // a bare word such as sum or smooth_l1
        }
    }

    static String label(String name, Map<String, Object> raw) {
        if (raw.isEmpty()) {
            return name;
        }
        StringBuilder s = new StringBuilder(name).append('(');
        raw.forEach((k, v) -> s.append(s.charAt(s.length() - 1) == '(' ? "" : " ").append(k).append('=').append(v));
        return s.append(')').toString();
    }
}
