package org.losslab.app;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.losslab.app.audit.AuditWorkspace;
import org.losslab.app.core.Dialogs;
import org.losslab.app.core.Workspace;
import org.losslab.app.audit.CaseLinks.CaseRequest;
import org.losslab.app.seg.SegmentationWorkspace;
import org.losslab.engine.EngineException;
import org.losslab.engine.seg.SegMode;
import org.losslab.scene.AuditCaseScene;
import org.losslab.scene.Scene;

/**
 * An audited case shown in the Segmentation workspace as a borrowed view, the way a lesson borrows the window: when
 * the first case opens, the workspace's whole state (the user's document with its undo history and unsaved edits, the
 * view's settings) is kept here with the scene as it would be saved, and "Back to the audit" gives it back. Meanwhile
 * the user's document is the kept one: Save and the recovery file write it, and the window's unsaved mark is its own,
 * so browsing cases never asks anything and never loses or overwrites work. Edits made on a case are not kept (the
 * banner says so). A case that cannot be read changes nothing.
 */
final class CaseView {
    private final SegmentationWorkspace segmentation;
    private final AuditWorkspace audit;
    private final Consumer<String> showWorkspace;
    private final BooleanProperty open = new SimpleBooleanProperty(this, "open");
    private final BooleanProperty userDirty = new SimpleBooleanProperty(this, "userDirty");
    private final Label caption = new Label();
    private final HBox banner;
    private Object userState;
    private Scene userScene;
    private boolean savedMeanwhile;
    private CaseRequest shown;

    CaseView(SegmentationWorkspace segmentation, AuditWorkspace audit, Consumer<String> showWorkspace) {
        this.segmentation = segmentation;
        this.audit = audit;
        this.showWorkspace = showWorkspace;
        Button back = new Button("Back to the audit");
        back.setId("back-to-audit");
        back.setOnAction(e -> back());
        back.setMinWidth(Button.USE_PREF_SIZE); // the caption wraps, the button keeps its words
        caption.setWrapText(true);
        caption.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(caption, Priority.ALWAYS);
        banner = new HBox(10, back, caption);
        banner.setId("case-banner");
        banner.setStyle("-fx-padding: 4 8; -fx-alignment: center-left; -fx-background-color: #FFF4CE;"
                + " -fx-border-color: #E0C060; -fx-border-width: 0 0 1 0");
    }

    /**
     * Shows a case: the user's state is kept at the first case (not at the next ones, which replace the case shown).
     * {@code userSceneNow} gives the scene as it would be saved now.
     */
    void open(CaseRequest request, Supplier<Scene> userSceneNow) {
        AuditCaseScene.Opened opened;
        try {
            opened = AuditCaseScene.read(request.labels(), request.predictions(), request.caseName(), request.classes());
        } catch (EngineException | OutOfMemoryError e) {
            String why = e instanceof EngineException ? e.getMessage() : "the case is too large for the memory given";
            audit.model().statusProperty().set("Cannot open " + request.caseName() + ": " + why);
            Dialogs.error("Cannot open case " + request.caseName(), why);
            return;
        }
        if (!open.get()) {
            userScene = userSceneNow.get();
            userState = segmentation.saveState();
            userDirty.set(segmentation.dirty().get());
            savedMeanwhile = false;
            open.set(true);
        }
        if (opened.volume()) {
            openVolume(request, opened);
        } else {
            show(request, opened, "");
        }
    }

    /**
     * The one entry point of volume cases. Until the slice view is wired here, a volume opens as its middle slice, and
     * the banner says that the table's distances are the volume's.
     */
    private void openVolume(CaseRequest request, AuditCaseScene.Opened opened) {
        // slice indices count from 0 everywhere in the app, as the volume view's and nibabel's
        show(request, opened, " Volume case: its middle slice z " + opened.slice() + " (0 .. " + (opened.depth() - 1)
                + ", array order; the table's distances are 3-D; volume cases open whole, oriented, in the slice view).");
    }

    private void show(CaseRequest request, AuditCaseScene.Opened opened, String note) {
        shown = request;
        var doc = segmentation.document();
        doc.replace(opened.scene(), "");
        doc.clearHistory(); // Ctrl+Z never brings the user's own scene into the borrowed view
        doc.classNames().clear();
        if (opened.scene().mode() == SegMode.MULTICLASS
                && segmentation.lookup("#class-choice") instanceof ComboBox<?> choice) {
            @SuppressWarnings("unchecked")
            ComboBox<Integer> classes = (ComboBox<Integer>) choice;
            classes.setValue(request.classIndex()); // the maps show the class of the row clicked
        }
        caption.setText(request.caseName() + ", class " + request.classIndex() + ": ground truth against " + opened.reading() + "."
                + note + " Your scene is kept aside (Save writes it) and comes back with the audit (Alt+Left); edits here are not kept.");
        segmentation.setTop(banner);
        showWorkspace.accept(segmentation.key());
        Platform.runLater(() -> segmentation.canvas().fit()); // once laid out with the banner
    }

    /** "Back to the audit": the user's state back, the Audit workspace shown with the case's row selected. */
    void back() {
        CaseRequest was = shown;
        if (giveBack() && was != null) {
            showWorkspace.accept(audit.key());
            audit.links().reveal(was.caseName(), was.classIndex());
        }
    }

    /** Gives the user's state back and removes the banner; false when no case was shown. */
    boolean giveBack() {
        if (!open.get()) {
            return false;
        }
        segmentation.restoreState(userState);
        if (savedMeanwhile) {
            segmentation.markSaved();
        }
        end();
        return true;
    }

    /** Forgets the case view without giving anything back (a lesson's step resets every workspace anyway). */
    void drop() {
        if (open.get()) {
            end();
        }
    }

    private void end() {
        segmentation.setTop(null);
        userState = null;
        userScene = null;
        shown = null;
        open.set(false);
    }

    /** Whether the window's save must take this workspace's part from the kept scene, not from what is shown. */
    boolean borrows(Workspace w) {
        return open.get() && w == segmentation;
    }

    /** Whether a workspace has unsaved changes of the user's: the kept state's for the borrowed one. */
    boolean dirty(Workspace w) {
        return borrows(w) ? userDirty.get() : w.dirty().get();
    }

    /** The user's scene as it would have been saved when the first case opened (its segmentation part is the user's). */
    Scene userScene() {
        return userScene;
    }

    /** The user saved while a case was shown: the state given back is saved. */
    void userSaved() {
        if (open.get()) {
            savedMeanwhile = true;
            userDirty.set(false);
        }
    }

    BooleanProperty openProperty() {
        return open;
    }

    BooleanProperty userDirtyProperty() {
        return userDirty;
    }

    /** The case shown, or null. */
    CaseRequest shown() {
        return shown;
    }
}
