package org.losslab.app;

import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.losslab.app.core.LatestWins;
import org.losslab.app.core.Workspace;
import org.losslab.app.lesson.LessonHost;
import org.losslab.app.lesson.LessonPanel;
import org.losslab.app.lesson.LessonRunner;
import org.losslab.scene.Lesson;
import org.losslab.scene.LessonCheck;
import org.losslab.scene.Scene;

/**
 * The window's lesson mode: a lesson borrows the workspaces and gives them back whole. The workspaces' states when
 * the window opened are kept as the ground every step starts from; the user's states when a lesson starts are kept
 * in its {@link LessonSession} and given back when it ends, saved if the user saved during it.
 */
final class LessonMode {
    private final LessonHost host;
    /** Ends the lesson from its panel (the window undocks it). */
    private final Runnable onClose;
    private final List<Workspace> workspaces;
    private final List<Object> defaults;
    private final BooleanProperty open = new SimpleBooleanProperty(this, "open");
    private final BooleanProperty userDirty = new SimpleBooleanProperty(this, "userDirty");
    private boolean savedDuringLesson;
    private LessonSession session;
    private final LatestWins valuesWorker = new LatestWins("losslab-lesson-values");

    LessonMode(LessonHost host, List<Workspace> workspaces, Runnable onClose) {
        this.onClose = onClose;
        this.host = host;
        this.workspaces = workspaces;
        this.defaults = LessonSession.states(workspaces);
    }

    /** Starts a lesson; the user's document (unsaved or not) and state are kept. Returns its panel, at no step yet. */
    LessonPanel open(Lesson lesson, boolean userDocumentDirty, Scene userScene) {
        LessonRunner runner = new LessonRunner(host, lesson);
        LessonPanel panel = new LessonPanel(runner, onClose);
        session = new LessonSession(runner, panel, LessonSession.states(workspaces), userScene);
        computeValues(lesson, panel);
        savedDuringLesson = false;
        userDirty.set(userDocumentDirty);
        open.set(true);
        return panel;
    }

    /**
     * The captions' {value:...} numbers are computed on each step's own state, as lessons --check does: off the
     * JavaFX thread (a training claim trains for seconds), the panel saying "computing" until they arrive.
     */
    private void computeValues(Lesson lesson, LessonPanel panel) {
        panel.computingValues();
        valuesWorker.submit(() -> {
            try {
                Lesson withValues = LessonCheck.withValues(lesson);
                Platform.runLater(() -> {
                    if (session != null && session.panel() == panel) {
                        panel.valuesComputed(withValues);
                    }
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> panel.valuesFailed(e.getMessage()));
            }
        });
    }

    /** Whether no lesson is open or its captions show their numbers. */
    boolean valuesShown() {
        return session == null || session.panel().valuesShown();
    }

    /** Ends the lesson, if one is open, giving every workspace its state back; true when one was. */
    boolean close() {
        if (session == null) {
            return false;
        }
        LessonSession ending = session;
        session = null;
        ending.giveBack(workspaces, savedDuringLesson);
        host.segmentation().leadRows(List.of());
        open.set(false);
        return true;
    }

    /** Every workspace back to the state the window opened with. */
    void resetWorkspaces() {
        LessonSession.restore(workspaces, defaults);
    }

    /** The user saved their document during the lesson. */
    void userSaved() {
        savedDuringLesson = true;
        userDirty.set(false);
    }

    LessonSession session() {
        return session;
    }

    BooleanProperty openProperty() {
        return open;
    }

    BooleanProperty userDirtyProperty() {
        return userDirty;
    }
}
