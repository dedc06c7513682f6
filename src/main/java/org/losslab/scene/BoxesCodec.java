package org.losslab.scene;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.losslab.engine.Domain;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
import org.losslab.engine.box.BoxPairs;

/** The {@code boxes} block: predicted and target boxes (x1, y1, x2, y2), paired by position. */
public final class BoxesCodec implements BlockCodec<BoxPairs> {
    @Override
    public Domain<BoxPairs> domain() {
        return Domains.BOXES;
    }

    @Override
    public BoxPairs read(JsonNode block) {
        double[] predicted = Json.rows(Json.required(block, "predicted", "boxes."), 4, "boxes.predicted");
        double[] target = Json.rows(Json.required(block, "target", "boxes."), 4, "boxes.target");
        try {
            return new BoxPairs(predicted, target);
        } catch (EngineException e) {
            throw new SceneException(e.getMessage());
        }
    }

    @Override
    public ObjectNode write(BoxPairs pairs) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.set("predicted", Json.rowsNode(pairs.predicted(), 4));
        node.set("target", Json.rowsNode(pairs.target(), 4));
        return node;
    }
}
