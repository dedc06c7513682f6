package org.losslab.scene;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.losslab.engine.Domain;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
import org.losslab.engine.train.ImageData;

/** The {@code image} block: {@code {"shape": [K, H, W], "data": [K*H*W numbers]}}, the pixel model's features. */
public final class ImageCodec implements BlockCodec<ImageData> {
    @Override
    public Domain<ImageData> domain() {
        return Domains.IMAGE;
    }

    @Override
    public ImageData read(JsonNode block) {
        int[] shape = Json.intArray(Json.required(block, "shape", "image."), "image.shape");
        if (shape.length != 3) {
            throw new SceneException("image.shape: expected [K, H, W], got " + shape.length + " numbers");
        }
        long n = (long) shape[0] * shape[1] * shape[2];
        JsonNode data = Json.array(Json.required(block, "data", "image."), "image.data");
        if (shape[0] >= 1 && shape[1] >= 1 && shape[2] >= 1 && data.size() != n) {
            throw new SceneException("image.data: expected K*H*W = " + n + " numbers, got " + data.size());
        }
        try {
            return new ImageData(shape[0], shape[1], shape[2], Json.finiteArray(data, "image.data"));
        } catch (EngineException e) {
            throw new SceneException(e.getMessage());
        }
    }

    @Override
    public ObjectNode write(ImageData image) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.set("shape", Json.intsNode(new int[] {image.features(), image.height(), image.width()}));
        node.set("data", Json.rowsNode(image.data(), 0));
        return node;
    }
}
