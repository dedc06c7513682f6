package org.losslab.app.detect;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.Arrays;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.losslab.engine.Domains;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec.Role;
import org.losslab.engine.box.BoxPairs;
import org.losslab.engine.sweep.BoxDistributions;

/**
 * The selected pair as YOLOv8's head sees it: from the predicted box's centre, each side a distribution over 16
 * bins (one stride each), the target edge marked, the two bins DFL looks at coloured, and each side's dfl_loss.
 */
final class BoxDistributionView extends VBox {
    private static final Color OTHER_BINS = new Color(150, 160, 175);
    private static final Color DFL_BINS = new Color(230, 120, 30);
    private final ComboBox<Integer> stride = new ComboBox<>(FXCollections.observableArrayList(8, 16, 32));
    private final Slider spread = new Slider(0.3, 4, 1.0);
    private final Label notes = new Label();
    private final XYSeriesCollection[] data = new XYSeriesCollection[4];
    private final XYPlot[] plots = new XYPlot[4];
    private final JFreeChart[] charts = new JFreeChart[4];
    private BoxPairs pair;
    private BoxDistributions shown;

    BoxDistributionView() {
        super(4);
        setId("box-distributions");
        stride.setValue(8);
        stride.setId("dfl-stride");
        stride.setTooltip(new Tooltip("Pixels per bin: YOLOv8's three heads use strides 8, 16 and 32"));
        spread.setId("dfl-spread");
        spread.setTooltip(new Tooltip("How spread each predicted distribution is around the predicted edge, in bins"));
        spread.setPrefWidth(140);
        stride.valueProperty().addListener(o -> show(pair));
        spread.valueProperty().addListener(o -> show(pair));
        notes.setWrapText(true);
        notes.setMaxWidth(600);
        notes.setId("dfl-notes");
        GridPane grid = new GridPane();
        for (int s = 0; s < 4; s++) {
            data[s] = new XYSeriesCollection();
            data[s].setIntervalWidth(0.8);
            int side = s;
            XYBarRenderer renderer = new XYBarRenderer() {
                @Override
                public Paint getItemPaint(int row, int column) {
                    if (shown == null) {
                        return OTHER_BINS;
                    }
                    int left = (int) Math.floor(shown.target()[side]);
                    return column == left || column == left + 1 ? DFL_BINS : OTHER_BINS;
                }
            };
            renderer.setBarPainter(new StandardXYBarPainter());
            renderer.setShadowVisible(false);
            NumberAxis bins = new NumberAxis("bin (" + BoxDistributions.SIDES[s] + " distance, strides)");
            bins.setRange(-0.6, BoxDistributions.BINS - 0.4);
            NumberAxis probability = new NumberAxis("p");
            probability.setRange(0, 1);
            plots[s] = new XYPlot(data[s], bins, probability, renderer);
            charts[s] = new JFreeChart(BoxDistributions.SIDES[s], new Font("SansSerif", Font.BOLD, 12),
                    plots[s], false);
            ChartViewer viewer = new ChartViewer(charts[s]);
            viewer.setPrefSize(300, 150);
            grid.add(viewer, s % 2, s / 2);
        }
        Label legend = new Label("Orange: the two bins around the target edge (red line), the only ones DFL reads; "
                + "dashed: the edge the distribution decodes to (its mean).");
        legend.setWrapText(true);
        legend.setMaxWidth(600);
        getChildren().addAll(new HBox(8, new Label("Stride"), stride, new Label("Spread"), spread), grid, legend, notes);
    }

    void show(BoxPairs selected) {
        pair = selected;
        if (selected == null) {
            shown = null;
            notes.setText("No pair selected.");
            for (XYSeriesCollection d : data) {
                d.removeAllSeries();
            }
            return;
        }
        shown = BoxDistributions.of(selected.predicted(), selected.target(), stride.getValue(), spread.getValue(),
                LossRegistry.first(Role.SIDE_DISTRIBUTIONS, Domains.DISTRIBUTIONS).defaults());
        for (int s = 0; s < 4; s++) {
            XYSeries bars = new XYSeries("p");
            for (int b = 0; b < BoxDistributions.BINS; b++) {
                bars.add(b, shown.bins()[s][b]);
            }
            data[s].removeAllSeries();
            data[s].addSeries(bars);
            plots[s].clearDomainMarkers();
            ValueMarker target = new ValueMarker(shown.target()[s], Color.RED, new BasicStroke(2f));
            ValueMarker mean = new ValueMarker(shown.expected()[s], Color.DARK_GRAY, new BasicStroke(1.5f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
            plots[s].addDomainMarker(target);
            plots[s].addDomainMarker(mean);
            charts[s].setTitle(String.format(Locale.ROOT, "%s: target %.2f, decoded %.2f, dfl %.4f", BoxDistributions.SIDES[s],
                    shown.target()[s], shown.expected()[s], shown.dfl()[s]));
        }
        double mean = Arrays.stream(shown.dfl()).average().orElse(Double.NaN);
        StringBuilder splits = new StringBuilder("The target edges split between their two bins (the weights DFL gives "
                + "their cross-entropies):");
        for (int s = 0; s < 4; s++) {
            double t = shown.target()[s];
            int left = (int) Math.floor(t);
            splits.append(String.format(Locale.ROOT, " %s %.2f = %.2f x bin %d + %.2f x bin %d;", BoxDistributions.SIDES[s], t,
                    left + 1 - t, left, t - left, left + 1));
        }
        notes.setText(String.format(Locale.ROOT, "dfl_loss of this box (YOLOv8 averages the 4 sides): %.4f. It is never 0: "
                + "at best it is the entropy of the split between the two orange bins. ", mean) + splits
                + (shown.notes().isEmpty() ? "" : " " + String.join(" ", shown.notes())));
    }

    /** What is shown (for tests). */
    BoxDistributions shown() {
        return shown;
    }

    String notesText() {
        return notes.getText();
    }

    String chartTitle(int side) {
        return charts[side].getTitle().getText();
    }
}
