package org.losslab.app.plots;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.plot.XYPlot;
import org.losslab.app.charts.Charts;
import org.losslab.app.core.LatestWins;
import org.losslab.app.core.Offscreen;
import org.losslab.app.core.ViewSettings;
import org.losslab.app.core.Workspace;
import org.losslab.app.detect.BoxDocument;
import org.losslab.app.seg.ParamSheet;
import org.losslab.app.seg.SegDocument;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec.Role;
import org.losslab.engine.box.BoxPairs;
import org.losslab.engine.sweep.PlotData;
import org.losslab.engine.sweep.TeachingPlot;
import org.losslab.scene.PlotSources;
import org.losslab.scene.AtomicFiles;
import org.losslab.scene.Scene;

/**
 * The plots workspace: how each loss reacts to confidence, imbalance, Tversky's alpha and beta, focal
 * gamma, and how box losses react to a sliding box. Linked to the segmentation scene and the loss
 * parameters: an edit or a stroke recomputes the plot in the background, newest request first.
 */
public final class PlotsWorkspace extends BorderPane implements Workspace {
    private final SegDocument doc;
    private final ListView<TeachingPlot> plots = new ListView<>(FXCollections.observableArrayList(TeachingPlot.values()));
    private final VBox charts = new VBox(4);
    private final Label caption = new Label();
    private final Label readout = new Label(" ");
    /** Shown while a plot's data are being computed (a grid of Tversky losses takes a moment on a large scene). */
    private final ProgressIndicator computing = new ProgressIndicator();
    private final CheckBox logScale = new CheckBox("Log scale (y)");
    private final List<CheckBox> lossChoices = new ArrayList<>();
    private final ComboBox<String> editing = new ComboBox<>();
    /** The volume plots' spacing: the header's millimetres or voxels (each a plot of its own, so a lesson step names it). */
    private final ComboBox<TeachingPlot> spacing = new ComboBox<>(FXCollections.observableArrayList(TeachingPlot.VOLUME_MM,
            TeachingPlot.VOLUME_VOXELS));
    private final ParamSheet params;
    private final ReadOnlyIntegerWrapper drawn = new ReadOnlyIntegerWrapper(this, "drawn", 0);
    private final LatestWins worker = new LatestWins("losslab-plots");
    private PlotData current;
    private int requests;
    private final ViewSettings view = new ViewSettings("plots");
    private final ObjectProperty<TeachingPlot> shownPlot = new SimpleObjectProperty<>(this, "plot");

    public PlotsWorkspace(SegDocument doc) {
        this(doc, null);
    }

