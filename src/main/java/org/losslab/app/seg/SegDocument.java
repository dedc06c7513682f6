package org.losslab.app.seg;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
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
    /**
     * The memory the history may hold. Strokes keep only the elements they touched, so 200 of them fit
     * easily even on a 1024 x 1024, 8-class scene; operations on the whole prediction keep one copy of
     * it (64 MB at that size), and past this budget the oldest steps are forgotten.
     */
    public static final long UNDO_BYTES = 512L << 20;

    private final ObjectProperty<SegmentationData> data = new SimpleObjectProperty<>(this, "data");
    /** The workers' copy of the scene (see {@link #snapshot()}), null when the arrays changed since it was taken. */
    private SegmentationData snapshot;
    /** The scene the snapshot is a copy of: another scene in place makes it stale. */
    private SegmentationData snapshotOf;
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private final BooleanProperty dirty = new SimpleBooleanProperty(this, "dirty");
    private final Map<String, Params> params = new LinkedHashMap<>();
    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();
    private int[] lastBox;
    private String preset = "";
    /** What changed since the scene was opened or saved: saving writes only these parts. */
    private boolean dataChanged;
    private boolean appChanged;
    private final Set<String> paramsChanged = new LinkedHashSet<>();
    private final ObservableList<String> classNames = FXCollections.observableArrayList();
    /** Where the scene shown comes from (a volume's slice), recorded with each step; null for a plain image. */
    private Supplier<Object> place = () -> null;
    /** Shows the place a step was recorded at before it is undone or redone there. */
    private Consumer<Object> goTo = p -> { };

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

    /**
     * The scene as it is now, in arrays nobody edits: the background workers (frame, table, read-outs) share this
     * one copy instead of each taking its own (four copies of a 4096 x 4096 scene did not fit in 2 GB). A new copy
     * is made only when asked for after the arrays changed (a stroke, an operation, another scene); changing a loss's
     * parameters keeps it.
     */
    public SegmentationData snapshot() {
        SegmentationData current = data.get();
        if (snapshot == null || snapshotOf != current) {
            snapshot = current.copy();
            snapshotOf = current;
        }
        return snapshot;
    }

    /**
     * A new scene read from a file, which its reader keeps as read (the window's scene as opened): the document edits
     * a copy and shares the one read as its {@link #snapshot()}, so that opening holds two copies of the scene, not three.
     */
    public void open(SegmentationData asRead, String presetKey) {
        replace(asRead.copy(), presetKey);
        snapshot = asRead;
        snapshotOf = data.get();
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
            push(new SceneSwap(old, oldPreset));
        }
        dataChanged = true;
        appChanged = true;
        changed(null);
    }

    /** The names of the classes (multiclass) or labels (multilabel), index by index. */
    public ObservableList<String> classNames() {
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
        appChanged = true;
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
        paramsChanged.add(loss);
        dirty.set(true);
        changed(null, false); // the arrays are as they were: the workers' copy stays current
    }

    /** Tells the views that the arrays changed inside a box during a stroke (recorded at its end). */
    void changedLive(int[] box) {
        changed(box);
    }

    /**
     * Shows another scene of the same source (a volume's next slice) without an undo step; what is unsaved stays
     * as it was. Steps remember the place they were taken at ({@link #placeSteps}) and go back there to be undone.
     */
    public void showSlice(SegmentationData scene) {
        boolean wasDirty = dirty.get();
        data.set(scene);
        changed(null);
        dirty.set(wasDirty);
    }

    /** Records with each step where it was taken ({@code where}) and goes there ({@code goTo}) to undo or redo it. */
    void placeSteps(Supplier<Object> where, Consumer<Object> show) {
        place = where;
        goTo = show;
    }

    /** Records a stroke whose changes are already applied and shown. */
    void commit(Edit.Sparse edit) {
        if (edit.isEmpty()) {
            return;
        }
        push(edit);
        dataChanged = true;
        dirty.set(true);
    }

    /**
     * Replaces the whole prediction (a map operation) as one undoable step. Logits must be finite: a
     * scene holding NaN or infinity could not be saved and read back.
     */
    public void setPrediction(String label, double[] logits) {
        double[] x = data.get().prediction();
        if (logits.length != x.length) {
            throw new EngineException(label + ": " + logits.length + " values for a prediction of " + x.length);
        }
        int bad = firstNonFinite(logits);
        if (bad >= 0) {
            throw new EngineException(label + " would give a logit of " + logits[bad]
                    + "; the prediction is unchanged");
        }
        push(new Edit.WholePrediction(label, x.clone()));
        System.arraycopy(logits, 0, x, 0, x.length);
        dataChanged = true;
        changed(null);
    }

    /** The index of the first NaN or infinite value, or -1: a scene holding one could not be saved and read back. */
    private static int firstNonFinite(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                return i;
            }
        }
        return -1;
    }

    private long recorded;

    /** How many undo steps were ever recorded (the history keeps the newest {@link #UNDO_LIMIT}). */
    public long stepsRecorded() {
        return recorded;
    }

    /**
     * Shows logits while a slider is dragged, without an undo step: the arrays change in place and the
     * views follow. {@link #commitPreview} then records the whole drag as one step.
     */
    public void previewPrediction(double[] logits) {
        double[] x = data.get().prediction();
        if (firstNonFinite(logits) >= 0) {
            return; // a preview that could not be saved is not shown either
        }
        System.arraycopy(logits, 0, x, 0, x.length);
        changed(null);
    }

    /** Records the previewed change as one undo step; {@code before} is the prediction before the drag. */
    public void commitPreview(String label, double[] before) {
        push(new Edit.WholePrediction(label, before));
        dataChanged = true;
        dirty.set(true);
    }

    private void push(Edit edit) {
        recorded++;
        edit.place = place.get();
        undo.push(edit);
        redo.clear();
        while (undo.size() > UNDO_LIMIT || undo.size() > 1 && historyBytes() > UNDO_BYTES) {
            undo.removeLast();
        }
    }

    /** The memory the undo and redo history hold, in bytes. */
    public long historyBytes() {
        long sum = 0;
        for (Edit e : undo) {
            sum += e.bytes();
        }
        for (Edit e : redo) {
            sum += e.bytes();
        }
        return sum;
    }

    /** How many steps can be undone. */
    public int undoSteps() {
        return undo.size();
    }

    public void undo() {
        move(undo, redo);
    }

    public void redo() {
        move(redo, undo);
    }

    private void move(Deque<Edit> from, Deque<Edit> to) {
        if (from.isEmpty()) {
            return;
        }
        Edit e = from.pop();
        if (e.place != null && !e.place.equals(place.get())) {
            goTo.accept(e.place);
        }
        e.swap(this);
        to.push(e);
        dataChanged = true;
        appChanged |= e instanceof SceneSwap;
        changed(e.box);
    }

    /** Puts another scene in place (undoing or redoing a scene swap). */
    void swapScene(SceneSwap swap) {
        SegmentationData current = data.get();
        String currentPreset = preset;
        preset = swap.preset;
        data.set(swap.scene);
        swap.scene = current;
        swap.preset = currentPreset;
    }

    private void changed(int[] box) {
        changed(box, true);
    }

    /** Tells the views; {@code arrays}: the scene's arrays (or the scene) changed, so the workers need a new copy. */
    private void changed(int[] box, boolean arrays) {
        if (arrays) {
            snapshot = null;
            snapshotOf = null;
        }
        lastBox = box;
        dirty.set(true);
        revision.set(revision.get() + 1);
    }

    public void markSaved() {
        dirty.set(false);
        dataChanged = false;
        appChanged = false;
        paramsChanged.clear();
    }

    /** Whether the arrays (or the whole scene) changed since the last open or save. */
    public boolean dataChanged() {
        return dataChanged;
    }

    /** Whether the preset or the class names changed since the last open or save. */
    public boolean appChanged() {
        return appChanged;
    }

    /** The losses whose parameters the user changed since the last open or save, in order. */
    public Set<String> paramsChanged() {
        return Collections.unmodifiableSet(paramsChanged);
    }

    /**
     * Everything the document holds, to be given back as a whole (a lesson borrows the document and returns it):
     * the scene (a copy: strokes edit arrays in place), the preset, every loss's parameters, the undo and redo
     * history, the class names and what is unsaved.
     */
    public record State(SegmentationData data, String preset, Map<String, Params> params, List<Edit> undo,
                        List<Edit> redo, boolean dirty, boolean dataChanged, boolean appChanged,
                        Set<String> paramsChanged, List<String> classNames) {
    }

    public State state() {
        return new State(data.get().copy(), preset, new LinkedHashMap<>(params), new ArrayList<>(undo),
                new ArrayList<>(redo), dirty.get(), dataChanged, appChanged,
                new LinkedHashSet<>(paramsChanged), List.copyOf(classNames));
    }

    /** Puts a state back exactly as it was taken (the history included); views redraw as after any change. */
    public void restore(State s) {
        params.clear();
        params.putAll(s.params());
        undo.clear();
        undo.addAll(s.undo());
        redo.clear();
        redo.addAll(s.redo());
        classNames.setAll(s.classNames());
        preset = s.preset();
        data.set(s.data().copy()); // the state stays as taken, whatever is painted on the copy
        dataChanged = s.dataChanged();
        appChanged = s.appChanged();
        paramsChanged.clear();
        paramsChanged.addAll(s.paramsChanged());
        changed(null);
        dirty.set(s.dirty());
    }

    /** Forgets the undo and redo history (a lesson's set-up is where its history starts, not a step of it). */
    public void clearHistory() {
        undo.clear();
        redo.clear();
    }

    /** A step that swapped the whole scene: it holds the other scene. */
    static final class SceneSwap extends Edit {
        private SegmentationData scene;
        private String preset;

        SceneSwap(SegmentationData scene, String preset) {
            super("new scene", null);
            this.scene = scene;
            this.preset = preset;
        }

        @Override
        void swap(SegDocument doc) {
            doc.swapScene(this);
        }

        @Override
        long bytes() {
            return 8L * scene.prediction().length + 4L * scene.target().length + 64;
        }
    }
}
