package org.losslab.scene;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.losslab.engine.EngineException;

/**
 * A lesson value's name with options, as the detection namespaces write them: {@code NAME} or
 * {@code NAME@key=number,key=number} ("hardest_pct@gamma=2,fraction=0.01"): the options set what a lesson step
 * cannot (a slider of the SSD view, the race's step).
 *
 * @param base    the name before '@'
 * @param options the numbers after it, by key
 */
record NameOptions(String base, Map<String, Double> options) {

    /** Reads a name; an unknown key or a value that is not a finite number is an error naming it. */
    static NameOptions parse(String name, Set<String> keys) {
        int at = name.indexOf('@');
        Map<String, Double> options = new LinkedHashMap<>();
        if (at >= 0) {
            for (String part : name.substring(at + 1).split(",")) {
                int eq = part.indexOf('=');
                String key = eq < 0 ? part : part.substring(0, eq).strip();
                if (eq < 0 || !keys.contains(key)) {
                    throw new EngineException("'" + name + "': '" + part + "' is not key=number with a key of "
                            + String.join(", ", keys));
                }
                try {
                    double v = Double.parseDouble(part.substring(eq + 1).strip());
                    if (!Double.isFinite(v)) {
                        throw new NumberFormatException();
                    }
                    options.put(key, v);
                } catch (NumberFormatException e) {
                    throw new EngineException("'" + name + "': " + key + " must be a finite number");
                }
            }
        }
        return new NameOptions(at < 0 ? name : name.substring(0, at), Map.copyOf(options));
    }

    /** Reads a name of a namespace whose values are {@code names}; another base name is an error listing them. */
    static NameOptions parse(String name, Set<String> keys, String namespace, List<String> names) {
        NameOptions n = parse(name, keys);
        if (!names.contains(n.base())) {
            throw new EngineException(namespace + " has no value '" + n.base() + "' (known: " + String.join(", ", names) + ")");
        }
        return n;
    }

    double get(String key, double fallback) {
        return options.getOrDefault(key, fallback);
    }
}
