package org.losslab.scene;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.losslab.engine.Domain;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
import org.losslab.engine.ssd.MultiboxData;

/** The {@code multibox} block: priors, truth boxes and labels, predicted offsets and class logits. */
public final class MultiboxCodec implements BlockCodec<MultiboxData> {
    private static final String W = "multibox.";

    @Override
    public Domain<MultiboxData> domain() {
        return Domains.MULTIBOX;
    }

    @Override
    public MultiboxData read(JsonNode block) {
        double[] priors = Json.rows(Json.required(block, "priors", W), 4, W + "priors");
        double[] truthBoxes = Json.rows(Json.required(block, "truth_boxes", W), 4, W + "truth_boxes");
        int[] labels = Json.intArray(Json.required(block, "truth_labels", W), W + "truth_labels");
        double[] locs = Json.rows(Json.required(block, "locs", W), 4, W + "locs");
        JsonNode scoresNode = Json.array(Json.required(block, "scores", W), W + "scores");
        int classes = scoresNode.size() == 0 ? 0 : Json.array(scoresNode.get(0), W + "scores[0]").size();
        double[] scores = Json.rows(scoresNode, classes, W + "scores");
        try {
            return new MultiboxData(priors, truthBoxes, labels, locs, scores, classes);
        } catch (EngineException e) {
            throw new SceneException(e.getMessage());
        }
    }

    @Override
    public ObjectNode write(MultiboxData data) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.set("priors", Json.rowsNode(data.priors(), 4));
        node.set("truth_boxes", Json.rowsNode(data.truthBoxes(), 4));
        node.set("truth_labels", Json.intsNode(data.truthLabels()));
        node.set("locs", Json.rowsNode(data.locs(), 4));
        node.set("scores", Json.rowsNode(data.scores(), data.classes()));
        return node;
    }
}
