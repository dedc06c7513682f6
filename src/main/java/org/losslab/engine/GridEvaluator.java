package org.losslab.engine;

/**
 * An evaluator whose definition holds on any grid its input's pixels are laid out on, not only the image's rows
 * and columns: given a volume's voxels flattened into one scene and the volume's shape, it computes its 3-D
 * definition (MONAI's HausdorffDTLoss on a volume). A property of a registry entry the volume evaluation reads.
 *
 * @param <I> the input type of the entry's domain
 */
public interface GridEvaluator<I> extends Evaluator<I> {
    /**
     * The value on an input whose pixels are the cells of a C-order grid of this shape ({H, W} is the image itself,
     * {D, H, W} a volume).
     *
     * @throws EngineException when the input does not suit the entry
     */
    Evaluation evaluate(I input, Params params, int[] grid);
}
