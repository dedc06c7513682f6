package org.losslab.app;

import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.losslab.app.core.Dialogs;

/**
 * The question a window asks at start for each recovery file left by a window that ended without saving or
 * discarding, newest first, until one is restored: Restore, Discard (the only answer that removes the file) or Later.
 */
final class RecoveryOffer {
    private RecoveryOffer() {
    }

    static void offer(Recovery recovery, BooleanSupplier dirty, BooleanSupplier confirmDiscard, Predicate<Recovery.Found> restore) {
        for (Recovery.Found found : Recovery.leftOver()) {
            int answer = Dialogs.choose("Restore your unsaved work?", "LossLab closed without saving " + found.origin()
                    + ".\nRestore it now, discard it for good, or decide at the next start.", "Restore", "Discard", "Later");
            if (answer == 0 && (!dirty.getAsBoolean() || confirmDiscard.getAsBoolean())) {
                restore.test(found);
                return;
            }
            if (answer == 1) {
                recovery.discard(found);
            }
        }
    }
}
