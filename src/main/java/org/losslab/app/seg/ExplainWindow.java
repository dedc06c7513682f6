package org.losslab.app.seg;

import java.awt.Color;
import java.util.Locale;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.WaterfallBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.losslab.app.core.LatestWins;
import org.losslab.app.render.ColorBar;
import org.losslab.app.render.MapImage;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.LossSpec.Role;
import org.losslab.engine.Params;
import org.losslab.engine.explain.Explanations;
import org.losslab.engine.explanation.Explanation;
import org.losslab.engine.explanation.Term;
import org.losslab.engine.maps.MapKind;
import org.losslab.engine.seg.SegmentationData;

/**
 * "Explain this number": the selected table entry taken apart by the engine, following the scene and the
 * parameters. A waterfall of the summands up to the table's value, every line of the computation with its
 * numbers, and for a line that sums pixels (a soft count, the loss of the false positives) each pixel's share
 * as a map with its colour bar.
 */
public final class ExplainWindow {
    private final SegDocument doc;
    private final ObservableValue<String> selected;
    private final LatestWins worker = new LatestWins("losslab-explain");
    private final Stage stage = new Stage();
    private final Label heading = new Label();
    private final Label note = new Label();
    private final TableView<Term> lines = new TableView<>();
    private final DefaultCategoryDataset bars = new DefaultCategoryDataset();
    private final ImageView pixels = new ImageView();
    private final ColorBar pixelBar = new ColorBar();
    private Explanation shown;
    private SegmentationData shownScene;
    private int requests;

    ExplainWindow(Window owner, SegDocument doc, ObservableValue<String> selected) {
        this.doc = doc;
        this.selected = selected;
        stage.initOwner(owner);
        stage.setTitle("Explain this number");
        heading.setId("explain-heading");
        heading.setStyle("-fx-font-size: 15px; -fx-font-weight: bold;");
        heading.setWrapText(true);
        note.setId("explain-note");
        note.setWrapText(true);
        note.setMaxWidth(640);
        note.setMinHeight(Region.USE_PREF_SIZE);
        lines.setId("explain-lines");
        lines.getColumns().add(column("line", Term::label, 190));
        lines.getColumns().add(column("how", Term::formula, 420));
        lines.getColumns().add(column("value", t -> ColorBar.format(t.value()), 90));
        lines.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        lines.getSelectionModel().selectedItemProperty().addListener((o, a, term) -> showPixels(term));
        pixels.setId("explain-pixels");
        pixels.setSmooth(false);
        pixels.setPreserveRatio(true);
        pixels.setFitWidth(300);
        pixels.setFitHeight(300);
        ChartViewer chart = new ChartViewer(waterfall());
        chart.setPrefSize(520, 260);
        VBox pixelSide = new VBox(6, new Label("Pixels of the selected line"), pixels, pixelBar);
        pixelSide.setPrefWidth(390);
        VBox left = new VBox(6, chart, note, lines);
        VBox.setVgrow(lines, Priority.ALWAYS);
        HBox body = new HBox(10, left, pixelSide);
        HBox.setHgrow(left, Priority.ALWAYS);
        BorderPane root = new BorderPane(body);
        root.setTop(heading);
        BorderPane.setMargin(heading, new Insets(0, 0, 8, 0));
        root.setPadding(new Insets(10));
        stage.setScene(new Scene(root, 1120, 660));
        doc.revisionProperty().addListener(o -> refresh());
        selected.addListener(o -> refresh());
        stage.setOnHidden(e -> requests++);
    }

