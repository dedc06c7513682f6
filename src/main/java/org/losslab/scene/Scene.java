package org.losslab.scene;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    /** The document as read (null for a scene made in memory); written back as it was except {@link #replaced}. */
    private final ObjectNode source;
    private final Set<String> replaced;

    public Scene(Map<Domain<?>, Object> blocks, List<LossEntry> losses, Map<String, ObjectNode> extraBlocks) {
        this(blocks, losses, extraBlocks, null, Set.of());
    }

    /** A scene read from a document: saving it writes the document back, with only the replaced parts re-encoded. */
    Scene(Map<Domain<?>, Object> blocks, List<LossEntry> losses, Map<String, ObjectNode> extraBlocks, ObjectNode source,
          Set<String> replaced) {
        this.blocks = Collections.unmodifiableMap(new LinkedHashMap<>(blocks));
        this.losses = List.copyOf(losses);
        this.extraBlocks = Collections.unmodifiableMap(new LinkedHashMap<>(extraBlocks));
        this.source = source;
        this.replaced = Set.copyOf(replaced);
    }

    /** The document this scene was read from, or null. */
    ObjectNode source() {
        return source;
    }

    /** The top-level fields changed since it was read ("losses", block names). */
    Set<String> replaced() {
        return replaced;
    }

    private Set<String> replacing(String name) {
        Set<String> out = new HashSet<>(replaced);
        out.add(name);
        return out;
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
        return new Scene(copy, losses, extraBlocks, source, replacing(domain.block()));
    }

    public Scene withLosses(List<LossEntry> newLosses) {
        return new Scene(blocks, newLosses, extraBlocks, source, replacing("losses"));
    }

    public Scene withExtraBlock(String name, ObjectNode block) {
        Map<String, ObjectNode> copy = new LinkedHashMap<>(extraBlocks);
        copy.put(name, block);
        return new Scene(blocks, losses, copy, source, replacing(name));
    }
}
