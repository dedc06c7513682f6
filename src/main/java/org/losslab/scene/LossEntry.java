package org.losslab.scene;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;

/**
 * One entry of a scene's {@code losses}: the name and the parameters as the file gives them. Binding
 * to the registry happens on use, so that one unknown loss does not stop the others from being
 * evaluated.
 *
 * @param name      the loss name
 * @param rawParams the parameters as plain values (Boolean, Double, Long, String, List, null)
 * @param given     the parameters exactly as written, echoed back by {@code eval}
 */
public record LossEntry(String name, Map<String, Object> rawParams, ObjectNode given) {

    public LossSpec<?> spec() {
        return LossRegistry.get(name);
    }

    /** The checked parameters; throws an EngineException naming the parameter when they are wrong. */
    public Params bind() {
        return spec().bind(rawParams);
    }
}
