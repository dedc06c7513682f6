package org.losslab.scene;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.losslab.engine.Domain;

/**
 * A scene as read from or written to a {@code losslab-scene} file: the input blocks the losses read,
 * the list of losses, and whatever other blocks the file holds (the app's view settings), kept so that
 * saving writes them back unchanged.
 */
public final class Scene {
    public static final String FORMAT = "losslab-scene";
    public static final int VERSION = 1;

    private final Map<Domain<?>, Object> blocks;
    private final List<LossEntry> losses;
    private final Map<String, ObjectNode> extraBlocks;

    public Scene(Map<Domain<?>, Object> blocks, List<LossEntry> losses, Map<String, ObjectNode> extraBlocks) {
        this.blocks = Collections.unmodifiableMap(new LinkedHashMap<>(blocks));
        this.losses = List.copyOf(losses);
        this.extraBlocks = Collections.unmodifiableMap(new LinkedHashMap<>(extraBlocks));
    }

    /** The block a domain reads, if the scene has it. */
    public <I> Optional<I> block(Domain<I> domain) {
        return Optional.ofNullable(blocks.get(domain)).map(domain.inputType()::cast);
    }

    public Map<Domain<?>, Object> blocks() {
        return blocks;
    }

    public List<LossEntry> losses() {
        return losses;
    }

    /** Blocks the engine does not read (the app's own), by name. */
    public Map<String, ObjectNode> extraBlocks() {
        return extraBlocks;
    }

    /** A copy with one input block replaced or added. */
    public <I> Scene withBlock(Domain<I> domain, I input) {
        Map<Domain<?>, Object> copy = new LinkedHashMap<>(blocks);
        copy.put(domain, input);
        return new Scene(copy, losses, extraBlocks);
    }

    public Scene withLosses(List<LossEntry> newLosses) {
        return new Scene(blocks, newLosses, extraBlocks);
    }

    public Scene withExtraBlock(String name, ObjectNode block) {
        Map<String, ObjectNode> copy = new LinkedHashMap<>(extraBlocks);
        copy.put(name, block);
        return new Scene(blocks, losses, copy);
    }
}
