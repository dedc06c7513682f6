package org.losslab.app;

import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.losslab.app.core.LatestWins;
import org.losslab.app.core.Workspace;
import org.losslab.app.lesson.LessonColours;
import org.losslab.app.lesson.LessonHost;
import org.losslab.app.lesson.LessonPanel;
import org.losslab.app.lesson.LessonRunner;
import org.losslab.app.lesson.QuestionRows;
import org.losslab.engine.maps.MapKind;
import org.losslab.scene.Lesson;
import org.losslab.scene.LessonCheck;
import org.losslab.scene.Scene;

/**
 * The window's lesson mode: a lesson borrows the workspaces and gives them back whole. The workspaces' states when
 * the window opened are kept as the ground every step starts from; the user's states when a lesson starts are kept
 * in its {@link LessonSession} and given back when it ends, saved if the user saved during it. At each step it
 * decides what the window shows of the lesson beyond the step's own state: the table's values a question step
 * hides, the colour range its steps share, and which tools fold.
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
    /** The map the window opened with: the one a lesson's steps show until one chooses another. */
    private final MapKind openingLayer;
    /** Per step, the rows whose values the table hides while the step asks (see {@link QuestionRows}). */
    private List<List<String>> hiddenRows = List.of();
    /** Per step, the range its map's colours are locked to (see {@link LessonColours}); empty until computed. */
    private List<double[]> colourRanges = List.of();
    /** The furthest step the student has gone to: a question step they have moved past shows its values. */
    private int furthest;
    /** The user's own colour lock when the lesson opened (null: none), given back when it closes. */
    private double[] userColourLock;

    LessonMode(LessonHost host, List<Workspace> workspaces, Runnable onClose) {
        this.onClose = onClose;
        this.host = host;
        this.workspaces = workspaces;
        this.defaults = LessonSession.states(workspaces);
        this.openingLayer = host.segmentation().layerChoice().getValue();
    }

    /** Starts a lesson; the user's document (unsaved or not) and state are kept. Returns its panel, at no step yet. */
    LessonPanel open(Lesson lesson, boolean userDocumentDirty, Scene userScene) {
        LessonRunner runner = new LessonRunner(host, lesson);
        LessonPanel panel = new LessonPanel(runner, onClose);
        session = new LessonSession(runner, panel, LessonSession.states(workspaces), userScene);
        hiddenRows = QuestionRows.of(lesson);
        colourRanges = List.of();
        furthest = 0;
        userColourLock = host.segmentation().lessonMarks().colourLock();
        computeValues(lesson, panel);
        savedDuringLesson = false;
        userDirty.set(userDocumentDirty);
        open.set(true);
        return panel;
    }

    /**
     * The captions' {value:...} numbers are computed on each step's own state, as lessons --check does: off the
     * JavaFX thread (a training claim trains for seconds), the panel saying "computing" until they arrive; then
     * the steps' maps, for the colour ranges they share.
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
                List<double[]> ranges = LessonColours.ranges(lesson, openingLayer);
                Platform.runLater(() -> {
                    if (session != null && session.panel() == panel) {
                        colourRanges = ranges;
                        lockColours();
                    }
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> panel.valuesFailed(e.getMessage()));
            }
        });
    }

    /** The lesson went to another step: the table hides what the step asks about, the colours keep the lesson's range. */
    void stepChanged() {
        if (session == null || session.runner().step() < 0) {
            return;
        }
        int step = session.runner().step();
        // a question the student has moved past (and come back to) shows its values: they have seen the answer
        host.segmentation().lessonMarks().hideValues(step >= furthest ? hiddenRows.get(step) : List.of());
        furthest = Math.max(furthest, step);
        lockColours();
    }

    /** The step's colour range, or none: the user's own lock never carries into a step. */
    private void lockColours() {
        int step = session.runner().step();
        if (step >= 0) {
            host.segmentation().lessonMarks().lockColours(step < colourRanges.size() ? colourRanges.get(step) : null);
        }
    }

    /**
     * Folds the painting tools while a lesson is open or the window presents (a docked lesson takes a third of the
     * window; a split view keeps its room); the scene controls (confidence, presets) stay for a step whose task
     * uses them.
     */
    void foldTools(boolean presenting) {
        LessonRunner runner = session == null ? null : session.runner();
        Lesson.Step step = runner == null || runner.step() < 0 ? null : runner.current();
        host.segmentation().foldTools(presenting || step != null, usesSceneControls(step));
    }

    /** Whether a step's task asks for the scene controls: the confidence slider, the presets or the painting tools. */
    static boolean usesSceneControls(Lesson.Step step) {
        String task = step == null || step.task() == null ? "" : step.task().toLowerCase(Locale.ROOT);
        return task.contains("confidence") || task.contains("preset") || task.contains("paint");
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
        host.segmentation().lessonMarks().hideValues(List.of());
        host.segmentation().lessonMarks().lockColours(userColourLock);
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
