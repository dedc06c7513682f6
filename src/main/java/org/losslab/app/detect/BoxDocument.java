package org.losslab.app.detect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.losslab.engine.box.Box;
import org.losslab.engine.box.BoxPairs;
import org.losslab.engine.detect.DetectionsData;

/**
 * The detection workspace's boxes: ground truth and predictions, the selection, and undo by
 * snapshots (box lists are small). Every change bumps {@link #revisionProperty()}.
 */
public final class BoxDocument {
    /** A snapshot of both lists. */
    record State(List<DetBox> truths, List<DetBox> predictions) {
    }

    public static final double FIELD = 256;

    private List<DetBox> truths = new ArrayList<>();
    private List<DetBox> predictions = new ArrayList<>();
    private final Deque<State> undo = new ArrayDeque<>();
    private final Deque<State> redo = new ArrayDeque<>();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private final BooleanProperty dirty = new SimpleBooleanProperty(this, "dirty");
    /** Pairs the user chose: prediction index to truth index (others pair by IoU). */
    private final Map<Integer, Integer> chosen = new HashMap<>();

    /**
     * Opens on a small scene that shows every case at once: two good detections, a duplicate, a false
     * alarm ranked high, and a partial detection that is a hit only at low IoU thresholds.
     */
    public BoxDocument() {
        truths.add(new DetBox(40, 40, 100, 110, 1, 1));
        truths.add(new DetBox(150, 60, 220, 120, 1, 1));
        truths.add(new DetBox(110, 160, 190, 230, 1, 1));
        predictions.add(new DetBox(50, 50, 105, 115, 1, 0.9));
        predictions.add(new DetBox(140, 70, 215, 130, 1, 0.8));
        predictions.add(new DetBox(45, 45, 100, 105, 1, 0.6));
        predictions.add(new DetBox(10, 170, 60, 220, 1, 0.7));
        predictions.add(new DetBox(120, 170, 170, 215, 1, 0.5));
    }

    /** Which block of the scene file the boxes were read from: the one a save writes back. */
    public enum Source {
        /** Drawn here (the built-in example or a new scene): saved as both blocks. */
        NEW,
        /** The scene's {@code boxes} pairs. */
        PAIRS,
        /** The scene's {@code detections}: the file's {@code boxes} pairs, if any, are other data and stay as they are. */
        DETECTIONS
    }

    private Source source = Source.NEW;

    public Source source() {
        return source;
    }

    public void setSource(Source source) {
        this.source = source;
    }

    public List<DetBox> truths() {
        return List.copyOf(truths);
    }

