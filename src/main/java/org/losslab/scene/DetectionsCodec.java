package org.losslab.scene;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.losslab.engine.Domain;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
import org.losslab.engine.detect.DetectionsData;

/**
 * The {@code detections} block (an addition to the contract): scored boxes with labels, and the
 * ground truth with labels, for AP and mAP.
 */
public final class DetectionsCodec implements BlockCodec<DetectionsData> {
    private static final String W = "detections.";

    @Override
    public Domain<DetectionsData> domain() {
        return Domains.DETECTIONS;
    }

    @Override
    public DetectionsData read(JsonNode block) {
        double[] boxes = Json.rows(Json.required(block, "boxes", W), 4, W + "boxes");
        double[] scores = Json.finiteArray(Json.required(block, "scores", W), W + "scores");
        int[] labels = Json.intArray(Json.required(block, "labels", W), W + "labels");
        double[] truthBoxes = Json.rows(Json.required(block, "truth_boxes", W), 4, W + "truth_boxes");
        int[] truthLabels = Json.intArray(Json.required(block, "truth_labels", W), W + "truth_labels");
        try {
            return new DetectionsData(boxes, scores, labels, truthBoxes, truthLabels);
        } catch (EngineException e) {
            throw new SceneException(e.getMessage());
        }
    }

    @Override
    public ObjectNode write(DetectionsData data) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.set("boxes", Json.rowsNode(data.boxes(), 4));
        node.set("scores", Json.rowsNode(data.scores(), 0));
        node.set("labels", Json.intsNode(data.labels()));
        node.set("truth_boxes", Json.rowsNode(data.truthBoxes(), 4));
        node.set("truth_labels", Json.intsNode(data.truthLabels()));
        return node;
    }
}
