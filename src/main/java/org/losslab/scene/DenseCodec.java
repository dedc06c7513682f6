package org.losslab.scene;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.losslab.engine.Domain;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
import org.losslab.engine.dense.DenseData;

/** The {@code dense} block: N x C logits, a label per anchor (C = background) and IoU-quality scores. */
public final class DenseCodec implements BlockCodec<DenseData> {
    @Override
    public Domain<DenseData> domain() {
        return Domains.DENSE;
    }

    @Override
    public DenseData read(JsonNode block) {
        JsonNode rows = Json.array(Json.required(block, "logits", "dense."), "dense.logits");
        if (rows.size() == 0) {
            throw new SceneException("dense.logits: at least one anchor is needed");
        }
        int classes = Json.array(rows.get(0), "dense.logits[0]").size();
        double[] logits = Json.rows(rows, classes, "dense.logits");
        int[] labels = Json.intArray(Json.required(block, "labels", "dense."), "dense.labels");
        double[] scores = Json.finiteArray(Json.required(block, "scores", "dense."), "dense.scores");
        try {
            return new DenseData(classes, logits, labels, scores);
        } catch (EngineException e) {
            throw new SceneException(e.getMessage());
        }
    }

    @Override
    public ObjectNode write(DenseData data) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.set("logits", Json.rowsNode(data.logits(), data.classes()));
        node.set("labels", Json.intsNode(data.labels()));
        node.set("scores", Json.rowsNode(data.scores(), 0));
        return node;
    }
}
