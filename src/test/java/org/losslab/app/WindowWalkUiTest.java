package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.losslab.app.WalkInput.drag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.app.lesson.LessonPanel;
import org.losslab.app.seg.SegmentationWorkspace;
import org.losslab.app.train.TrainingWorkspace;
import org.losslab.engine.maps.MapKind;
import org.losslab.engine.sweep.TeachingPlot;
import org.losslab.scene.Json;
import org.losslab.scene.Lesson;
import org.losslab.scene.Lessons;
import org.losslab.scene.Presets;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 24's "done when": a random walk of the whole window on a scene with every block (segmentation and its
 * image, boxes, classification, multibox, dense, distributions, detections, losses, and the state of every
 * workspace and keys nobody knows) — painting, keys, the wheel, undo and redo, parameters, presets, boxes, plots,
 * maps, lessons opened, stepped forward and back and closed, training played, paused, stepped, reset and set up,
 * saves (by Ctrl+S too, during lessons too) and reopening. No exception may escape any thread, and each time the
 * window is saved outside a lesson (every {@value #CHECK_EVERY} actions and at the end) the file, opened in a fresh
 * window, shows what the walking window shows, workspace by workspace, and saves to the same document.
 * {@code -Dlosslab.walk.seconds=300} (profile {@code walk}) walks five minutes; the default is a short walk of
 * {@value #EVENTS} actions.
 */
@ExtendWith(ApplicationExtension.class)
class WindowWalkUiTest {
    /** Walks this long when given (the five-minute walk); otherwise {@link #EVENTS} actions. */
    private static final long SECONDS = Long.getLong("losslab.walk.seconds", 0);
    private static final int EVENTS = Integer.getInteger("losslab.walk.actions", 240);
    /** Actions sent in one go to the window's thread (a user is slower; the walk waits for the window between). */
    private static final int BURST = 4;
    private static final long SEED = Long.getLong("losslab.walk.seed", 20261206L);
    private static final int CHECK_EVERY = 200;
    private final List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
    /** The last actions, for the failure's message. */
    private final Deque<String> recent = new ArrayDeque<>();
    private final Map<String, Integer> counts = new TreeMap<>();
    private MainWindow window;
    private Scene scene;
    private WalkInput input;
    private Thread.UncaughtExceptionHandler previous;
    private Path file;
    private LessonPanel lesson;

    @Start
    void start(Stage stage) {
        previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        window = new MainWindow();
        scene = new Scene(window, 1280, 800);
        window.installKeys(scene);
        input = new WalkInput(window, scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(window::close);
        Thread.setDefaultUncaughtExceptionHandler(previous);
    }

    private static JsonNode resource(String name) throws Exception {
        return Json.MAPPER.readTree(WindowWalkUiTest.class.getResource(name));
    }

    /** A scene with every block the format has, and a state for every workspace (and one nobody knows). */
    static ObjectNode everyBlock() throws Exception {
        ObjectNode scene = (ObjectNode) resource("/train/scene.json"); // segmentation and the pixel model's image
        JsonNode box = resource("/gold/box-0000.json");
        scene.set("boxes", box.get("boxes"));
        scene.set("classification", box.get("classification"));
        scene.set("multibox", resource("/gold/mbox-0000.json").get("multibox"));
        scene.set("dense", resource("/gold/v2/dense-0000.json").get("dense"));
        scene.set("distributions", resource("/gold/v2/dist-0000.json").get("distributions"));
        scene.set("detections", Json.MAPPER.readTree("""
                {"boxes": [[20, 20, 70, 70], [100, 40, 150, 90]], "scores": [0.8, 0.4], "labels": [1, 2],
                 "truth_boxes": [[22, 18, 72, 66], [98, 44, 148, 96]], "truth_labels": [1, 2]}"""));
        scene.set("losses", Json.MAPPER.readTree("""
                [{"name": "dice"}, {"name": "focal", "params": {"gamma": 3}}, {"name": "giou"}]"""));
        Path audit = Path.of(WindowWalkUiTest.class.getResource("/audit/binary-threshold").toURI());
        scene.set("losslab_app", Json.MAPPER.readTree("""
                {"segmentation": {"layer": "grad-dice", "compare": "errors", "heatmap_opacity": 0.6, "newer_key": [1]},
                 "plots": {"plot": "tversky-grid", "log_scale": true},
                 "detection": {"tab": "Metrics", "landscape": "diou", "snap": true},
                 "training": {"source": "painted", "model": "logits", "optimizer": "adam", "learning_rate": "0.1",
                              "loss_0": "bce", "loss_1": "dice", "loss_2": "focal:gamma=2", "loss_3": ""},
                 "audit": {"labels": "%s", "predictions": "%s", "tolerance": 1.5},
                 "someone_elses": {"kept": true}}""".formatted(audit.resolve("labels").toString().replace("\\", "\\\\"),
                audit.resolve("predictions").toString().replace("\\", "\\\\"))));
        return scene;
    }

    private void did(String action) {
        counts.merge(action, 1, Integer::sum);
        recent.addLast(action);
        if (recent.size() > 40) {
            recent.removeFirst();
        }
    }

    private Button button(javafx.scene.Node root, String id) {
        // a docked lesson panel (a ScrollPane) has its content among its children only once its skin is made
        return (Button) (root instanceof javafx.scene.control.ScrollPane pane ? pane.getContent() : root).lookup(id);
    }

    private void step(Random r, Path dir) {
        SegmentationWorkspace seg = window.segmentation();
        TrainingWorkspace train = window.training();
        switch (r.nextInt(20)) {
            case 0, 1 -> {
                drag(seg.canvas(), r, false);
                did("paint");
            }
            case 2 -> {
                input.key(WalkInput.KEYS[r.nextInt(WalkInput.KEYS.length)], false);
                did("key");
            }
            case 3 -> {
                WalkInput.scroll(seg.canvas(), r);
                did("wheel");
            }
            case 4 -> {
                window.tabs().getSelectionModel().select(r.nextInt(window.tabs().getTabs().size()));
                did("workspace");
            }
            case 5 -> {
                List<Presets.Preset> all = Presets.all();
                seg.loadPreset(all.get(r.nextInt(all.size())), 24 + r.nextInt(40));
                did("preset");
            }
            case 6 -> {
                for (int k = 0, n = 1 + r.nextInt(8); k < n; k++) {
                    input.key(r.nextBoolean() ? KeyCode.Z : KeyCode.Y, true);
                }
                did("undo/redo");
            }
            case 7 -> {
                input.editParameter(r);
                did("parameter");
            }
            case 8 -> {
                window.tabs().getSelectionModel().select(2);
                window.detection().tabs().getSelectionModel().select(0);
                drag(window.detection().boxes().canvas(), r, r.nextInt(4) == 0);
                did("box drag");
            }
            case 9 -> {
                if (r.nextBoolean()) {
                    var choice = window.detection().boxes().landscapeChoice();
                    choice.setValue(choice.getItems().get(r.nextInt(choice.getItems().size())));
                } else {
                    window.detection().tabs().getSelectionModel().select(r.nextInt(window.detection().tabs().getTabs().size()));
                }
                did("detection view");
            }
            case 10 -> {
                if (r.nextBoolean()) {
                    seg.layerChoice().setValue(MapKind.values().get(r.nextInt(MapKind.values().size())));
                } else {
                    seg.compareChoice().setValue(r.nextBoolean() ? null : MapKind.values().get(r.nextInt(MapKind.values().size())));
                }
                did("map");
            }
            case 11, 12 -> lessonStep(r);
            case 13, 14 -> trainingStep(r, train);
            case 15 -> {
                window.plots().selectPlot(TeachingPlot.values()[r.nextInt(TeachingPlot.values().length)]);
                did("plot");
            }
            case 16 -> {
                if (r.nextBoolean()) {
                    input.key(KeyCode.S, true); // Ctrl+S: the file the window has (the walk opened one)
                    did("ctrl+s");
                } else {
                    assertTrue(window.saveTo(dir.resolve("walk-" + r.nextInt(3) + ".json")), "save as");
                    did("save as");
                }
            }
            case 17 -> {
                if (r.nextInt(4) == 0 && window.lessonPanel() == null) {
                    // reopening the file: what was last saved there (the window asks first when it is not saved)
                    assertTrue(window.open(file), "reopen " + file);
                    did("reopen");
                } else {
                    window.togglePresentation();
                    did("presentation");
                }
            }
            default -> {
                window.tabs().getSelectionModel().select(0);
                drag(seg.canvas(), r, false);
                did("paint");
            }
        }
    }

    private void lessonStep(Random r) {
        if (window.lessonPanel() == null) {
            if (r.nextInt(3) != 0) {
                return; // lessons open about half of the walk
            }
            List<Lesson> all = Lessons.all();
            lesson = window.openLesson(all.get(r.nextInt(all.size())).key());
            did("lesson open");
            return;
        }
        lesson = window.lessonPanel();
        int what = r.nextInt(6);
        if (what <= 1) {
            button(lesson, "#lesson-close").fire();
            did("lesson close");
        } else {
            Button b = button(lesson, what <= 3 ? "#lesson-next" : "#lesson-back");
            if (!b.isDisabled()) {
                b.fire();
            }
            did(what <= 3 ? "lesson next" : "lesson back");
        }
    }

    private static final List<String> LOSS_TEXTS = List.of("bce", "dice", "focal:gamma=2", "dice_ce", "", "tversky:alpha=0.3",
            "not_a_loss", "giou", "mae_prob", "dice:log_loss=true");

    private void trainingStep(Random r, TrainingWorkspace train) {
        switch (r.nextInt(8)) {
            case 0, 1 -> {
                button(train, "#train-play").fire();
                did("train play");
            }
            case 2 -> {
                button(train, "#train-pause").fire();
                did("train pause");
            }
            case 3 -> {
                button(train, "#train-step").fire();
                did("train step");
            }
            case 4 -> {
                button(train, "#train-reset").fire();
                did("train reset");
            }
            case 5 -> {
                train.timeline().setValue(r.nextDouble() * train.timeline().getMax());
                did("train timeline");
            }
            case 6 -> {
                var source = train.sourceChoice();
                source.setValue(source.getItems().get(r.nextInt(source.getItems().size())));
                did("train source");
            }
            default -> {
                var field = train.lossField(r.nextInt(4));
                field.setText(LOSS_TEXTS.get(r.nextInt(LOSS_TEXTS.size())));
                field.fireEvent(new javafx.event.ActionEvent());
                did("train loss");
            }
        }
    }

    private String context(int event) {
        return "after " + event + " actions " + counts + "; the last: " + recent;
    }

    /** Outside a lesson: saved, the file opened in a fresh window shows the same thing and saves to the same document. */
    private void checkSavedIsShown(FxRobot robot, Path dir, String when) throws Exception {
        Path saved = dir.resolve("check.json");
        Path again = dir.resolve("check-again.json");
        Object[] out = new Object[2];
        robot.interact(() -> {
            assertTrue(window.saveTo(saved), "save " + when);
            out[0] = ShownState.of(window);
            MainWindow fresh = new MainWindow();
            Stage stage = new Stage();
            stage.setScene(new Scene(fresh, 1280, 800));
            stage.show();
            try {
                assertTrue(fresh.open(saved), "reopen " + when);
                out[1] = ShownState.of(fresh);
                assertTrue(fresh.saveTo(again), "save the reopened " + when);
            } finally {
                fresh.close();
                stage.close();
            }
        });
        @SuppressWarnings("unchecked")
        Map<String, String> differences = ShownState.differences((Map<String, Object>) out[0], (Map<String, Object>) out[1]);
        assertEquals(Map.of(), differences, "the saved file shows what the window showed, " + when);
        assertEquals(Json.MAPPER.readTree(saved.toFile()), Json.MAPPER.readTree(again.toFile()),
                "the reopened file saves to the same document, " + when);
        did("saved = shown");
    }

    @Test
    void aWalkOfTheWholeWindowRaisesNothingAndTheSavedFileIsWhatItShows(FxRobot robot, @TempDir Path dir) throws Exception {
        file = dir.resolve("every-block.json");
        Files.writeString(file, Json.MAPPER.writeValueAsString(everyBlock()));
        robot.interact(() -> assertTrue(window.open(file), "open the scene with every block"));
        checkSavedIsShown(robot, dir, "as opened");
        Random r = new Random(SEED);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(SECONDS);
        int events = 0;
        int checked = 0;
        while (SECONDS > 0 ? System.nanoTime() < end : events < EVENTS) {
            int at = events;
            try {
                robot.interact(() -> {
                    for (int k = 0; k < BURST; k++) {
                        step(r, dir);
                    }
                });
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError(context(at), e);
            }
            events += BURST;
            assertEquals(List.of(), List.copyOf(uncaught), context(events));
            if (events / CHECK_EVERY > checked && window.lessonPanel() == null) {
                checked = events / CHECK_EVERY;
                checkSavedIsShown(robot, dir, context(events));
            }
        }
        long walked = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        // the end: the lesson closed, training paused, the views caught up; then saved and compared
        robot.interact(() -> {
            window.closeLesson();
            button(window.training(), "#train-pause").fire();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.training().training());
        var seg = window.segmentation();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> seg.shownRevisionProperty().get() == seg.document().revisionProperty().get()
                && seg.tableRevisionProperty().get() == seg.document().revisionProperty().get());
        checkSavedIsShown(robot, dir, context(events) + " (the end)");
        assertEquals(List.of(), List.copyOf(uncaught), context(events));
        System.out.println("WindowWalkUiTest: " + events + " actions in " + walked + " s, seed " + SEED + ": " + counts);
        assertTrue(counts.getOrDefault("lesson open", 0) > 0 && counts.getOrDefault("train play", 0) > 0
                && counts.getOrDefault("saved = shown", 0) >= 2, "the walk did everything: " + counts);
    }
}
