package org.losslab.app.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.losslab.app.render.ColorBar;
import org.losslab.app.render.MapImage;
import org.losslab.engine.Domains;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.LossSpec.Role;
import org.losslab.app.core.LatestWins;
import org.losslab.engine.box.BoxLandscape;
import org.losslab.engine.box.BoxPairs;
import org.losslab.engine.maps.MapKind;
import org.losslab.engine.sweep.BoxDistributions;

/**
 * Boxes: the canvas, the table of every pair's losses (updated while dragging), and the loss
 * landscape of the selected pair, computed in the background (at most one frame behind).
 */
public final class BoxesTab extends BorderPane {
    private final BoxDocument doc;
    private final BoxCanvas canvas;
    private final TableView<Map<String, Double>> table = new TableView<>();
    private final ComboBox<String> landscapeLoss = new ComboBox<>(FXCollections.observableArrayList(landscapeChoices()));
    private final LatestWins worker = new LatestWins("losslab-landscape");
    private final AtomicInteger requests = new AtomicInteger();
    private final LatestWins pairsWorker = new LatestWins("losslab-pairs");
    private final AtomicInteger pairRequests = new AtomicInteger();
    private int pairsShown;
    private final Label geometry = new Label();
    private final BoxMaskView masks = new BoxMaskView();
    private final BoxDistributionView distributions = new BoxDistributionView();
    private final ShrinkView shrink = new ShrinkView();

