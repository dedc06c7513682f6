package org.losslab.engine.dataset;

/**
 * The cases of an audit, read one at a time when the audit asks: the engine calls {@link #load} from its worker
 * threads (so a source must allow concurrent calls) and lets go of each case once its numbers are computed, so
 * that at most one case per worker is in memory whatever the number of cases.
 */
public interface CaseSource {
    /** How many cases. */
    int size();

    /** The name of case {@code index} (0 .. size - 1); cases come in the order of their names. */
    String name(int index);

    /** Reads case {@code index}; an {@link org.losslab.engine.EngineException} names the file that is wrong. */
    Case load(int index);
}
