package org.losslab.app;

import java.util.Map;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.util.Duration;
import javafx.beans.Observable;
import javafx.scene.layout.VBox;
import org.losslab.app.core.Dialogs;
import org.losslab.app.core.ErrorLog;
import org.losslab.app.core.Workspace;
import org.losslab.app.lesson.LessonHost;
import org.losslab.engine.dataset.DatasetAudit;
import org.losslab.scene.Lesson;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import org.losslab.scene.Lessons;
import javafx.animation.Animation;
import javafx.scene.input.KeyEvent;
import org.losslab.app.detect.BoxDocument;
import org.losslab.app.lesson.LessonPanel;
import org.losslab.app.lesson.LessonRunner;
import javafx.beans.property.BooleanProperty;
import org.losslab.app.train.TrainingWorkspace;
import javafx.beans.property.SimpleBooleanProperty;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.controlsfx.control.StatusBar;
import org.losslab.app.audit.AuditWorkspace;
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
public final class MainWindow extends BorderPane implements AutoCloseable, LessonHost {
    private final List<Workspace> workspaces;
    private final TabPane tabs = new TabPane();
    private final StatusBar status = new StatusBar();
    private final ActionCatalogue catalogue;
    private final BooleanBinding dirty;
    private Path file;
    private final Recovery recovery = new Recovery();
    /** A scene restored from the recovery file: unsaved until the user saves it. */
    private final BooleanProperty recovered = new SimpleBooleanProperty(this, "recovered");
    private final Timeline autosave = new Timeline(new KeyFrame(
            Duration.seconds(Recovery.INTERVAL_SECONDS), e -> autosaveNow()));
    /** The scene as last opened or saved: what the workspaces write into, so that what they do not own is kept. */
    private org.losslab.scene.Scene opened = new org.losslab.scene.Scene(Map.of(), List.of(), Map.of());

