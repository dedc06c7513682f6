package org.losslab.engine.explanation;

import java.util.List;

/**
 * A registry entry's value taken apart: the lines of its computation in order, the summands among them adding
 * up to {@code value} (the registry's own number for the same scene and parameters).
 *
 * @param entry the registry name
 * @param value the entry's value, as the table shows it
 * @param terms the lines, in the order they are computed
 * @param note  one sentence on how the lines make the value (the reduction), shown under the waterfall
 */
public record Explanation(String entry, double value, List<Term> terms, String note) {

    public Explanation {
        terms = List.copyOf(terms);
    }

    /** The summands, in order: the bars of the waterfall. */
    public List<Term> summands() {
        return terms.stream().filter(Term::additive).toList();
    }
}
