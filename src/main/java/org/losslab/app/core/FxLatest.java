package org.losslab.app.core;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Hands results from a worker to the JavaFX thread, newest first: while one hand-over waits for the
 * JavaFX thread, a newer result replaces it, so that results arriving faster than the window can show
 * them never queue up on the JavaFX thread (where each would cost a redraw and delay the input).
 */
public final class FxLatest<T> implements Consumer<T> {
    private final AtomicReference<T> waiting = new AtomicReference<>();
    private final Consumer<T> show;
    private final Consumer<T> dropped;

    public FxLatest(Consumer<T> show) {
        this(show, result -> { });
    }

    /** As above; {@code dropped} receives each result that a newer one replaced before it was shown. */
    public FxLatest(Consumer<T> show, Consumer<T> dropped) {
        this.show = show;
        this.dropped = dropped;
    }

    @Override
    public void accept(T result) {
        T replaced = waiting.getAndSet(result);
        if (replaced == null) {
            Platform.runLater(() -> {
                T newest = waiting.getAndSet(null);
                if (newest != null) {
                    show.accept(newest);
                }
            });
        } else {
            dropped.accept(replaced);
        }
    }
}
