package org.losslab.app.core;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import org.losslab.scene.Scene;

/**
 * One workspace of the window (a tab): its view, its undo history, its keys, and what it reads from
 * and writes to a scene file. The window knows workspaces only through this interface; adding one is
 * a class implementing it and a line in {@code org.losslab.app.Workspaces}.
 */
public interface Workspace extends AutoCloseable {
    /** The tab's title. */
    String title();

    /** The key of its settings in the scene's {@code losslab_app} block. */
    String key();

    Node node();

    void undo();

    void redo();

    /** What this workspace lets the user do by key or menu while it is shown (by default nothing of its own). */
    default List<Action> actions() {
        return List.of();
    }

    /** The scene with this workspace's state written into it (blocks it owns, its view settings). */
    Scene writeTo(Scene scene);

    /**
     * The file the scene is being read from or written to (null: none), told before {@link #restoreFrom} and
     * {@link #writeTo}: settings that name other files (the audit's folders) write them relative to its folder.
     */
    default void sceneFile(Path file) {
    }

    /** Takes the state of a scene just opened; what the scene does not hold stays as it is. */
    void restoreFrom(Scene scene);

    /**
     * Everything the user has set here, whole: the document with its undo history and what is unsaved, and the
     * view's settings. A lesson takes it before it starts and gives it back with {@link #restoreState} when it ends.
     */
    Object saveState();

    /** Puts back a state taken by {@link #saveState()} of this workspace. */
    void restoreState(Object state);

    /** Never dirty: for workspaces that hold no data of their own (they follow another's scene). */
    ObservableBooleanValue NEVER_DIRTY = new SimpleBooleanProperty(false);

    /** Whether it has changes not yet saved (by default never: nothing of its own to save). */
    default ObservableBooleanValue dirty() {
        return NEVER_DIRTY;
    }

    /** Called after a save (by default nothing to remember). */
    default void markSaved() {
    }

    /**
     * Called once a scene file is opened and restored ({@link #restoreFrom}): nothing is unsaved but what the file does
     * not hold (a view setting kept from before, see {@link ViewSettings#takeBaselineFrom}). By default as a save.
     */
    default void openedFrom(Scene scene) {
        markSaved();
    }

    /** The status bar's text while this workspace is shown (cursor read-out, messages). */
    ObservableStringValue status();

    /** Called when its tab is selected. */
    default void shown() {
    }

    @Override
    void close();
}
