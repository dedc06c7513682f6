package org.losslab.app;

import static org.losslab.app.Action.shortcut;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.controlsfx.control.StatusBar;
import org.losslab.app.detect.DetectionWorkspace;
import org.losslab.app.plots.PlotsWorkspace;
import org.losslab.app.seg.SegDocument;
import org.losslab.app.seg.SegmentationWorkspace;
import org.losslab.engine.EngineException;
import org.losslab.scene.Presets;
import org.losslab.scene.SceneFiles;

/**
 * The main window: the workspaces as tabs, the menus and keys made from the action catalogue, and the
 * status bar of the workspace shown. It knows the workspaces only through {@link Workspace}; opening
 * and saving a scene asks each of them to restore or write its part.
 */
public final class MainWindow extends BorderPane implements AutoCloseable, org.losslab.app.lesson.LessonHost {
    private final List<Workspace> workspaces;
    private final TabPane tabs = new TabPane();
    private final StatusBar status = new StatusBar();
    private final ActionCatalogue catalogue;
    private final BooleanBinding dirty;
    private Path file;
    private final Recovery recovery = new Recovery();
    /** A scene restored from the recovery file: unsaved until the user saves it. */
    private final javafx.beans.property.BooleanProperty recovered = new javafx.beans.property.SimpleBooleanProperty(this, "recovered");
    private final javafx.animation.Timeline autosave = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
            javafx.util.Duration.seconds(Recovery.INTERVAL_SECONDS), e -> autosaveNow()));
    /** The scene as last opened or saved: what the workspaces write into, so that what they do not own is kept. */
    private org.losslab.scene.Scene opened = new org.losslab.scene.Scene(java.util.Map.of(), List.of(), java.util.Map.of());

    public MainWindow() {
        setId("main-window");
        SegDocument segmentation = new SegDocument(Presets.standard().create(256), Presets.standard().key());
        workspaces = Workspaces.create(new Workspaces.Shared(segmentation, new org.losslab.app.detect.BoxDocument()));
        for (Workspace w : workspaces) {
            // only the shown workspace's view joins the window at start: the others are styled and laid out
            // when first shown, which keeps them out of the first frame's work
            Tab tab = new Tab(w.title(), tabs.getTabs().isEmpty() ? w.node() : null);
            tab.setClosable(false);
            tabs.getTabs().add(tab);
        }
        tabs.setId("workspaces");
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            int index = b.intValue();
            if (index >= 0 && tabs.getTabs().get(index).getContent() == null) {
                // in the window before the workspace hears it is shown
                tabs.getTabs().get(index).setContent(workspaces.get(index).node());
            }
            shown().shown();
        });
        catalogue = new ActionCatalogue(globalActions(), workspaces);
        List<javafx.beans.Observable> dirtyParts = new ArrayList<>(workspaces.stream().map(Workspace::dirty).toList());
        dirtyParts.add(recovered);
        dirtyParts.add(lessonOpen);
        dirtyParts.add(userDirtyInLesson);
        // during a lesson the unsaved mark is the user's own document's, not the lesson's scenes'
        dirty = Bindings.createBooleanBinding(() -> lessonOpen.get() ? userDirtyInLesson.get()
                        : recovered.get() || workspaces.stream().anyMatch(w -> w.dirty().get()),
                dirtyParts.toArray(javafx.beans.Observable[]::new));
        autosave.setCycleCount(javafx.animation.Animation.INDEFINITE); // started by attach: headless windows never autosave
        defaults = LessonSession.states(workspaces);
        presentation = new Presentation(this);
        setTop(new javafx.scene.layout.VBox(catalogue.menuBar(), presentation.banner()));
        setCenter(tabs);
        status.setId("status-bar");
        status.textProperty().bind(Bindings.createStringBinding(() -> shown().status().get(),
                statusDependencies()));
        Label zoom = new Label();
        zoom.textProperty().bind(Bindings.createStringBinding(() -> shown() == segmentation()
                ? String.format(Locale.ROOT, "zoom %.0f%%", 100 * segmentation().canvas().zoomProperty().get()) : "",
                tabs.getSelectionModel().selectedIndexProperty(), segmentation().canvas().zoomProperty()));
        zoom.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                segmentation().canvas().fit();
            }
        });
        zoom.setId("zoom-label");
        Label frame = new Label();
        frame.textProperty().bind(Bindings.createStringBinding(() -> shown() == segmentation()
                ? segmentation().frameTextProperty().get() : "", tabs.getSelectionModel().selectedIndexProperty(),
                segmentation().frameTextProperty()));
        frame.setId("frame-label");
        status.getRightItems().addAll(zoom, new Label("  "), frame);
        setBottom(status);
    }

    private javafx.beans.Observable[] statusDependencies() {
        List<javafx.beans.Observable> deps = new ArrayList<>();
        deps.add(tabs.getSelectionModel().selectedIndexProperty());
        workspaces.forEach(w -> deps.add(w.status()));
        return deps.toArray(javafx.beans.Observable[]::new);
    }

    private List<Action> globalActions() {
        List<Action> out = new ArrayList<>();
        out.add(Action.menu("File", "New canvas…", this::newCanvas, shortcut(KeyCode.N)));
        out.add(Action.menu("File", "Open scene…", this::openDialog, shortcut(KeyCode.O)));
        out.add(Action.menu("File", "Save scene", this::save, shortcut(KeyCode.S)));
        out.add(Action.menu("File", "Save scene as…", this::saveAs, shortcut(KeyCode.S, KeyCombination.SHIFT_DOWN)));
        out.add(Action.menu("File", "Export view as PNG (2x)…", () -> FigureExport.exportPng(shown().node()))
                .withHelp("the workspace shown, at twice the screen's resolution, for slides"));
        out.add(Action.menu("File", "Quit", this::quit, shortcut(KeyCode.Q)));
        out.add(Action.menu("Edit", "Copy view as image", () -> FigureExport.copy(shown().node()),
                shortcut(KeyCode.C, KeyCombination.SHIFT_DOWN)).withHelp("the workspace shown at 2x, to paste into slides"));
        out.add(Action.menu("Edit", "Undo", () -> shown().undo(), shortcut(KeyCode.Z)).withHelp("one step of the workspace shown"));
        out.add(Action.menu("Edit", "Redo", () -> shown().redo(), shortcut(KeyCode.Y),
                shortcut(KeyCode.Z, KeyCombination.SHIFT_DOWN)));
        for (int k = 0; k < workspaces.size() && k < 9; k++) {
            int index = k;
            out.add(Action.menu("View", "Show " + workspaces.get(k).title(), () -> tabs.getSelectionModel().select(index),
                    shortcut(KeyCode.getKeyCode(Integer.toString(k + 1)))));
        }
        out.add(Action.menu("Help", "Shortcuts", this::shortcuts, new javafx.scene.input.KeyCodeCombination(KeyCode.F1)));
        out.add(Action.menu("Help", "Lessons…", this::chooseLesson, shortcut(KeyCode.L))
                .withHelp("a question of the course, answered step by step in the app"));
        out.add(Action.menu("View", "Presentation mode (Esc leaves)", this::togglePresentation,
                new javafx.scene.input.KeyCodeCombination(KeyCode.F5)).withHelp("larger text for the lecture hall"));
        out.add(Action.menu("Help", "Show log", Dialogs::showLog));
        out.add(Action.menu("Help", "About LossLab", () -> Dialogs.information("LossLab",
                "See how segmentation and detection losses behave. Numbers as segmentation_models.pytorch and torchvision compute them.")));
        return out;
    }

    /** The workspace whose tab is selected. */
    public Workspace shown() {
        int index = tabs.getSelectionModel().getSelectedIndex();
        return workspaces.get(Math.max(0, index));
    }

    public List<Workspace> workspaces() {
        return workspaces;
    }

    private <T extends Workspace> T workspace(Class<T> type) {
        return workspaces.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    public SegmentationWorkspace segmentation() {
        return workspace(SegmentationWorkspace.class);
    }

    public PlotsWorkspace plots() {
        return workspace(PlotsWorkspace.class);
    }

    public DetectionWorkspace detection() {
        return workspace(DetectionWorkspace.class);
    }

    public org.losslab.app.train.TrainingWorkspace training() {
        return workspace(org.losslab.app.train.TrainingWorkspace.class);
    }

    public TabPane tabs() {
        return tabs;
    }

    /** The status bar's text, as shown. */
    public String statusText() {
        return status.getText();
    }

    public ActionCatalogue actions() {
        return catalogue;
    }

    /** Whether any workspace has unsaved changes. */
    public ObservableValue<Boolean> dirtyProperty() {
        return dirty;
    }

    /** Wires the catalogue's keys to the window's scene. */
    public void installKeys(Scene scene) {
        catalogue.install(scene, this::shown);
        // Esc leaves presentation mode; otherwise it stays with the views (a box drag cancels on Esc)
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && presenting()) {
                togglePresentation();
                e.consume();
            }
        });
    }

    /** A blank segmentation canvas: a new scene, saved to a file of its own. */
    private void newCanvas() {
        closeLesson();
        if (confirmDiscard() && segmentation().newCanvasDialog()) {
            file = null;
            opened = new org.losslab.scene.Scene(java.util.Map.of(), List.of(), java.util.Map.of());
        }
    }

    private void openDialog() {
        closeLesson();
        if (confirmDiscard()) {
            Dialogs.open(this, "Open scene", "LossLab scenes", "*.json").ifPresent(this::openInBackground);
        }
    }

    /**
     * Reads a scene on a background thread (a large file takes seconds to parse) while the window stays
     * usable, then opens it; a file that cannot be read is reported and changes nothing.
     */
    public void openInBackground(Path path) {
        openInBackground(path, () -> { });
    }

    /** Reads a scene in the background, opens it, then runs {@code then} (also when it could not be read). */
    public void openInBackground(Path path, Runnable then) {
        segmentation().messageProperty().set("Opening " + path.getFileName() + "…");
        Thread reader = new Thread(() -> {
            try {
                org.losslab.scene.Scene scene = SceneFiles.read(path);
                Platform.runLater(() -> {
                    show(scene, path);
                    then.run();
                });
            } catch (EngineException e) {
                Platform.runLater(() -> {
                    error("Cannot open " + path.getFileName(), e.getMessage());
                    then.run();
                });
            } catch (OutOfMemoryError e) {
                Platform.runLater(() -> {
                    error("Cannot open " + path.getFileName(), "the scene is too large for the memory given");
                    then.run();
                });
            }
        }, "losslab-open");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens a scene file into every workspace; a file that cannot be read leaves everything as it is. */
    public boolean open(Path path) {
        try {
            return show(SceneFiles.read(path), path);
        } catch (EngineException e) {
            error("Cannot open " + path.getFileName(), e.getMessage());
            return false;
        }
    }

    /** Puts a scene that was read into every workspace. */
    private boolean show(org.losslab.scene.Scene scene, Path path) {
        closeLesson();
        try {
            for (Workspace w : workspaces) {
                w.restoreFrom(scene);
                w.markSaved();
            }
            opened = scene;
            file = path;
            recovered.set(false);
            segmentation().messageProperty().set("Opened " + path.getFileName());
            return true;
        } catch (EngineException e) {
            error("Cannot open " + path.getFileName(), e.getMessage());
            return false;
        }
    }

    /** The workspaces' states when the window opened: every lesson step starts from them. */
    private final List<Object> defaults;
    private final javafx.beans.property.BooleanProperty lessonOpen = new javafx.beans.property.SimpleBooleanProperty(this, "lessonOpen");
    private final javafx.beans.property.BooleanProperty userDirtyInLesson = new javafx.beans.property.SimpleBooleanProperty(this, "userDirty");
    private boolean savedDuringLesson;
    private LessonSession lesson;

    /** Opens a bundled lesson by its key. */
    public org.losslab.app.lesson.LessonPanel openLesson(String key) {
        return openLesson(org.losslab.scene.Lessons.bundled(key));
    }

    /**
     * Opens a lesson docked at the window's side; the previous one, if any, ends first. The user's whole state is
     * kept and given back when the lesson closes.
     */
    public org.losslab.app.lesson.LessonPanel openLesson(org.losslab.scene.Lesson toOpen) {
        closeLesson();
        boolean userDirty = dirty.get();
        // the captions' {value:...} numbers are computed on each step's own state, as lessons --check does
        var runner = new org.losslab.app.lesson.LessonRunner(this, org.losslab.scene.LessonCheck.withValues(toOpen));
        var panel = new org.losslab.app.lesson.LessonPanel(runner, this::closeLesson);
        lesson = new LessonSession(runner, panel, LessonSession.states(workspaces), currentScene());
        savedDuringLesson = false;
        userDirtyInLesson.set(userDirty);
        lessonOpen.set(true);
        setLeft(panel);
        panel.show(0);
        return panel;
    }

    /** Ends the open lesson, if any: every workspace is given its state from before the lesson back. */
    public void closeLesson() {
        if (lesson == null) {
            return;
        }
        LessonSession ending = lesson;
        lesson = null;
        setLeft(null);
        ending.giveBack(workspaces, savedDuringLesson);
        lessonOpen.set(false);
        lessonStepChanged();
    }

    @Override
    public void resetForLesson() {
        for (int k = 0; k < workspaces.size(); k++) {
            workspaces.get(k).restoreState(defaults.get(k));
        }
    }

    @Override
    public void showWorkspace(String key) {
        for (int k = 0; k < workspaces.size(); k++) {
            if (workspaces.get(k).key().equals(key)) {
                tabs.getSelectionModel().select(k);
            }
        }
    }

    private void chooseLesson() {
        var lessons = org.losslab.scene.Lessons.all();
        javafx.scene.control.ChoiceDialog<String> dialog = new javafx.scene.control.ChoiceDialog<>(
                lessons.isEmpty() ? null : lessons.get(0).title(), lessons.stream().map(org.losslab.scene.Lesson::title).toList());
        dialog.setTitle("Lessons");
        dialog.setHeaderText("Each lesson answers one question in the app, step by step; closing it gives your scene back.");
        dialog.showAndWait().ifPresent(title -> lessons.stream().filter(l -> l.title().equals(title)).findFirst()
                .ifPresent(l -> openLesson(l.key())));
    }

    private Presentation presentation;

    /** Presentation mode on or off (large high-contrast type, tools folded, the selected number large). */
    public void togglePresentation() {
        presentation.set(!presentation.on());
    }

    public boolean presenting() {
        return presentation.on();
    }

    /** The banner of presentation mode (the selected number, what the lesson step says to look at). */
    public javafx.scene.layout.VBox presentationBanner() {
        return presentation.banner();
    }

    /** A lesson moved to another step: presentation mode shows what it uses. */
    public void lessonStepChanged() {
        if (presentation != null) {
            presentation.update();
        }
    }

    /** The open lesson's runner, or null. */
    public org.losslab.app.lesson.LessonRunner lessonRunner() {
        return lesson == null ? null : lesson.runner();
    }

    /** The open lesson's panel, or null. */
    public org.losslab.app.lesson.LessonPanel lessonPanel() {
        return lesson == null ? null : lesson.panel();
    }

    /**
     * The scene as it would be saved now: what was opened, with every workspace's changes; during a lesson, the
     * user's own scene as it was when the lesson started (the lesson's scenes are never the user's document).
     */
    private org.losslab.scene.Scene currentScene() {
        if (lesson != null) {
            return lesson.userScene();
        }
        org.losslab.scene.Scene scene = opened;
        for (Workspace w : workspaces) {
            scene = w.writeTo(scene);
        }
        return scene;
    }

    /** Writes the recovery file now if there are unsaved changes (the timer calls this every 30 s). */
    public void autosaveNow() {
        if (dirty.get()) {
            try {
                recovery.save(currentScene(), file);
            } catch (RuntimeException e) {
                ErrorLog.record("autosave", e);
            }
        }
    }

    /** The recovery helper (tests wait for its writes). */
    public Recovery recovery() {
        return recovery;
    }

    /**
     * At start (with or without a file argument): every recovery file left by a window that ended without
     * saving or discarding is offered, newest first, until one is restored. "Later" keeps a file for the
     * next start; only "Discard" removes it.
     */
    public void offerRecovery() {
        for (Recovery.Found found : Recovery.leftOver()) {
            int answer = Dialogs.choose("Restore your unsaved work?", "LossLab closed without saving " + found.origin()
                    + ".\nRestore it now, discard it for good, or decide at the next start.", "Restore", "Discard", "Later");
            if (answer == 0 && (!dirty.get() || confirmDiscard())) {
                restoreRecovery(found);
                return;
            }
            if (answer == 1) {
                recovery.discard(found);
            }
        }
    }

    /** Opens the newest left-over recovery file as an unsaved scene. */
    public boolean restoreRecovery() {
        return Recovery.find().map(this::restoreRecovery).orElse(false);
    }

    /** Opens a left-over recovery file as an unsaved scene; it stays on disk, now this window's, until saved. */
    public boolean restoreRecovery(Recovery.Found found) {
        if (!open(found.file())) {
            return false;
        }
        recovery.adopt(found);
        file = null;
        recovered.set(true);
        segmentation().messageProperty().set("Restored the autosaved scene: save it to keep it");
        return true;
    }

    private void save() {
        if (file == null) {
            saveAs();
        } else {
            saveTo(file);
        }
    }

    private void saveAs() {
        Dialogs.save(this, "Save scene", "LossLab scenes", "*.json").ifPresent(this::saveTo);
    }

    /** Writes the scene; on failure the previous file is untouched and the error shown. */
    public boolean saveTo(Path path) {
        try {
            org.losslab.scene.Scene scene = currentScene();
            SceneFiles.write(scene, path);
            opened = scene;
            file = path;
            if (lesson != null) {
                savedDuringLesson = true; // the user's state, given back at the lesson's end, is saved
                userDirtyInLesson.set(false);
            } else {
                workspaces.forEach(Workspace::markSaved);
            }
            recovered.set(false);
            recovery.discard();
            segmentation().messageProperty().set("Saved " + path.getFileName());
            return true;
        } catch (IOException | EngineException e) {
            error("Cannot save " + path.getFileName(), e.getMessage());
            return false;
        }
    }

    private void shortcuts() {
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION);
        a.setHeaderText("Shortcuts");
        javafx.scene.control.TextArea text = new javafx.scene.control.TextArea(catalogue.help());
        text.setEditable(false);
        text.setPrefSize(640, 420);
        text.setStyle("-fx-font-family: monospace;");
        a.getDialogPane().setContent(text);
        a.show();
    }

    private void error(String header, String text) {
        segmentation().messageProperty().set(header + ": " + text);
        Dialogs.error(header, text);
    }

    private void quit() {
        var window = getScene().getWindow();
        window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST));
    }

    /** Asks before unsaved changes are lost; true when it is fine to go on. */
    public boolean confirmDiscard() {
        return !dirty.get() || Dialogs.confirm("Unsaved changes", "The scene has unsaved changes. Discard them?");
    }

    public void attach(Stage stage) {
        autosave.play();
        stage.setOnCloseRequest(e -> {
            if (!confirmDiscard()) {
                e.consume();
            } else {
                recovery.discard(); // quitting on purpose: nothing to recover next time
                close();
                Platform.exit();
            }
        });
        dirty.addListener((o, a, b) -> stage.setTitle("LossLab" + (b ? " *" : "")));
    }

    @Override
    public void close() {
        autosave.stop();
        workspaces.forEach(Workspace::close);
        recovery.flush();
        recovery.close();
    }
}