    public List<DetBox> predictions() {
        return List.copyOf(predictions);
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** Remembers the current state before an edit (one drag = one call). */
    public void checkpoint() {
        undo.push(new State(List.copyOf(truths), List.copyOf(predictions)));
        while (undo.size() > 200) {
            undo.removeLast();
        }
        redo.clear();
    }

    /** Replaces a box while dragging (no checkpoint). */
    public void set(boolean truth, int index, DetBox box) {
        (truth ? truths : predictions).set(index, box);
        bump();
    }

    public int add(boolean truth, DetBox box) {
        List<DetBox> list = truth ? truths : predictions;
        list.add(box);
        bump();
        return list.size() - 1;
    }

    public void remove(boolean truth, int index) {
        (truth ? truths : predictions).remove(index);
        chosen.clear(); // indices moved
        bump();
    }

    public void replaceAll(List<DetBox> newTruths, List<DetBox> newPredictions) {
        truths = new ArrayList<>(newTruths);
        predictions = new ArrayList<>(newPredictions);
        bump();
    }

    public boolean undo() {
        if (undo.isEmpty()) {
            return false;
        }
        redo.push(new State(List.copyOf(truths), List.copyOf(predictions)));
        State s = undo.pop();
        truths = new ArrayList<>(s.truths());
        predictions = new ArrayList<>(s.predictions());
        bump();
        return true;
    }

    public boolean redo() {
        if (redo.isEmpty()) {
            return false;
        }
        undo.push(new State(List.copyOf(truths), List.copyOf(predictions)));
        State s = redo.pop();
        truths = new ArrayList<>(s.truths());
        predictions = new ArrayList<>(s.predictions());
        bump();
        return true;
    }

    /** Everything the document holds, to be given back as a whole (see {@link #restore}). */
    public record Snapshot(List<DetBox> truths, List<DetBox> predictions, List<State> undo, List<State> redo,
                           Map<Integer, Integer> chosen, Source source, boolean dirty) {
    }

    public Snapshot snapshot() {
        return new Snapshot(List.copyOf(truths), List.copyOf(predictions), List.copyOf(undo), List.copyOf(redo),
                Map.copyOf(chosen), source, dirty.get());
    }

    public void restore(Snapshot s) {
        truths = new ArrayList<>(s.truths());
        predictions = new ArrayList<>(s.predictions());
        undo.clear();
        undo.addAll(s.undo());
        redo.clear();
        redo.addAll(s.redo());
        chosen.clear();
        chosen.putAll(s.chosen());
        source = s.source();
        bump();
        dirty.set(s.dirty());
    }

    private void bump() {
        revision.set(revision.get() + 1);
        dirty.set(true);
    }

    /** Whether the boxes changed since they were opened or saved. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty;
    }

    public void markSaved() {
        dirty.set(false);
    }

    /** Pairs a prediction with a truth of the user's choice (null: back to the best IoU). */
    public void choosePair(int prediction, Integer truth) {
        if (truth == null) {
            chosen.remove(prediction);
        } else {
            chosen.put(prediction, truth);
        }
        bump();
    }

    /**
     * The truth each prediction is paired with: the user's choice, else the one of highest IoU (first
     * on ties), or -1 when there is no truth.
     */
    public int[] pairing() {
        int[] out = new int[predictions.size()];
        for (int p = 0; p < out.length; p++) {
            Integer choice = chosen.get(p);
            if (choice != null && choice < truths.size()) {
                out[p] = choice;
                continue;
            }
            out[p] = -1;
            double best = -1;
            for (int t = 0; t < truths.size(); t++) {
                double iou = Box.iou(predictions.get(p).corners(), 0, truths.get(t).corners(), 0);
                if (iou > best) {
                    best = iou;
                    out[p] = t;
                }
            }
        }
        return out;
    }

    /** Prediction i with its paired truth, for the box losses. */
    public BoxPairs pair(int prediction) {
        int t = pairing()[prediction];
        return new BoxPairs(predictions.get(prediction).corners(), truths.get(t).corners());
    }

    /** All pairs, as a scene's boxes block. */
    public BoxPairs pairs() {
        int[] pairing = pairing();
        List<double[]> p = new ArrayList<>();
        List<double[]> t = new ArrayList<>();
        for (int i = 0; i < pairing.length; i++) {
            if (pairing[i] >= 0) {
                p.add(predictions.get(i).corners());
                t.add(truths.get(pairing[i]).corners());
            }
        }
        return new BoxPairs(flat(p), flat(t));
    }

    public DetectionsData detections() {
        double[] boxes = flat(predictions.stream().map(DetBox::corners).toList());
        double[] scores = predictions.stream().mapToDouble(DetBox::score).toArray();
        int[] labels = predictions.stream().mapToInt(DetBox::label).toArray();
        return new DetectionsData(boxes, scores, labels, flat(truths.stream().map(DetBox::corners).toList()),
                truths.stream().mapToInt(DetBox::label).toArray());
    }

    static double[] flat(List<double[]> boxes) {
        double[] out = new double[4 * boxes.size()];
        for (int i = 0; i < boxes.size(); i++) {
            System.arraycopy(boxes.get(i), 0, out, 4 * i, 4);
        }
        return out;
    }
}
