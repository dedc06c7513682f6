package org.losslab.scene;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.losslab.engine.Domain;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
import org.losslab.engine.box.ClassificationData;

/** The {@code classification} block: per-anchor logits and 0/1 targets. */
public final class ClassificationCodec implements BlockCodec<ClassificationData> {
    @Override
    public Domain<ClassificationData> domain() {
        return Domains.CLASSIFICATION;
    }

    @Override
    public ClassificationData read(JsonNode block) {
        double[] logits = Json.finiteArray(Json.required(block, "logits", "classification."), "classification.logits");
        double[] target = Json.finiteArray(Json.required(block, "target", "classification."), "classification.target");
        try {
            return new ClassificationData(logits, target);
        } catch (EngineException e) {
            throw new SceneException(e.getMessage());
        }
    }

    @Override
    public ObjectNode write(ClassificationData data) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.set("logits", Json.rowsNode(data.logits(), 0));
        node.set("target", Json.rowsNode(data.target(), 0));
        return node;
    }
}
