package org.losslab.app.detect;

import java.util.List;
import java.util.Locale;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.losslab.engine.EngineException;
import org.losslab.engine.detect.Tide;

/** Where the box canvas puts the predictions' label chips (score and TIDE verdict) so that no two overlap. */
final class LabelChips {
    static final Font FONT = Font.font(12);
    private static final double HEIGHT = 15;

    private LabelChips() {
    }

    /** Each prediction's label: its score and TIDE's verdict. */
    static String[] labels(BoxDocument doc) {
        List<DetBox> predictions = doc.predictions();
        Tide.Error[] verdicts = tideVerdicts(doc, predictions.size());
        String[] out = new String[predictions.size()];
        for (int i = 0; i < out.length; i++) {
            String verdict = verdicts == null ? "" : verdicts[i] == null ? "  TP" : "  " + verdicts[i].shortName;
            out[i] = String.format(Locale.ROOT, "%.2f", predictions.get(i).score()) + verdict;
        }
        return out;
    }

    /** TIDE's error type of each prediction (null: a true positive), or null when the boxes cannot be scored. */
    private static Tide.Error[] tideVerdicts(BoxDocument doc, int count) {
        try {
            Tide.Error[] errors = Tide.of(doc.detections()).errors();
            return errors.length == count ? errors : null;
        } catch (EngineException e) {
            return null;
        }
    }

    /**
     * Where each prediction's label chip goes, {x, y, width, height}: above the box's top-left corner, or, when
     * that would cover a chip placed before it (two boxes with close corners), inside the box under its top
     * edge, then under the box, then lower and lower until it covers none.
     */
    static double[][] place(List<DetBox> predictions, String[] labels, double s) {
        double[][] out = new double[predictions.size()][];
        Text measure = new Text();
        measure.setFont(FONT);
        for (int i = 0; i < out.length; i++) {
            DetBox p = predictions.get(i);
            measure.setText(labels[i]);
            double width = Math.ceil(measure.getLayoutBounds().getWidth()) + 4;
            double x = p.x1() * s + 1;
            double[] candidates = {p.y1() * s - HEIGHT - 2, p.y1() * s + 2, p.y2() * s + 2};
            double[] chip = null;
            for (int k = 0; chip == null; k++) {
                double y = k < candidates.length ? candidates[k] : candidates[2] + (k - 2) * (HEIGHT + 1);
                double[] tried = {x, y, width, HEIGHT};
                if (!overlapsAny(tried, out, i) || k > 40) {
                    chip = tried;
                }
            }
            out[i] = chip;
        }
        return out;
    }

    private static boolean overlapsAny(double[] chip, double[][] placed, int count) {
        for (int j = 0; j < count; j++) {
            double[] o = placed[j];
            if (chip[0] < o[0] + o[2] && o[0] < chip[0] + chip[2] && chip[1] < o[1] + o[3] && o[1] < chip[1] + chip[3]) {
                return true;
            }
        }
        return false;
    }

}
