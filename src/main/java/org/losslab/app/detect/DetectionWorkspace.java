package org.losslab.app.detect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import org.losslab.app.core.Action;
import org.losslab.app.core.ViewSettings;
import org.losslab.app.core.Workspace;
import org.losslab.scene.Scene;

/** The detection workspace: boxes and their losses, the regression race, SSD matching and mining, metrics. */
public final class DetectionWorkspace extends BorderPane implements Workspace {
    private final BoxDocument doc;
    private final BoxesTab boxes;
    // the other tabs are built when first shown: the window opens faster, and most sessions never need them
    private RaceTab race;
    private SsdTab ssd;
    private MetricsTab metrics;
    private DatasetTab dataset;
    /** The canvas lent to a dataset's image: the user's boxes are kept there meanwhile. */
    private final DatasetVisit visit;
    private final TabPane tabs = new TabPane();
    private final ViewSettings view = new ViewSettings("detection");
    private final SsdSettings ssdSettings = new SsdSettings();
    private final RaceSettings raceSettings = new RaceSettings();
    private final StringProperty shownTab = new SimpleStringProperty(this, "shownTab");

    public DetectionWorkspace() {
        this(new BoxDocument());
    }

    /** On a box document shared with the plots (the box and quality plots follow the dragged pair). */
    public DetectionWorkspace(BoxDocument doc) {
        this.doc = doc;
        this.boxes = new BoxesTab(doc);
        setId("detection-workspace");
        for (var t : new Tab[] {new Tab("Boxes", boxes), new Tab("Regression race"), new Tab("SSD matching"),
            new Tab("Metrics"), new Tab("Dataset")}) {
            t.setClosable(false);
            tabs.getTabs().add(t);
        }
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, index) -> build(index.intValue()));
        setCenter(tabs);
        visit = new DatasetVisit(doc, boxes, () -> tabs.getSelectionModel().select(4));
        setTop(visit.banner());
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, tab) -> shownTab.set(tab.getText()));
        shownTab.addListener((o, a, title) -> tabs.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t)));
        shownTab.set(tabs.getSelectionModel().getSelectedItem().getText());
        view.text("tab", shownTab, s -> s, s -> s)
                .text("landscape", boxes.landscapeChoice().valueProperty(), s -> s,
                        s -> boxes.landscapeChoice().getItems().contains(s) ? s : null)
                .flag("draw_truth", boxes.canvas().drawTruthProperty())
                .flag("snap", boxes.canvas().snapProperty());
        ssdSettings.register(view);
        raceSettings.register(view);
    }

    public BoxDocument document() {
        return doc;
    }

    public BoxesTab boxes() {
        return boxes;
    }

    /** Builds the content of tab {@code index} if it has none yet. */
    private void build(int index) {
        Tab tab = tabs.getTabs().get(index);
        if (tab.getContent() != null) {
            return;
        }
        switch (index) {
            case 1 -> tab.setContent(race = new RaceTab(raceSettings));
            case 2 -> tab.setContent(ssd = new SsdTab(doc, ssdSettings));
            case 3 -> tab.setContent(metrics = new MetricsTab(doc));
            default -> tab.setContent(dataset = new DatasetTab(image -> {
                visit.show(image);
                tabs.getSelectionModel().select(0);
            }));
        }
    }

    public RaceTab race() {
        build(1);
        return race;
    }

    public SsdTab ssd() {
        build(2);
        return ssd;
    }

    /** The race's set-up, whether or not its tab was built. */
    public RaceSettings raceSettings() {
        return raceSettings;
    }

    /** The SSD view's settings, whether or not its tab was built. */
    public SsdSettings ssdSettings() {
        return ssdSettings;
    }

    public MetricsTab metrics() {
        build(3);
        return metrics;
    }

    /** The Dataset tab: a detector's results on a COCO dataset. */
    public DatasetTab dataset() {
        build(4);
        return dataset;
    }

    /** The dataset image shown on the Boxes tab in place of the user's boxes, or null. */
    public String visitedImage() {
        return visit.title();
    }

    /** Gives the user's boxes back and shows the Dataset tab. */
    public void backToDataset() {
        visit.back();
    }

    public TabPane tabs() {
        return tabs;
    }

    @Override
    public String title() {
        return "Detection";
    }

    @Override
    public String key() {
        return "detection";
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public void undo() {
        doc.undo();
    }

    @Override
    public void redo() {
        doc.redo();
    }

    @Override
    public List<Action> actions() {
        var drawTruth = boxes.canvas().drawTruthProperty();
        return List.of(
                Action.key("Draw ground-truth boxes", "", () -> drawTruth.set(true), Action.plain(KeyCode.G)),
                Action.key("Draw predicted boxes", "drag on empty space to draw, a box to move it, its handles to resize "
                        + "(Shift keeps the aspect ratio)", () -> drawTruth.set(false), Action.plain(KeyCode.P)),
                new Action(null, "Nudge the selected box", List.of(), "arrows, 1 px (Shift: 10 px); Delete removes; "
                        + "Esc cancels a drag; Ctrl+click a ground-truth box pairs the selected prediction with it", () -> { }, null));
    }

    @Override
    public Scene writeTo(Scene scene) {
        // the boxes are written only when the user changed them: a scene opened and saved stays as it was
        // while a dataset's image is shown, the user's own boxes (kept aside) are what a save writes
        BoxDocument user = visit.userDocument(doc);
        return view.writeTo(user.dirtyProperty().get() ? BoxSceneAdapter.withBoxes(scene, user) : scene);
    }

    @Override
    public void restoreFrom(Scene scene) {
        BoxSceneAdapter.loadBoxes(scene, doc);
        view.restoreFrom(scene);
    }

    /** The boxes whole (their history included) and the view's settings. */
    private record State(BoxDocument.Snapshot boxes, ObjectNode view, ObjectNode viewBaseline) {
    }

    @Override
    public Object saveState() {
        return new State(visit.userSnapshot(doc), view.toJson(), view.baseline());
    }

    @Override
    public void restoreState(Object state) {
        State s = (State) state;
        visit.forget();
        doc.restore(s.boxes());
        view.apply(s.view());
        view.restoreBaseline(s.viewBaseline());
    }

    @Override
    public ObservableBooleanValue dirty() {
        return doc.dirtyProperty();
    }

    @Override
    public void markSaved() {
        doc.markSaved();
        view.markSaved();
    }

    @Override
    public void openedFrom(Scene opened) {
        doc.markSaved();
        view.takeBaselineFrom(opened);
    }

    @Override
    public ObservableStringValue status() {
        return boxes.canvas().hoverTextProperty();
    }

    @Override
    public void close() {
        boxes.close();
    }
}
