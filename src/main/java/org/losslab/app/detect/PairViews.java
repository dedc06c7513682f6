package org.losslab.app.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.losslab.engine.box.Box;
import org.losslab.engine.box.BoxPairs;
import org.losslab.engine.sweep.SweepResult;

/**
 * What the boxes tab shows of its pairs, computed off the JavaFX thread: one table row per paired prediction
 * (every registry box loss), the row of the selected box, the selected pair's geometry, masks and shrinking sweep.
 */
record PairViews(List<Map<String, Double>> rows, int selectedRow, String geometry, BoxMaskView.Prepared masks,
                 SweepResult shrink) {

    /**
     * @param pairing  each prediction's ground truth (-1: none)
     * @param pairs    each prediction's pair (null where unpaired)
     * @param selected the selected prediction
     */
    static PairViews compute(int[] pairing, BoxPairs[] pairs, int selected) {
        List<Map<String, Double>> rows = new ArrayList<>();
        int selectedRow = -1;
        for (int i = 0; i < pairing.length; i++) {
            if (pairs[i] != null) {
                Map<String, Double> row = new LinkedHashMap<>(PairValues.of(pairs[i]));
                row.put(BoxesTab.PREDICTION, (double) i);
                row.put(BoxesTab.TRUTH, (double) pairing[i]);
                selectedRow = i == selected ? rows.size() : selectedRow;
                rows.add(row);
            }
        }
        BoxPairs pair = selected < pairs.length ? pairs[selected] : null;
        return new PairViews(rows, selectedRow, pair == null ? "" : geometry(pair), BoxMaskView.prepare(pair),
                ShrinkView.prepare(pair));
    }

    /** Nothing to show but why (a pair the engine refused). */
    static PairViews failed(RuntimeException e) {
        return new PairViews(List.of(), -1, "The pairs cannot be computed: " + e.getMessage(),
                BoxMaskView.prepare(null), null);
    }

    private static String geometry(BoxPairs p) {
        double v = Box.aspectTerm(p.predicted(), 0, p.target(), 0);
        double[] c = new double[4];
        Box.enclosing(p.predicted(), 0, p.target(), 0, c);
        return String.format(Locale.ROOT,
                "selected pair: intersection %.0f, enclosing box %.0f (GIoU), centre distance %.1f, enclosing diagonal "
                        + "%.1f (DIoU), aspect term v %.4f (CIoU)",
                Box.intersection(p.predicted(), 0, p.target(), 0), (c[2] - c[0]) * (c[3] - c[1]),
                Math.sqrt(Box.centreDistanceSquared(p.predicted(), 0, p.target(), 0)), Math.hypot(c[2] - c[0], c[3] - c[1]), v);
    }
}
