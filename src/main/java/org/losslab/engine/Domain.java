package org.losslab.engine;

import java.util.List;

/**
 * The kind of input a loss reads: which scene block holds it and which of its arrays are
 * differentiable. Typed by the engine's input class so that the registry can hand each loss its block.
 *
 * @param <I> the engine's input type for this domain
 */
public final class Domain<I> {
    private final String block;
    private final Class<I> inputType;
    private final List<String> differentiableInputs;

    public Domain(String block, Class<I> inputType, List<String> differentiableInputs) {
        this.block = block;
        this.inputType = inputType;
        this.differentiableInputs = List.copyOf(differentiableInputs);
    }

    /** The scene block this domain's losses read, e.g. "segmentation". */
    public String block() {
        return block;
    }

    public Class<I> inputType() {
        return inputType;
    }

    /** The names of the inputs a gradient is reported for, e.g. "prediction". */
    public List<String> differentiableInputs() {
        return differentiableInputs;
    }

    @Override
    public String toString() {
        return block;
    }
}
