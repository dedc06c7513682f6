package org.losslab.scene;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.losslab.engine.Domain;

/**
 * Reads and writes one scene block as the engine's input type.
 *
 * @param <I> the engine input held in the block
 */
public interface BlockCodec<I> {
    Domain<I> domain();

    /** Parses and checks the block; throws a SceneException naming the field. */
    I read(JsonNode block);

    ObjectNode write(I input);
}
