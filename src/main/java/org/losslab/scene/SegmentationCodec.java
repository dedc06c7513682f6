package org.losslab.scene;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.losslab.engine.Domain;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/** The {@code segmentation} block: mode, shape [C, H, W], prediction and target. */
public final class SegmentationCodec implements BlockCodec<SegmentationData> {
    private static final String W = "segmentation.";

    @Override
    public Domain<SegmentationData> domain() {
        return Domains.SEGMENTATION;
    }

    @Override
    public SegmentationData read(JsonNode block) {
        JsonNode modeNode = Json.required(block, "mode", W);
        if (!modeNode.isTextual()) {
            throw new SceneException(W + "mode: expected a string, got " + modeNode);
        }
        SegMode mode;
        try {
            mode = SegMode.parse(modeNode.textValue());
        } catch (EngineException e) {
            throw new SceneException(e.getMessage());
        }
        int[] shape = Json.intArray(Json.required(block, "shape", W), W + "shape");
        if (shape.length != 3) {
            throw new SceneException(W + "shape: expected [C, H, W], got " + shape.length + " numbers");
        }
        double[] prediction = Json.finiteArray(Json.required(block, "prediction", W), W + "prediction");
        int[] target = Json.intArray(Json.required(block, "target", W), W + "target");
        try {
            return new SegmentationData(mode, shape[0], shape[1], shape[2], prediction, target);
        } catch (EngineException e) {
            throw new SceneException(e.getMessage());
        }
    }

    @Override
    public ObjectNode write(SegmentationData data) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("mode", data.mode().key());
        node.putArray("shape").add(data.channels()).add(data.height()).add(data.width());
        ArrayNode prediction = node.putArray("prediction");
        for (double v : data.prediction()) {
            prediction.add(v);
        }
        ArrayNode target = node.putArray("target");
        for (int v : data.target()) {
            target.add(v);
        }
        return node;
    }
}
