package org.losslab.app.seg;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.losslab.engine.Domains;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/**
 * The segmentation workspace's state: the scene (edited in place), the parameters of every loss, and
 * the undo history. Every change goes through here and bumps {@link #revisionProperty()}, with the box
 * it touched, so that views and the background computation know what to redo.
 */
public final class SegDocument {
    /** At least the 100 steps users expect. */
    public static final int UNDO_LIMIT = 200;

    private final ObjectProperty<SegmentationData> data = new SimpleObjectProperty<>(this, "data");
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private final BooleanProperty dirty = new SimpleBooleanProperty(this, "dirty");
    private final Map<String, Params> params = new LinkedHashMap<>();
    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();
    private int[] lastBox;
    private String preset = "";
    private final javafx.collections.ObservableList<String> classNames = javafx.collections.FXCollections.observableArrayList();

    public SegDocument(SegmentationData initial) {
        this(initial, "");
    }

    /** A document opening on a scene, with the key of the preset it came from ("" for none). */
    public SegDocument(SegmentationData initial, String presetKey) {
        for (LossSpec<SegmentationData> spec : LossRegistry.of(Domains.SEGMENTATION)) {
            params.put(spec.name(), spec.defaults());
        }
        replace(initial, presetKey);
        dirty.set(false);
    }

    public ObjectProperty<SegmentationData> dataProperty() {
        return data;
    }

    public SegmentationData data() {
        return data.get();
    }

    /** Incremented after every change; {@link #lastBox()} tells where (null: everywhere). */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public int[] lastBox() {
        return lastBox;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public String preset() {
        return preset;
    }

    /** A new scene (preset, file, new canvas): the history is kept, as a new-scene step. */
    public void replace(SegmentationData scene, String presetKey) {
        SegmentationData old = data.get();
        String oldPreset = preset;
        preset = presetKey; // before the data, so that listeners of the data see the new preset
        data.set(scene);
        if (old != null) {
            undo.push(new SceneSwap(old, oldPreset, scene, presetKey));
            trim();
            redo.clear();
        }
        changed(null);
    }

    /** The names of the classes (multiclass) or labels (multilabel), index by index. */
    public javafx.collections.ObservableList<String> classNames() {
        return classNames;
    }

    /** The name of class k, or a default one. */
    public String className(int k) {
        if (k < classNames.size() && !classNames.get(k).isBlank()) {
            return classNames.get(k);
        }
        return k == 0 && data.get() != null && data.get().mode() == SegMode.MULTICLASS ? "background" : "class " + k;
    }

    public void renameClass(int k, String name) {
        while (classNames.size() <= k) {
            classNames.add("");
        }
        classNames.set(k, name);
        dirty.set(true);
    }

    public Map<String, Params> params() {
        return params;
    }

    public Params params(String loss) {
        return params.get(loss);
    }

    public void setParams(String loss, Params value) {
        params.put(loss, value);
        dirty.set(true);
        changed(null);
    }

    /** Tells the views that the arrays changed inside a box during a stroke (recorded at its end). */
    void changedLive(int[] box) {
        changed(box);
    }

    /** Records a stroke whose changes are already applied and shown. */
    void commit(Edit edit) {
        if (edit.indices.length == 0) {
            return;
        }
        undo.push(edit);
        trim();
        redo.clear();
        dirty.set(true);
    }

    /** Replaces the whole prediction (a map operation) as one undoable step. */
    public void setPrediction(String label, double[] logits) {
        double[] x = data.get().prediction();
        int[] all = new int[x.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        Edit edit = new Edit(label, false, all, x.clone(), logits.clone(), null);
        System.arraycopy(logits, 0, x, 0, x.length);
        undo.push(edit);
        trim();
        redo.clear();
        changed(null);
    }

    private void trim() {
        while (undo.size() > UNDO_LIMIT) {
            undo.removeLast();
        }
    }

    public void undo() {
        if (!undo.isEmpty()) {
            Edit e = undo.pop();
            apply(e, true);
            redo.push(e);
        }
    }

    public void redo() {
        if (!redo.isEmpty()) {
            Edit e = redo.pop();
            apply(e, false);
            undo.push(e);
        }
    }

    private void apply(Edit e, boolean backwards) {
        if (e instanceof SceneSwap swap) {
            preset = backwards ? swap.previousPreset : swap.nextPreset;
            data.set(backwards ? swap.previous : swap.next);
            changed(null);
            return;
        }
        SegmentationData d = data.get();
        double[] values = backwards ? e.before : e.after;
        for (int k = 0; k < e.indices.length; k++) {
            if (e.ofTarget) {
                d.target()[e.indices[k]] = (int) values[k];
            } else {
                d.prediction()[e.indices[k]] = values[k];
            }
        }
        changed(e.box);
    }

    private void changed(int[] box) {
        lastBox = box;
        dirty.set(true);
        revision.set(revision.get() + 1);
    }

    public void markSaved() {
        dirty.set(false);
    }

    /** A step that swapped the whole scene. */
    private static final class SceneSwap extends Edit {
        final SegmentationData previous;
        final String previousPreset;
        final SegmentationData next;
        final String nextPreset;

        SceneSwap(SegmentationData previous, String previousPreset, SegmentationData next, String nextPreset) {
            super("new scene", false, new int[] {0}, new double[0], new double[0], null);
            this.previous = previous;
            this.previousPreset = previousPreset;
            this.next = next;
            this.nextPreset = nextPreset;
        }
    }
}
