package org.losslab.app.train;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.losslab.app.render.ColorMaps;
import org.losslab.engine.EngineException;
import org.losslab.engine.train.LossLandscape;
import org.losslab.engine.train.TrainingSession;

/**
 * One loss's landscape over (w, b) of the one-feature pixel model, viridis from its lowest (dark) to its
 * highest value (yellow), with the optimiser's path to the shown step in white and its end as a dot.
 */
final class LandscapeView extends VBox {
    private static final int GRID = 31;
    private final ComboBox<String> loss = new ComboBox<>();
    private final Canvas canvas = new Canvas(380, 380);
    private final Label caption = new Label();
    private TrainingSession session;
    private int step;
    private LossLandscape shown;

    LandscapeView() {
        super(6);
        setPadding(new Insets(6));
        setId("train-landscape");
        loss.setOnAction(e -> redraw());
        caption.setWrapText(true);
        caption.setMaxWidth(canvas.getWidth());
        getChildren().addAll(new HBox(6, new Label("Landscape of"), loss), canvas, caption);
    }

    /** Shows a session's step (recomputing the landscape around the path so far). */
    void show(TrainingSession s, int k) {
        if (s != session) {
            session = s;
            loss.getItems().setAll(s == null ? List.of() : s.contestants().stream().map(TrainingSession.Contestant::label).toList());
            if (!loss.getItems().isEmpty()) {
                loss.getSelectionModel().select(0);
            }
        }
        step = k;
        redraw();
    }

    LossLandscape shownLandscape() {
        return shown;
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#1e1e1e"));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        int l = loss.getSelectionModel().getSelectedIndex();
        if (session == null || l < 0) {
            return;
        }
        try {
            shown = LossLandscape.of(session, l, step, GRID);
        } catch (EngineException e) {
            shown = null;
            caption.setText(e.getMessage());
            return;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : shown.values()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        WritableImage image = new WritableImage(GRID, GRID);
        PixelWriter writer = image.getPixelWriter();
        int[] palette = ColorMaps.VIRIDIS;
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                double v = shown.values()[r * GRID + c];
                int index = max > min ? (int) Math.round((v - min) / (max - min) * (palette.length - 1)) : 0;
                // b grows upwards
                writer.setArgb(c, GRID - 1 - r, palette[index]);
            }
        }
        double side = canvas.getWidth();
        g.setImageSmoothing(true);
        g.drawImage(image, 0, 0, side, side);
        double[] w = shown.w();
        double[] b = shown.b();
        List<double[]> path = session.path(l, step);
        g.setStroke(Color.WHITE);
        g.setLineWidth(1.5);
        for (int k = 1; k < path.size(); k++) {
            g.strokeLine(x(path.get(k - 1)[0], w, side), y(path.get(k - 1)[1], b, side), x(path.get(k)[0], w, side),
                    y(path.get(k)[1], b, side));
        }
        double[] end = path.get(path.size() - 1);
        g.setFill(Color.WHITE);
        g.fillOval(x(end[0], w, side) - 4, y(end[1], b, side) - 4, 8, 8);
        caption.setText(String.format(Locale.ROOT, "w from %.2f to %.2f (right), b from %.2f to %.2f (up); loss %.4g (dark) "
                + "to %.4g (yellow); white: the optimiser's path to step %d, now at w %.3f, b %.3f", w[0], w[w.length - 1], b[0],
                b[b.length - 1], min, max, step, end[0], end[1]));
    }

    private static double x(double value, double[] w, double side) {
        return (value - w[0]) / (w[w.length - 1] - w[0]) * side;
    }

    private static double y(double value, double[] b, double side) {
        return side - (value - b[0]) / (b[b.length - 1] - b[0]) * side;
    }
}
