package org.losslab.engine;

import java.util.Locale;

/**
 * The working memory one registry entry may take for one evaluation: an entry whose cost grows past it
 * on a large scene (clDice's soft skeleton keeps every erosion step) is refused with its reason, as the
 * registry refuses an entry that does not apply, instead of running the whole program out of memory.
 * A fixed amount, not a share of the heap, so that the same scene gets the same answer everywhere.
 */
public final class WorkingMemory {
    /** 1 GiB. */
    public static final long LIMIT_BYTES = 1L << 30;

    private WorkingMemory() {
    }

    /** "3.9 GB". */
    public static String size(long bytes) {
        return bytes >= 1L << 30
                ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MB", Math.max(1, bytes >> 20));
    }

    /** An entry whose working memory depends on the input and parameters, and can be told before it runs. */
    public interface Costly<I> {
        /**
         * Why this evaluation would take more than {@link #LIMIT_BYTES} (a phrase following the entry's
         * name, as a requirement does: "is too costly for ..."), or null when it fits.
         */
        String tooCostly(I input, Params params);
    }
}