    private static TableColumn<Term, String> column(String title, Function<Term, String> text, double width) {
        TableColumn<Term, String> c = new TableColumn<>(title);
        c.setCellValueFactory(v -> new SimpleStringProperty(text.apply(v.getValue())));
        c.setPrefWidth(width);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new Tooltip(item));
            }
        });
        return c;
    }

    private JFreeChart waterfall() {
        CategoryAxis categories = new CategoryAxis();
        categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        Color part = new Color(91, 139, 217);
        WaterfallBarRenderer renderer = new WaterfallBarRenderer(part, part, new Color(200, 80, 60),
                new Color(60, 60, 60));
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        CategoryPlot plot = new CategoryPlot(bars, categories, new NumberAxis("contribution to the value"), renderer);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    void show() {
        if (!stage.isShowing() && stage.getOwner() != null) {
            // below the owner's menu bar and towards its right: the menus and the tools stay reachable
            Window owner = stage.getOwner();
            stage.setX(owner.getX() + Math.max(0, owner.getWidth() - stage.getScene().getWidth()));
            stage.setY(owner.getY() + 90);
        }
        stage.show();
        stage.toFront();
        refresh();
    }

    public boolean showing() {
        return stage.isShowing();
    }

    /** Explains the selected entry (the first of the live panel's when none is selected) on the current scene, in the background. */
    void refresh() {
        if (!stage.isShowing()) {
            return;
        }
        String name = selected.getValue() == null ? LossRegistry.first(Role.LIVE, Domains.SEGMENTATION).name()
                : selected.getValue();
        @SuppressWarnings("unchecked")
        LossSpec<SegmentationData> spec = (LossSpec<SegmentationData>) LossRegistry.get(name);
        SegmentationData scene = doc.data().copy();
        Params params = doc.params(name);
        int request = ++requests;
        worker.submit(() -> {
            Explanation e;
            String failure = null;
            try {
                e = Explanations.available(spec) ? Explanations.of(spec, scene, params) : null;
                if (e == null) {
                    failure = name + " has no breakdown yet: it is neither an overlap loss (Dice, Jaccard, Tversky) nor computed "
                            + "pixel by pixel (cross-entropy, focal). Select one of those in the table.";
                }
            } catch (EngineException ex) {
                e = null;
                failure = name + ": " + ex.getMessage();
            }
            Explanation result = e;
            String why = failure;
            Platform.runLater(() -> {
                if (request == requests) {
                    display(name, result, why, scene);
                }
            });
        });
    }

    private void display(String name, Explanation e, String failure, SegmentationData scene) {
        String previous = lines.getSelectionModel().getSelectedItem() == null ? null
                : lines.getSelectionModel().getSelectedItem().label();
        shown = e;
        shownScene = scene;
        bars.clear();
        if (e == null) {
            heading.setText(failure);
            note.setText("");
            lines.setItems(FXCollections.observableArrayList());
            showPixels(null);
            return;
        }
        heading.setText(String.format(Locale.ROOT, "%s = %s: how the table's number is made", name, ColorBar.format(e.value())));
        note.setText(e.note());
        for (Term t : e.summands()) {
            bars.addValue(t.value(), "value", shortLabel(t.label()));
        }
        double total = e.summands().stream().mapToDouble(Term::value).sum();
        bars.addValue(total, "value", "= " + ColorBar.format(total)); // the renderer draws the last column as the total
        lines.setItems(FXCollections.observableArrayList(e.terms()));
        Term again = e.terms().stream().filter(t -> t.label().equals(previous)).findFirst()
                .orElse(e.summands().stream().filter(t -> t.pixels() != null).findFirst()
                        .orElse(e.terms().stream().filter(t -> t.pixels() != null).findFirst().orElse(null)));
        if (again != null) {
            lines.getSelectionModel().select(again);
        }
        showPixels(lines.getSelectionModel().getSelectedItem());
    }

    /** "weighted loss, class 2" -> "class 2"; "FP pixels (background ...)" -> "FP pixels". */
    private static String shortLabel(String label) {
        String s = label.startsWith("weighted loss, ") ? label.substring("weighted loss, ".length()) : label;
        int bracket = s.indexOf(" (");
        return bracket > 0 ? s.substring(0, bracket) : s;
    }

    private void showPixels(Term term) {
        if (term == null || term.pixels() == null || shownScene == null) {
            pixels.setImage(null);
            pixelBar.show(null);
            return;
        }
        int w = shownScene.width();
        int h = shownScene.height();
        MapImage image = MapImage.of(MapKind.CROSS_ENTROPY, w, h, term.pixels(), 0);
        WritableImage picture = new WritableImage(w, h);
        picture.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), image.argb(), 0, w);
        pixels.setImage(picture);
        pixelBar.show(image, "each pixel's part of '" + shortLabel(term.label()) + "' (sum " + ColorBar.format(term.value()) + ")");
    }

    /** What is shown (for tests): the explanation, or null with the reason in the heading. */
    public Explanation explanation() {
        return shown;
    }

    public TableView<Term> lines() {
        return lines;
    }

    public DefaultCategoryDataset bars() {
        return bars;
    }

    public ColorBar pixelBar() {
        return pixelBar;
    }

    public Label heading() {
        return heading;
    }

    void close() {
        worker.close();
        if (Platform.isFxApplicationThread()) {
            stage.hide();
        } else {
            Platform.runLater(stage::hide); // the window is closed from tests' threads too
        }
    }
}