    /** @param boxes the detection workspace's boxes: the box and quality plots take their first pair (null: a built-in pair) */
    public PlotsWorkspace(SegDocument doc, BoxDocument boxes) {
        this.doc = doc;
        this.boxes = boxes;
        if (boxes != null) {
            boxes.revisionProperty().addListener(o -> {
                TeachingPlot shown = plots.getSelectionModel().getSelectedItem();
                if (onScreen() && shown != null && shown.usesBoxes()) {
                    refresh();
                }
            });
        }
        setId("plots-workspace");
        params = new ParamSheet(doc::params, (name, p) -> doc.setParams(name, p), text -> readout.setText(text));
        plots.setId("plot-list");
        plots.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(TeachingPlot item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : item.title());
                setTooltip(empty || item == null ? null : new Tooltip(item.caption()));
            }
        });
        plots.setPrefWidth(330);
        plots.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> refresh());
        caption.setWrapText(true);
        caption.setId("plot-caption");
        caption.setStyle("-fx-font-size: 14px;");
        readout.setId("plot-readout");
        VBox.setVgrow(charts, Priority.ALWAYS);
        computing.setId("plot-computing");
        computing.setVisible(false);
        computing.setMaxSize(48, 48);
        StackPane chartArea = new StackPane(charts, computing);
        VBox.setVgrow(chartArea, Priority.ALWAYS);
        VBox centre = new VBox(6, chartArea, caption, readout);
        centre.setPadding(new Insets(6));
        setLeft(plots);
        setCenter(centre);
        setRight(side());
        // follow the scene while on screen only: a hidden tab is refreshed when it is shown again
        doc.revisionProperty().addListener((o, a, b) -> {
            if (onScreen()) {
                refresh();
            }
        });
        plots.getSelectionModel().select(0);
        shownPlot.set(plots.getSelectionModel().getSelectedItem());
        plots.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> shownPlot.set(b));
        plots.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showSpacing(b));
        showSpacing(plots.getSelectionModel().getSelectedItem());
        shownPlot.addListener((o, a, b) -> {
            if (b != null) {
                plots.getSelectionModel().select(b);
            }
        });
        view.text("plot", shownPlot, TeachingPlot::key, TeachingPlot::parse).flag("log_scale", logScale.selectedProperty())
                .text("parameters_of", editing.valueProperty(), s -> s, s -> editing.getItems().contains(s) ? s : null);
        for (CheckBox c : lossChoices) {
            view.flag("curve_" + c.getText(), c.selectedProperty());
        }
    }

    private VBox side() {
        logScale.setId("log-scale");
        logScale.setTooltip(new Tooltip("Show the losses on a logarithmic axis (small values become visible)"));
        logScale.selectedProperty().addListener(o -> redraw());
        FlowPane choices = new FlowPane(6, 4);
        choices.setPrefWrapLength(300);
        // every differentiable segmentation loss of the registry can be drawn; its entry says which start ticked
        for (var spec : LossRegistry.of(Domains.SEGMENTATION).stream().filter(s -> s.differentiable()).toList()) {
            String name = spec.name();
            CheckBox c = new CheckBox(name);
            c.setMnemonicParsing(false);
            c.setId("plot-loss-" + name);
            c.setSelected(spec.plottedByDefault());
            c.selectedProperty().addListener(o -> refresh());
            lossChoices.add(c);
            choices.getChildren().add(c);
        }
        editing.setId("plot-edit-loss");
        editing.setItems(FXCollections.observableArrayList(
                LossRegistry.of(Domains.SEGMENTATION).stream().map(s -> s.name()).toList()));
        editing.setOnAction(e -> params.show(LossRegistry.get(editing.getValue()), doc.params(editing.getValue())));
        // the editor opens on the focusing loss, whose gamma most plots are about
        String focusing = LossRegistry.first(Role.FOCUSING, Domains.SEGMENTATION).name();
        editing.setValue(focusing);
        params.show(LossRegistry.get(focusing), doc.params(focusing));
        Button png = new Button("PNG…");
        Button svg = new Button("SVG…");
        Button csv = new Button("CSV…");
        png.setId("export-png");
        svg.setId("export-svg");
        csv.setId("export-csv");
        png.setOnAction(e -> choose("PNG image", "*.png").ifPresent(this::exportPng));
        svg.setOnAction(e -> choose("SVG drawing", "*.svg").ifPresent(this::exportSvg));
        csv.setOnAction(e -> choose("CSV data", "*.csv").ifPresent(this::exportCsv));
        VBox.setVgrow(params, Priority.ALWAYS);
        spacing.setId("plot-volume-spacing");
        spacing.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(TeachingPlot p) {
                return p == TeachingPlot.VOLUME_VOXELS ? "voxels (1 x 1 x 1, spacing ignored)" : "millimetres (the header's spacing)";
            }

            @Override
            public TeachingPlot fromString(String text) {
                return null;
            }
        });
        spacing.setOnAction(e -> {
            if (spacing.getValue() != null && spacing.getValue() != plots.getSelectionModel().getSelectedItem()) {
                plots.getSelectionModel().select(spacing.getValue());
            }
        });
        Label spacingLabel = new Label("Volume spacing");
        spacingLabel.visibleProperty().bind(spacing.visibleProperty());
        spacingLabel.managedProperty().bind(spacing.visibleProperty());
        spacing.managedProperty().bind(spacing.visibleProperty());
        // the volume plots draw no loss: their losses and parameters would be controls that change nothing
        VBox lossControls = new VBox(6, new Label("Losses on the curves"), choices, logScale, new Separator(),
                new Label("Parameters of"), editing, params);
        lossControls.visibleProperty().bind(spacing.visibleProperty().not());
        lossControls.managedProperty().bind(lossControls.visibleProperty());
        VBox.setVgrow(lossControls, Priority.ALWAYS);
        VBox box = new VBox(6, spacingLabel, spacing, lossControls, new Separator(), new Label("Export this plot"),
                new FlowPane(6, 4, png, svg, csv));
        box.setPadding(new Insets(8));
        box.setPrefWidth(320);
        return box;
    }

    /** The spacing choice appears with the volume plots only, set to the one shown. */
    private void showSpacing(TeachingPlot shown) {
        boolean volume = shown != null && shown.isVolume();
        spacing.setVisible(volume);
        if (volume) {
            spacing.setValue(shown);
        }
    }

    private Optional<Path> choose(String description, String pattern) {
        FileChooser c = new FileChooser();
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        var f = c.showSaveDialog(getScene().getWindow());
        return Optional.ofNullable(f).map(File::toPath);
    }

    public List<String> selectedLosses() {
        return lossChoices.stream().filter(CheckBox::isSelected).map(CheckBox::getText).toList();
    }

    private final BoxDocument boxes;

    /** The detection workspace's first pair (the one the box plots move), or null when it has none. */
    private BoxPairs firstPair() {
        BoxPairs all = boxes.pairs();
        return all.count() == 0 ? null : all;
    }

    /** Whether this workspace is in a shown window with every ancestor visible (a hidden tab's content is not). */
    private boolean onScreen() {
        if (getScene() == null || getScene().getWindow() == null || !getScene().getWindow().isShowing()) {
            return false;
        }
        for (Node n = this; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Recomputes the chosen plot's data in the background (once the workspace has been shown: not at start). */
    public void refresh() {
        TeachingPlot plot = plots.getSelectionModel().getSelectedItem();
        if (plot == null || getScene() == null) {
            return;
        }
        var scene = doc.data().copy();
        var parameters = Map.copyOf(doc.params());
        BoxPairs pairs = boxes == null ? null : firstPair();
        List<String> selected = selectedLosses();
        int request = ++requests;
        computing.setVisible(true); // the window stays usable; the newest request wins
        worker.submit(() -> {
            try {
                PlotData data = PlotSources.compute(plot, scene, pairs, selected, parameters);
                Platform.runLater(() -> show(data, request));
            } catch (EngineException e) {
                Platform.runLater(() -> {
                    computing.setVisible(false);
                    readout.setText(plot.title() + ": " + e.getMessage());
                });
            }
        });
    }

    private void show(PlotData data, int request) {
        if (request < drawn.get()) {
            return;
        }
        current = data;
        computing.setVisible(request < requests);
        caption.setText(data.caption() + (data.notes().isEmpty() ? "" : " Note: " + String.join("; ", data.notes()) + "."));
        redraw();
        drawn.set(request);
    }

    private void redraw() {
        if (current == null) {
            return;
        }
        charts.getChildren().clear();
        for (JFreeChart chart : Charts.of(current, logScale.isSelected())) {
            ChartViewer viewer = new ChartViewer(chart);
            viewer.setPrefSize(760, 560.0 / current.panels().size());
            VBox.setVgrow(viewer, Priority.ALWAYS);
            viewer.addChartMouseListener(new ChartMouseListenerFX() {
                @Override
                public void chartMouseClicked(ChartMouseEventFX event) {
                    double[] at = dataPoint(viewer, event);
                    if (at != null && current != null && current.plot() == TeachingPlot.TVERSKY_GRID) {
                        chooseTversky(at[0], at[1]);
                    }
                }

                @Override
                public void chartMouseMoved(ChartMouseEventFX event) {
                    readOut(viewer, event);
                }
            });
            charts.getChildren().add(viewer);
        }
    }

    /** The crosshair read-out: the data coordinates under the mouse. */
    private void readOut(ChartViewer viewer, ChartMouseEventFX event) {
        double[] at = dataPoint(viewer, event);
        if (at == null) {
            return;
        }
        XYPlot plot = (XYPlot) event.getChart().getPlot();
        plot.setDomainCrosshairValue(at[0]);
        plot.setRangeCrosshairValue(at[1]);
        readout.setText(String.format(Locale.ROOT, "x = %.4g   y = %.4g", at[0], at[1])
                + (current != null && current.plot() == TeachingPlot.TVERSKY_GRID ? "   (click: use this alpha and beta)" : ""));
    }

    /** The data coordinates under the mouse, or null off an XY plot. */
    private static double[] dataPoint(ChartViewer viewer, ChartMouseEventFX event) {
        if (!(event.getChart().getPlot() instanceof XYPlot plot) || viewer.getRenderingInfo() == null) {
            return null;
        }
        var area = viewer.getRenderingInfo().getPlotInfo().getDataArea();
        return new double[] {plot.getDomainAxis().java2DToValue(event.getTrigger().getX(), area, plot.getDomainAxisEdge()),
            plot.getRangeAxis().java2DToValue(event.getTrigger().getY(), area, plot.getRangeAxisEdge())};
    }

    /** Sets Tversky's alpha and beta (two decimals, within [0, 1]) from a point of its grid: the ring moves there. */
    public void chooseTversky(double alpha, double beta) {
        String name = LossRegistry.first(Role.FALSE_POSITIVE_NEGATIVE_WEIGHTS, Domains.SEGMENTATION).name();
        var specs = LossRegistry.get(name).params();
        double a = Math.round(Math.max(0, Math.min(1, alpha)) * 100) / 100.0;
        double b = Math.round(Math.max(0, Math.min(1, beta)) * 100) / 100.0;
        doc.setParams(name, doc.params(name).with(name, specs, "alpha", a).with(name, specs, "beta", b));
    }

    public void selectPlot(TeachingPlot plot) {
        plots.getSelectionModel().select(plot);
    }

    /** The plot chosen in the list. */
    public TeachingPlot currentPlot() {
        return shownPlot.get();
    }

    public PlotData currentData() {
        return current;
    }

    /** The number of the last request whose data is drawn. */
    public ReadOnlyIntegerProperty drawnProperty() {
        return drawn.getReadOnlyProperty();
    }

    public int requests() {
        return requests;
    }

    public void exportPng(Path file) {
        try {
            Offscreen.writePng(PlotExport.image(current, logScale.isSelected(), 1000, 700), file);
            readout.setText("Wrote " + file.getFileName());
        } catch (IOException e) {
            readout.setText("Cannot write " + file.getFileName() + ": " + e.getMessage());
        }
    }

    public void exportSvg(Path file) {
        try {
            PlotExport.writeSvg(current, logScale.isSelected(), 1000, 700, file);
            readout.setText("Wrote " + file.getFileName());
        } catch (IOException e) {
            readout.setText("Cannot write " + file.getFileName() + ": " + e.getMessage());
        }
    }

    public void exportCsv(Path file) {
        try {
            AtomicFiles.write(file, PlotExport.csv(current));
            readout.setText("Wrote " + file.getFileName());
        } catch (IOException e) {
            readout.setText("Cannot write " + file.getFileName() + ": " + e.getMessage());
        }
    }

    @Override
    public String title() {
        return "Plots";
    }

    @Override
    public String key() {
        return "plots";
    }

    @Override
    public Node node() {
        return this;
    }

    /** The plots follow the segmentation scene: undo there. */
    @Override
    public void undo() {
        doc.undo();
    }

    @Override
    public void redo() {
        doc.redo();
    }

    @Override
    public Scene writeTo(Scene scene) {
        return view.writeTo(scene);
    }

    @Override
    public void restoreFrom(Scene scene) {
        view.restoreFrom(scene);
    }

    // the plots hold no data of their own (never dirty): the scene's changes are the segmentation workspace's

    /** The plots' settings and what of them is saved (see {@link ViewSettings#baseline()}). */
    private record State(ObjectNode view, ObjectNode viewBaseline) {
    }

    @Override
    public Object saveState() {
        return new State(view.toJson(), view.baseline());
    }

    @Override
    public void restoreState(Object state) {
        State s = (State) state;
        view.apply(s.view());
        view.restoreBaseline(s.viewBaseline());
    }

    @Override
    public void markSaved() {
        view.markSaved();
    }

    @Override
    public void openedFrom(Scene opened) {
        view.takeBaselineFrom(opened);
    }

    @Override
    public ObservableStringValue status() {
        return readout.textProperty();
    }

    @Override
    public void shown() {
        refresh();
    }

    @Override
    public void close() {
        worker.close();
    }
}
