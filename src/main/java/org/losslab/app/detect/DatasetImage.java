package org.losslab.app.detect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.losslab.engine.coco.CocoInstances;
import org.losslab.engine.coco.CocoTide;
import org.losslab.scene.CocoReport;

/**
 * One image of an evaluated dataset as the box canvas shows it: its objects and kept detections as the document's
 * boxes (labels the category indices, scores the detections'), scaled so the image's longer side fills the
 * canvas's field; its crowd regions hatched and the detections COCO ignores on them dotted, with the rule in a
 * legend line; the picture under them when the images folder holds it.
 */
final class DatasetImage implements CanvasOverlay {
    private final List<DetBox> truths;
    private final List<DetBox> predictions;
    private final List<DetBox> crowds = new ArrayList<>();
    private final List<DetBox> ignored = new ArrayList<>();
    private final Image picture;
    private final double width;
    private final double height;
    private final double scale;
    private final String title;

    DatasetImage(CocoReport report, int image, Path imagesFolder) {
        CocoTide.Image verdicts = report.tide().image(image);
        CocoInstances gts = report.data().groundTruth();
        CocoInstances dts = report.data().detections();
        double[] extent = extent(gts, verdicts.gtRows(), dts, verdicts.dtRows());
        String file = report.catalogue().fileName(image);
        Path path = imagesFolder == null || file == null ? null : imagesFolder.resolve(file);
        picture = path != null && Files.isRegularFile(path) ? new Image(path.toUri().toString()) : null;
        width = picture != null ? picture.getWidth() : extent[0];
        height = picture != null ? picture.getHeight() : extent[1];
        scale = BoxDocument.FIELD / Math.max(1, Math.max(width, height));
        truths = boxes(gts, verdicts.gtRows(), false);
        predictions = boxes(dts, verdicts.dtRows(), true);
        crowds.addAll(boxes(gts, verdicts.crowdRows(), false));
        ignored.addAll(boxes(dts, verdicts.ignoredRows(), true));
        title = String.format(Locale.ROOT, "image %d%s of %s", report.catalogue().imageId(image),
                file == null ? "" : " (" + file + ")", report.results().getFileName());
    }

    /** The image's size when its picture is not at hand: the boxes' extent. */
    private static double[] extent(CocoInstances gts, int[] gtRows, CocoInstances dts, int[] dtRows) {
        double w = 1;
        double h = 1;
        for (int pass = 0; pass < 2; pass++) {
            CocoInstances rows = pass == 0 ? gts : dts;
            for (int r : pass == 0 ? gtRows : dtRows) {
                double[] b = rows.boxes();
                w = Math.max(w, b[4 * r] + b[4 * r + 2]);
                h = Math.max(h, b[4 * r + 1] + b[4 * r + 3]);
            }
        }
        return new double[] {w, h};
    }

    private List<DetBox> boxes(CocoInstances rows, int[] which, boolean scored) {
        List<DetBox> out = new ArrayList<>();
        double[] b = rows.boxes();
        for (int r : which) {
            double x = b[4 * r] * scale;
            double y = b[4 * r + 1] * scale;
            out.add(new DetBox(x, y, x + b[4 * r + 2] * scale, y + b[4 * r + 3] * scale, rows.category(r),
                    scored ? rows.score(r) : 1));
        }
        return out;
    }

    List<DetBox> truths() {
        return truths;
    }

    List<DetBox> predictions() {
        return predictions;
    }

    List<DetBox> crowds() {
        return crowds;
    }

    List<DetBox> ignored() {
        return ignored;
    }

    boolean hasPicture() {
        return picture != null;
    }

    String title() {
        return title;
    }

    /** Field pixels per image pixel. */
    double scale() {
        return scale;
    }

    @Override
    public void under(GraphicsContext g, double s) {
        if (picture != null) {
            g.drawImage(picture, 0, 0, width * scale * s, height * scale * s);
        }
    }

    @Override
    public void over(GraphicsContext g, double s) {
        // the crowd regions over the boxes, in thin light lines: seen through any landscape heatmap
        g.setStroke(Color.rgb(230, 230, 230, 0.7));
        g.setLineWidth(1);
        g.setLineDashes();
        for (DetBox c : crowds) {
            double x1 = c.x1() * s;
            double y1 = c.y1() * s;
            double x2 = c.x2() * s;
            double y2 = c.y2() * s;
            g.save();
            g.beginPath();
            g.rect(x1, y1, x2 - x1, y2 - y1);
            g.clip();
            for (double d = -(y2 - y1); d < x2 - x1; d += 7) {
                g.strokeLine(x1 + d, y2, x1 + d + (y2 - y1), y1);
            }
            g.restore();
            g.setLineWidth(2);
            g.strokeRect(x1, y1, x2 - x1, y2 - y1);
            g.setLineWidth(1);
        }
        g.setStroke(Color.web("#f2f2f2"));
        g.setLineWidth(2);
        g.setLineDashes(2, 4);
        g.setFont(LabelChips.FONT);
        g.setFill(Color.web("#f2f2f2"));
        for (DetBox p : ignored) {
            g.strokeRect(p.x1() * s, p.y1() * s, p.width() * s, p.height() * s);
            g.fillText(String.format(Locale.ROOT, "%.2f ignored", p.score()), p.x1() * s + 2, p.y2() * s - 3);
        }
        g.setLineDashes();
        String legend = "hatched: crowd region; dotted grey: detection ignored on it (COCO: a detection on a crowd "
                + "of its class, IoU over its own area >= 0.5, is neither TP nor FP)";
        String header = title + String.format(Locale.ROOT, ", image pixels x%.2f", scale);
        g.setFont(Font.font(12));
        double bottom = BoxDocument.FIELD * s - 22;
        g.setFill(Color.rgb(20, 20, 20, 0.8));
        g.fillRect(0, bottom - 40, BoxDocument.FIELD * s, 40);
        g.setFill(Color.WHITE);
        g.fillText(header, 6, bottom - 25);
        g.fillText(legend, 6, bottom - 7, BoxDocument.FIELD * s - 12);
    }
}
