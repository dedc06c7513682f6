package org.losslab.scene;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.losslab.engine.Domain;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
import org.losslab.engine.dense.DistributionData;

/** The {@code distributions} block: bins R, N*4*R logits (box, side, bin) and N x 4 targets in bin units. */
public final class DistributionsCodec implements BlockCodec<DistributionData> {
    @Override
    public Domain<DistributionData> domain() {
        return Domains.DISTRIBUTIONS;
    }

    @Override
    public DistributionData read(JsonNode block) {
        int bins = Json.wholeNumber(Json.required(block, "bins", "distributions."), "distributions.bins");
        double[] logits = Json.finiteArray(Json.required(block, "logits", "distributions."), "distributions.logits");
        double[] target = Json.rows(Json.required(block, "target", "distributions."), 4, "distributions.target");
        try {
            return new DistributionData(bins, logits, target);
        } catch (EngineException e) {
            throw new SceneException(e.getMessage());
        }
    }

    @Override
    public ObjectNode write(DistributionData data) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("bins", data.bins());
        node.set("logits", Json.rowsNode(data.logits(), 0));
        node.set("target", Json.rowsNode(data.target(), 4));
        return node;
    }
}
