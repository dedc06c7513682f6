package org.losslab.app;

import static org.losslab.app.core.Action.shortcut;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.losslab.app.core.Action;
import org.losslab.app.core.Dialogs;
import org.losslab.app.core.FigureExport;

/** The window's own actions (File, Edit, View, Help), as menu items and keys. */
final class WindowActions {
    private WindowActions() {
    }

    static List<Action> of(MainWindow w) {
        List<Action> out = new ArrayList<>();
        out.add(Action.menu("File", "New canvas…", w::newCanvas, shortcut(KeyCode.N)));
        out.add(Action.menu("File", "Open scene…", w::openDialog, shortcut(KeyCode.O)));
        out.add(Action.menu("File", "Save scene", w::save, shortcut(KeyCode.S)));
        out.add(Action.menu("File", "Save scene as…", w::saveAs, shortcut(KeyCode.S, KeyCombination.SHIFT_DOWN)));
        out.add(Action.menu("File", "Share view…", w::shareView)
                .withHelp("one file with the scene and everything shown (workspace, maps, lesson and step): opened on any "
                        + "machine, it shows exactly this view"));
        out.add(Action.menu("File", "Export view as PNG (2x)…", () -> FigureExport.exportPng(w.shown().node()))
                .withHelp("the workspace shown, at twice the screen's resolution, for slides"));
        out.add(Action.menu("File", "Quit", w::quit, shortcut(KeyCode.Q)));
        out.add(Action.menu("Edit", "Copy view as image", () -> FigureExport.copy(w.shown().node()),
                shortcut(KeyCode.C, KeyCombination.SHIFT_DOWN)).withHelp("the workspace shown at 2x, to paste into slides"));
        out.add(Action.menu("Edit", "Undo", () -> w.shown().undo(), shortcut(KeyCode.Z)).withHelp("one step of the workspace shown"));
        out.add(Action.menu("Edit", "Redo", () -> w.shown().redo(), shortcut(KeyCode.Y),
                shortcut(KeyCode.Z, KeyCombination.SHIFT_DOWN)));
        for (int k = 0; k < w.workspaces().size() && k < 9; k++) {
            int index = k;
            out.add(Action.menu("View", "Show " + w.workspaces().get(k).title(), () -> w.tabs().getSelectionModel().select(index),
                    shortcut(KeyCode.getKeyCode(Integer.toString(k + 1)))));
        }
        out.add(Action.menu("View", "Back to the audit", () -> w.caseView().back(), new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN))
                .withHelp("while an audited case is shown: your own scene back, the audit with the case's row selected"));
        out.add(Action.menu("Help", "Shortcuts", w::shortcuts, new KeyCodeCombination(KeyCode.F1)));
        out.add(Action.menu("Help", "Lessons…", w::chooseLesson, shortcut(KeyCode.L))
                .withHelp("a question of the course, answered step by step in the app"));
        out.add(Action.menu("View", "Presentation mode (Esc leaves)", w::togglePresentation,
                new KeyCodeCombination(KeyCode.F5)).withHelp("larger text for the lecture hall"));
        out.add(Action.menu("Help", "Show log", Dialogs::showLog));
        out.add(Action.menu("Help", "About LossLab", () -> Dialogs.information("LossLab",
                "See how segmentation and detection losses behave. Numbers as segmentation_models.pytorch and torchvision compute them.")));
        return out;
    }
}
