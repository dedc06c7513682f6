package org.losslab.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * States of a run kept at every {@code stride}-th step, at most {@code capacity} of them: when one more
 * would not fit, every other state is dropped and the stride doubles, so a run of any length keeps a
 * bounded record spread evenly over it (the first state, step 0, always stays).
 */
final class ThinnedRecord<T> {
    private final int capacity;
    private int stride;
    private final List<Integer> steps = new ArrayList<>();
    private final List<T> states = new ArrayList<>();

    ThinnedRecord(int stride, int capacity) {
        this.stride = Math.max(1, stride);
        this.capacity = Math.max(2, capacity);
    }

    /** Keeps the state after {@code step} updates if the step falls on the stride (made only then). */
    void offer(int step, Supplier<T> state) {
        if (step % stride != 0) {
            return;
        }
        if (states.size() == capacity) {
            thin();
            if (step % stride != 0) {
                return;
            }
        }
        steps.add(step);
        states.add(state.get());
    }

    private void thin() {
        int wider = stride * 2;
        int kept = 0;
        for (int k = 0; k < steps.size(); k++) {
            if (steps.get(k) % wider == 0) {
                steps.set(kept, steps.get(k));
                states.set(kept, states.get(k));
                kept++;
            }
        }
        steps.subList(kept, steps.size()).clear();
        states.subList(kept, states.size()).clear();
        stride = wider;
    }

    int size() {
        return states.size();
    }

    /** The latest kept state at or before {@code step}. */
    T atOrBefore(int step) {
        int k = steps.size() - 1;
        while (k > 0 && steps.get(k) > step) {
            k--;
        }
        return states.get(k);
    }

    /** The kept states at or before {@code step}, oldest first. */
    List<T> upTo(int step) {
        int n = 0;
        while (n < steps.size() && steps.get(n) <= step) {
            n++;
        }
        return List.copyOf(states.subList(0, n));
    }

    /** The step of the latest kept state at or before {@code step}. */
    int stepAtOrBefore(int step) {
        int k = steps.size() - 1;
        while (k > 0 && steps.get(k) > step) {
            k--;
        }
        return steps.get(k);
    }
}
