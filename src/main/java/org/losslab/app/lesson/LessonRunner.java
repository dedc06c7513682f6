package org.losslab.app.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.application.Platform;
import org.losslab.engine.Domains;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.maps.MapKind;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.scene.BundledFolders;
import org.losslab.scene.Claims;
import org.losslab.scene.Lesson;
import org.losslab.scene.Lessons;
import org.losslab.scene.Presets;

/**
 * Sets the window up as a lesson step asks (workspace, preset, maps, parameters, plot, detection tab, race,
 * training preset) and tells whether the step's task is done. A step is a state: going to step k puts the
 * window back to the state it opened with and applies steps 1 to k in order, so Back gives exactly the previous
 * step's state and nothing the user set before the lesson leaks into it. The set-up is not an undo step: the
 * history starts at it. The user's own state is kept and given back by the host, not here.
 */
public final class LessonRunner {
    private static final List<String> DETECTION_TABS = List.of("boxes", "race", "ssd", "metrics", "dataset");
    private final LessonHost window;
    private Lesson lesson;
    private static final Set<String> SEGMENTATION_NAMES = LossRegistry.of(Domains.SEGMENTATION)
            .stream().map(LossSpec::name).collect(Collectors.toSet());
    private final List<List<String>> rows;
    private int step = -1;

    public LessonRunner(LessonHost window, Lesson lesson) {
        this(window, lesson, lesson);
    }

    /**
     * A runner showing {@code lesson} (its captions' values filled in) whose steps name the table rows their
     * {@code source} (as written, with its {@code {value:...}} placeholders) quotes.
     */
    public LessonRunner(LessonHost window, Lesson lesson, Lesson source) {
        this.window = window;
        this.lesson = lesson;
        this.rows = source.steps().stream().map(LessonRunner::namedRows).toList();
    }

    public Lesson lesson() {
        return lesson;
    }

    /** The same lesson with its captions' values written out (computed after it opened); the window is left as it is. */
    public void captionsComputed(Lesson withValues) {
        if (!withValues.key().equals(lesson.key()) || withValues.steps().size() != lesson.steps().size()) {
            throw new IllegalArgumentException("captions of another lesson: " + withValues.key());
        }
        lesson = withValues;
    }

    public int step() {
        return step;
    }

    /** Goes to step k (0-based) and sets the window up for it. */
    public void go(int k) {
        step = Math.max(0, Math.min(k, lesson.steps().size() - 1));
        window.resetForLesson();
        for (int j = 0; j <= step; j++) {
            apply(lesson.steps().get(j));
        }
        window.segmentation().document().clearHistory(); // Ctrl+Z never undoes the lesson's own set-up
        window.segmentation().leadRows(rows.get(step));
        window.lessonStepChanged();
    }

    /**
     * The table rows a step names, in the order a reader meets them: the selected entry, the entries its captions
     * quote and its claims read (a parameter "tversky.alpha" names its entry's row).
     */
    static List<String> namedRows(Lesson.Step s) {
        List<String> names = new ArrayList<>();
        if (s.select() != null) {
            names.add(s.select());
        }
        names.addAll(s.params().keySet());
        for (String caption : new String[] {s.text(), s.look()}) {
            Claims.placeholders(caption).forEach(p -> names.add(p.what()));
            // an entry named in words, "(f1_score)": every token that is a segmentation entry's name, except one
            // that is an ordinary word in a caption ("its boundary shifted" is no row of the boundary loss)
            for (String word : caption == null ? new String[0] : caption.split("[^A-Za-z0-9_]+")) {
                if (SEGMENTATION_NAMES.contains(word) && !word.equals("boundary")) {
                    names.add(word);
                }
            }
        }
        s.claims().forEach(c -> names.add(c.what()));
        if (s.until() != null) {
            names.add(s.until().what());
        }
        return names.stream().filter(n -> !n.contains(":")).map(n -> n.contains(".") ? n.substring(0, n.indexOf('.')) : n)
                .distinct().toList();
    }

    public Lesson.Step current() {
        return lesson.steps().get(step);
    }

    /** Whether the current step has a task whose doing the window can see (a condition on the live state). */
    public boolean taskCheckable() {
        return current().task() != null && current().until() != null;
    }

    /** Whether the current step's task is seen done: never for a task without a condition, nor for no task. */
    public boolean taskDone() {
        Lesson.Condition until = current().until();
        return until != null && until.holds(read(until.what()));
    }

    /** The live value a condition reads: a parameter ("tversky.alpha") or an entry's value on the scene. */
    @SuppressWarnings("unchecked")
    public double read(String what) {
        var doc = window.segmentation().document();
        if (what.contains(".")) {
            String loss = what.substring(0, what.indexOf('.'));
            Object v = doc.params(loss).raw(what.substring(what.indexOf('.') + 1));
            return v instanceof Number n ? n.doubleValue() : Double.NaN;
        }
        LossSpec<SegmentationData> spec = (LossSpec<SegmentationData>) LossRegistry.get(what);
        try {
            return spec.evaluate(doc.data(), doc.params(what), false).value();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private void apply(Lesson.Step s) {
        var seg = window.segmentation();
        if (s.workspace() != null) {
            window.showWorkspace(s.workspace());
        }
        if (s.preset() != null) {
            seg.loadPreset(Presets.get(s.preset()), 256);
        }
        if (s.map() != null) {
            seg.layerChoice().setValue(MapKind.parse(s.map()));
        }
        if (s.compare() != null) {
            seg.compareChoice().setValue(s.compare().equals("off") ? null : MapKind.parse(s.compare()));
        }
        for (Map.Entry<String, Map<String, Object>> e : s.params().entrySet()) {
            LossSpec<?> spec = LossRegistry.get(e.getKey());
            Params current = seg.document().params(e.getKey());
            Map<String, Object> raw = new LinkedHashMap<>(current.asMap());
            raw.putAll(e.getValue());
            seg.document().setParams(e.getKey(), spec.bind(raw));
        }
        if (s.select() != null) {
            seg.selectLoss(s.select());
        }
        if (s.plot() != null) {
            window.plots().selectPlot(Lessons.plot(s.plot()));
        }
        if (s.detectionTab() != null) {
            window.detection().tabs().getSelectionModel().select(DETECTION_TABS.indexOf(s.detectionTab()));
        }
        if (s.race() != null) {
            window.detection().raceSettings().anchors().set(Lessons.racePreset(s.race(), "lesson"));
        }
        if (s.raceGradients() != null) {
            window.detection().raceSettings().paperGradients().set(s.raceGradients().equals("paper"));
        }
        if (s.dataset() != null) {
            window.detection().dataset().openBundled(s.dataset());
        }
        if (s.training() != null) {
            window.training().sourceChoice().setValue(Lessons.trainingPreset(s.training(), "lesson"));
        }
        if (s.audit() != null) {
            window.audit().audit(BundledFolders.folder(s.audit().labels()), BundledFolders.folder(s.audit().predictions()));
        }
        if (s.trained() != null) {
            window.training().trainTo(s.trained());
        }
        var ssd = window.detection().ssdSettings();
        s.ssd().forEach((setting, value) -> (setting.equals("gamma") ? ssd.gamma() : ssd.background()).set(value));
        if (s.preset() != null || s.compare() != null || s.workspace() != null) {
            // a split view or another scene changes what the canvas must hold: the whole scene in view, once laid out
            Platform.runLater(() -> {
                if (seg.getScene() != null) {
                    seg.getScene().getRoot().applyCss();
                    seg.getScene().getRoot().layout();
                }
                seg.canvas().fit();
            });
        }
    }
}
