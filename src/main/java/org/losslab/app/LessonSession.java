package org.losslab.app;

import java.util.List;
import java.util.Optional;
import javafx.scene.control.ChoiceDialog;
import org.losslab.app.core.Workspace;
import org.losslab.app.lesson.LessonPanel;
import org.losslab.app.lesson.LessonRunner;
import org.losslab.scene.Lesson;
import org.losslab.scene.Lessons;
import org.losslab.scene.Scene;

/**
 * A lesson open in the window. The lesson borrows the workspaces: when it starts, every workspace's whole state
 * (documents with their undo history, view settings, what is unsaved) is kept here, with the scene as it would be
 * saved; when it ends, all of it is given back. Meanwhile the user's document is this kept scene: a save writes it
 * (never the lesson's preset), the recovery file holds it, and the window's unsaved mark is its own.
 *
 * @param runner      the lesson's steps
 * @param panel       its docked panel
 * @param userStates  each workspace's state before the lesson, in the window's order
 * @param userScene   the user's scene as it would have been saved when the lesson started
 */
record LessonSession(LessonRunner runner, LessonPanel panel, List<Object> userStates, Scene userScene) {

    /** Gives every workspace its state back; a user's save during the lesson leaves them saved. */
    void giveBack(List<Workspace> workspaces, boolean savedDuringLesson) {
        panel.stop();
        restore(workspaces, userStates);
        if (savedDuringLesson) {
            workspaces.forEach(Workspace::markSaved);
        }
    }

    /** Every workspace back to its kept state, in the window's order. */
    static void restore(List<Workspace> workspaces, List<Object> states) {
        for (int k = 0; k < workspaces.size(); k++) {
            workspaces.get(k).restoreState(states.get(k));
        }
    }

    static List<Object> states(List<Workspace> workspaces) {
        return workspaces.stream().map(Workspace::saveState).toList();
    }

    /** Asks which bundled lesson to open (none when the user cancels). */
    static Optional<Lesson> choose() {
        var lessons = Lessons.all();
        ChoiceDialog<String> dialog = new ChoiceDialog<>(
                lessons.isEmpty() ? null : lessons.get(0).title(), lessons.stream().map(Lesson::title).toList());
        dialog.setTitle("Lessons");
        dialog.setHeaderText("Each lesson answers one question in the app, step by step; closing it gives your scene back.");
        return dialog.showAndWait().flatMap(title -> lessons.stream().filter(l -> l.title().equals(title)).findFirst());
    }
}