    public BoxesTab(BoxDocument doc) {
        this.doc = doc;
        this.canvas = new BoxCanvas(doc);
        setId("boxes-tab");
        ToggleGroup group = new ToggleGroup();
        ToggleButton truth = new ToggleButton("Draw ground truth (G)");
        ToggleButton prediction = new ToggleButton("Draw prediction (P)");
        truth.setId("draw-truth");
        prediction.setId("draw-prediction");
        truth.setToggleGroup(group);
        prediction.setToggleGroup(group);
        prediction.setSelected(true);
        truth.setOnAction(e -> canvas.drawTruthProperty().set(true));
        prediction.setOnAction(e -> canvas.drawTruthProperty().set(false));
        // the keys G and P set the property: the buttons follow it
        canvas.drawTruthProperty().addListener((o, a, drawTruth) -> (drawTruth ? truth : prediction).setSelected(true));
        truth.setTooltip(new Tooltip("Drag on empty canvas to draw a ground-truth box"));
        prediction.setTooltip(new Tooltip("Drag on empty canvas to draw a predicted box"));
        CheckBox snap = new CheckBox("Snap to pixels");
        snap.selectedProperty().bindBidirectional(canvas.snapProperty());
        landscapeLoss.setId("landscape-loss");
        // a loss with a slope everywhere, boxes apart included: the arrows point home from anywhere
        landscapeLoss.setValue(LossRegistry.first(Role.SEES_APART_BOXES, Domains.BOXES).name());
        landscapeLoss.setTooltip(new Tooltip("Heatmap of the loss over the predicted box's centre, arrows: -gradient"));
        landscapeLoss.setOnAction(e -> updateLandscape());
        HBox bar = new HBox(8, truth, prediction, snap, new Label("Landscape"), landscapeLoss);
        bar.setPadding(new Insets(6));
        setTop(bar);
        landscapeBar.setId("landscape-bar");
        BorderPane centre = new BorderPane(canvas);
        HBox barBox = new HBox(landscapeBar);
        barBox.setStyle("-fx-background-color: #2b2b2b;");
        barBox.setPadding(new Insets(4));
        barBox.visibleProperty().bind(landscapeLoss.valueProperty().isNotEqualTo("none"));
        barBox.managedProperty().bind(barBox.visibleProperty());
        centre.setBottom(barBox);
        setCenter(centre);
        TableColumn<Map<String, Double>, String> name = new TableColumn<>("pair");
        name.setCellValueFactory(v -> new SimpleStringProperty(String.format(Locale.ROOT, "P%.0f-G%.0f",
                v.getValue().get(PREDICTION) + 1, v.getValue().get(TRUTH) + 1)));
        name.setPrefWidth(62);
        table.getColumns().add(name);
        for (String c : PairValues.COLUMNS) {
            TableColumn<Map<String, Double>, String> col = new TableColumn<>(PairValues.header(c));
            col.setCellValueFactory(v -> new SimpleStringProperty(String.format(Locale.ROOT, "%.4f", v.getValue().get(c))));
            col.setPrefWidth(c.length() > 5 ? 95 : 70);
            table.getColumns().add(col);
        }
        table.setId("pair-table");
        table.setPrefHeight(170);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null && !updating) {
                canvas.selectedProperty().set(row.get(PREDICTION).intValue());
            }
        });
        geometry.setId("pair-geometry");
        geometry.setWrapText(true);
        TitledPane dfl = new TitledPane(
                "DFL: the selected pair as YOLOv8's head sees it (dfl_loss)", distributions);
        dfl.setExpanded(false);
        dfl.setId("dfl-pane");
        TitledPane tiny = new TitledPane(
                "NWD: shrink the selected pair (tiny objects)", shrink);
        tiny.setExpanded(false);
        tiny.setId("shrink-pane");
        VBox side = new VBox(6, new Label("Pairs (each prediction with the ground truth it overlaps most)"), table, geometry, masks, dfl, tiny,
                new Label("Drag on empty space to draw, drag a box to move it, its handles to resize (Shift keeps the "
                        + "aspect ratio); arrows nudge, Delete removes, Esc cancels a drag, Ctrl+Z undoes."));
        ((Label) side.getChildren().get(side.getChildren().size() - 1)).setWrapText(true); // the instructions, last
        side.setPadding(new Insets(6));
        side.setPrefWidth(640);
        table.setPrefHeight(200);
        ScrollPane sideScroll = new ScrollPane(side);
        sideScroll.setFitToWidth(true);
        sideScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        setRight(sideScroll);
        doc.revisionProperty().addListener(o -> update());
        canvas.selectedProperty().addListener(o -> update());
        // the table, the masks, DFL and NWD views are computed once the tab is in a window, not at the app's start
        sceneProperty().addListener((o, was, now) -> {
            if (was == null && now != null && stale) {
                update();
            }
        });
        update();
    }

    /** Whether the views wait for the tab to join a window to show the current boxes. */
    private boolean stale;

    /** "none", then every differentiable box loss of the registry. */
    private static List<String> landscapeChoices() {
        List<String> out = new ArrayList<>(List.of("none"));
        LossRegistry.of(Domains.BOXES).stream()
                .filter(LossSpec::differentiable).forEach(spec -> out.add(spec.name()));
        return out;
    }

    /** Keys of a row that say which prediction and ground truth it pairs (0-based). */
    static final String PREDICTION = "#prediction";
    static final String TRUTH = "#truth";
    private boolean updating;

    public BoxCanvas canvas() {
        return canvas;
    }

    public TableView<Map<String, Double>> table() {
        return table;
    }

    /** The DFL view's explanation under the histograms (for tests). */
    public String distributionNotes() {
        return distributions.notesText();
    }

    /** The selected pair as YOLOv8's distributions, as drawn (for tests). */
    public BoxDistributions distributionsShown() {
        return distributions.shown();
    }

    /** IoU loss and NWD of the selected pair at the size slider's size (for tests). */
    public double[] shrinkLosses() {
        return shrink.shownLosses();
    }

    public Slider shrinkSize() {
        return shrink.size();
    }

    /** The selected pair read as masks. */
    public Label maskNumbers() {
        return masks.numbers();
    }

    public ComboBox<String> landscapeChoice() {
        return landscapeLoss;
    }

    /**
     * Recomputes the table, the geometry line and the views of the selected pair off the JavaFX thread (every
     * registry box loss of every pair, the pair's masks and its shrinking sweep), at most one computation behind;
     * the newest arrives on the JavaFX thread as one hand-over.
     */
    private void update() {
        stale = getScene() == null;
        if (stale) {
            return;
        }
        int[] pairing = doc.pairing();
        int sel = canvas.selectedProperty().get();
        BoxPairs[] pairs = new BoxPairs[pairing.length];
        for (int i = 0; i < pairing.length; i++) {
            pairs[i] = pairing[i] >= 0 ? doc.pair(i) : null;
        }
        BoxPairs selected = sel < pairs.length ? pairs[sel] : null;
        int request = pairRequests.incrementAndGet();
        pairsWorker.submit(() -> {
            PairViews computed;
            try {
                computed = PairViews.compute(pairing, pairs, sel);
            } catch (RuntimeException e) {
                computed = PairViews.failed(e);
            }
            PairViews shown = computed;
            Platform.runLater(() -> {
                if (request == pairRequests.get()) {
                    show(shown, selected);
                }
            });
        });
        updateLandscape();
    }

    private void show(PairViews computed, BoxPairs selected) {
        updating = true;
        table.setItems(FXCollections.observableArrayList(computed.rows()));
        if (computed.selectedRow() >= 0) {
            table.getSelectionModel().select(computed.selectedRow()); // the selected box's pair is the highlighted row
        }
        updating = false;
        geometry.setText(computed.geometry());
        masks.show(computed.masks());
        distributions.show(selected);
        shrink.show(selected, computed.shrink());
        pairsShown = pairRequests.get();
    }

    /** Whether the table and the selected pair's views show the newest boxes (for tests). */
    public boolean pairsCurrent() {
        return pairsShown == pairRequests.get();
    }

    private void updateLandscape() {
        String loss = landscapeLoss.getValue();
        int sel = canvas.selectedProperty().get();
        int[] pairing = doc.pairing();
        if ("none".equals(loss) || sel >= pairing.length || pairing[sel] < 0) {
            requests.incrementAndGet(); // a landscape still computing must not come back over "none"
            canvas.showLandscape(null, "");
            return;
        }
        var pair = doc.pair(sel);
        @SuppressWarnings("unchecked")
        LossSpec<BoxPairs> spec =
                (LossSpec<BoxPairs>) LossRegistry.get(loss);
        int request = requests.incrementAndGet();
        worker.submit(() -> {
            BoxLandscape l = BoxLandscape.compute(spec, spec.defaults(), pair.predicted(), pair.target(), 0, BoxDocument.FIELD,
                    0, BoxDocument.FIELD, 128, 128);
            Platform.runLater(() -> {
                if (request == requests.get()) {
                    canvas.showLandscape(l, loss);
                    landscapeBar.show(MapImage.of(MapKind.CROSS_ENTROPY,
                            l.xs().length, l.ys().length, l.values(), 0),
                            loss + " loss at each centre of the predicted box");
                    landscapeShown = request;
                }
            });
        });
    }

    private int landscapeShown;
    private final ColorBar landscapeBar = new ColorBar();

    /** The landscape's colour bar (what its colours mean). */
    public ColorBar landscapeBar() {
        return landscapeBar;
    }

    /** Whether everything the tab computes in the background (pairs and landscape) shows the newest boxes. */
    public boolean current() {
        return pairsCurrent() && landscapeCurrent();
    }

    /** Whether the newest landscape request is drawn. */
    public boolean landscapeCurrent() {
        return "none".equals(landscapeLoss.getValue()) || landscapeShown == requests.get();
    }

    public void close() {
        worker.close();
        pairsWorker.close();
    }
}
