package org.losslab.engine.explanation;

import org.losslab.engine.Params;

/** An evaluator that can take its value apart into the lines of its computation. */
public interface Explainable<I> {
    Explanation explain(I input, Params params);
}