    public MainWindow() {
        setId("main-window");
        SegDocument segmentation = new SegDocument(Presets.standard().create(256), Presets.standard().key());
        workspaces = Workspaces.create(new Workspaces.Shared(segmentation, new BoxDocument(),
                new SimpleDoubleProperty(DatasetAudit.DEFAULT_TOLERANCE_MM)));
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
        catalogue = new ActionCatalogue(WindowActions.of(this), workspaces);
        lesson = new LessonMode(this, workspaces, this::closeLesson);
        cases = new CaseView(segmentation(), audit(), this::showWorkspace);
        audit().links().onOpen(request -> cases.open(request, this::currentScene));
        List<Observable> dirtyParts = new ArrayList<>(workspaces.stream().map(Workspace::dirty).toList());
        dirtyParts.addAll(List.of(recovered, lesson.openProperty(), lesson.userDirtyProperty(), cases.openProperty(),
                cases.userDirtyProperty()));
        // during a lesson or with an audited case shown, the unsaved mark is the user's own document's
        dirty = Bindings.createBooleanBinding(() -> lesson.openProperty().get() ? lesson.userDirtyProperty().get()
                        : recovered.get() || workspaces.stream().anyMatch(cases::dirty),
                dirtyParts.toArray(Observable[]::new));
        autosave.setCycleCount(Animation.INDEFINITE); // started by attach: headless windows never autosave
        presentation = new Presentation(this, lesson);
        setTop(new VBox(catalogue.menuBar(), presentation.banner()));
        setCenter(tabs);
        setBottom(WindowStatus.build(this, status));
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

    public TrainingWorkspace training() {
        return workspace(TrainingWorkspace.class);
    }

    @Override
    public AuditWorkspace audit() {
        return workspace(AuditWorkspace.class);
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
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && presenting()) {
                togglePresentation();
                e.consume();
            }
        });
    }

    /** A blank segmentation canvas: a new scene, saved to a file of its own. */
    void newCanvas() {
        closeLesson();
        if (confirmDiscard() && segmentation().newCanvasDialog()) {
            file = null;
            opened = new org.losslab.scene.Scene(Map.of(), List.of(), Map.of());
        }
    }

    void openDialog() {
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
            } catch (EngineException | OutOfMemoryError e) {
                String why = e instanceof EngineException ? e.getMessage() : "the scene is too large for the memory given";
                Platform.runLater(() -> {
                    error("Cannot open " + path.getFileName(), why);
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

    /** Shows a scene that was read (a shared view as it says), as if opened from no file. */
    public boolean showScene(org.losslab.scene.Scene scene) {
        boolean shown = show(scene, null);
        file = null;
        return shown;
    }

    /** Puts a scene that was read into every workspace. */
    private boolean show(org.losslab.scene.Scene scene, Path path) {
        closeLesson();
        try {
            for (Workspace w : workspaces) {
                w.sceneFile(path);
                w.restoreFrom(scene);
                w.openedFrom(scene);
            }
            opened = SharedView.without(scene);
            SharedView.apply(this, scene);
            file = path;
            recovered.set(false);
            segmentation().messageProperty().set(path == null ? "Opened the view" : "Opened " + path.getFileName());
            return true;
        } catch (EngineException e) {
            error("Cannot open " + (path == null ? "the view" : path.getFileName()), e.getMessage());
            return false;
        }
    }

    /** The open lesson, if any: it borrows the workspaces and gives them back. */
    private final LessonMode lesson;
    /** An audited case shown in the Segmentation workspace, if any: it borrows that workspace (see {@link CaseView}). */
    private final CaseView cases;

    CaseView caseView() {
        return cases;
    }

    /** Opens a bundled lesson by its key. */
    public LessonPanel openLesson(String key) {
        return openLesson(Lessons.bundled(key));
    }

    /** Opens a lesson docked at the window's side (the previous one, if any, ends first); see {@link LessonMode}. */
    public LessonPanel openLesson(Lesson toOpen) {
        closeLesson();
        LessonPanel panel = lesson.open(toOpen, dirty.get(), currentScene());
        setLeft(panel);
        panel.show(0);
        return panel;
    }

    /** Ends the open lesson, if any (and the case view, first): every workspace is given its state back. */
    public void closeLesson() {
        cases.giveBack();
        if (lesson.close()) {
            setLeft(null);
            lessonStepChanged();
        }
    }

    @Override
    public void resetForLesson() {
        cases.drop();
        lesson.resetWorkspaces();
    }

    @Override
    public void showWorkspace(String key) {
        for (int k = 0; k < workspaces.size(); k++) {
            if (workspaces.get(k).key().equals(key)) {
                tabs.getSelectionModel().select(k);
            }
        }
    }

    void chooseLesson() {
        LessonSession.choose().ifPresent(this::openLesson);
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
    public VBox presentationBanner() {
        return presentation.banner();
    }

    /** A lesson moved to another step: presentation mode shows what it uses. */
    public void lessonStepChanged() {
        lesson.stepChanged();
        if (presentation != null) {
            presentation.update();
        }
    }

    /** Whether no lesson is open or its captions show their numbers (they are computed in the background). */
    public boolean lessonValuesShown() {
        return lesson.valuesShown();
    }

    /** The open lesson's runner, or null. */
    public LessonRunner lessonRunner() {
        return lesson.session() == null ? null : lesson.session().runner();
    }

    /** The open lesson's panel, or null. */
    public LessonPanel lessonPanel() {
        return lesson.session() == null ? null : lesson.session().panel();
    }

    /**
     * The scene as it would be saved now: what was opened, with every workspace's changes; during a lesson, the
     * user's own scene as it was when the lesson started (the lesson's scenes are never the user's document).
     */
    private org.losslab.scene.Scene currentScene() {
        if (lesson.session() != null) {
            return lesson.session().userScene();
        }
        org.losslab.scene.Scene scene = cases.openProperty().get() ? cases.userScene() : opened;
        for (Workspace w : workspaces) {
            scene = cases.borrows(w) ? scene : w.writeTo(scene); // a case shown is not the user's document
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
        RecoveryOffer.offer(recovery, dirty::get, this::confirmDiscard, this::restoreRecovery);
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

    void save() {
        if (file == null) {
            saveAs();
        } else {
            saveTo(file);
        }
    }

    void saveAs() {
        Dialogs.save(this, "Save scene", "LossLab scenes", "*.json").ifPresent(this::saveTo);
    }

    /** Writes the scene; on failure the previous file is untouched and the error shown. */
    public boolean saveTo(Path path) {
        try {
            workspaces.forEach(w -> w.sceneFile(path)); // before the scene is made: folders are written relative to it
            org.losslab.scene.Scene scene = currentScene();
            SceneFiles.write(scene, path);
            opened = scene;
            file = path;
            if (lesson.session() != null) {
                lesson.userSaved(); // the user's state, given back at the lesson's end, is saved
            } else {
                workspaces.stream().filter(w -> !cases.borrows(w)).forEach(Workspace::markSaved);
                cases.userSaved();
            }
            recovered.set(false);
            recovery.discard();
            segmentation().messageProperty().set("Saved " + path.getFileName());
            return true;
        } catch (IOException | EngineException e) {
            workspaces.forEach(w -> w.sceneFile(file)); // still the document's file
            error("Cannot save " + path.getFileName(), e.getMessage());
            return false;
        }
    }

    void shareView() {
        Dialogs.save(this, "Share view", "LossLab scenes", "*.json").ifPresent(this::shareViewTo);
    }

    /** Writes the whole view (scene, settings, lesson and step) to a file; the document's own file is untouched. */
    public boolean shareViewTo(Path path) {
        try {
            SceneFiles.write(SharedView.write(this, currentScene()), path);
            segmentation().messageProperty().set("Shared view written to " + path.getFileName());
            return true;
        } catch (IOException | EngineException e) {
            error("Cannot write " + path.getFileName(), e.getMessage());
            return false;
        }
    }

    void shortcuts() {
        Dialogs.text("Shortcuts", catalogue.help());
    }

    private void error(String header, String text) {
        segmentation().messageProperty().set(header + ": " + text);
        Dialogs.error(header, text);
    }

    void quit() {
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
