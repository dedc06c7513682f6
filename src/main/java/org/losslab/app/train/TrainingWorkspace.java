package org.losslab.app.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.losslab.app.core.Action;
import org.losslab.app.core.FigureExport;
import org.losslab.app.core.ViewSettings;
import org.losslab.app.core.Workspace;
import org.losslab.app.seg.SegDocument;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.LossSpec.Role;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.engine.sweep.SweepTerm;
import org.losslab.engine.train.ImageData;
import org.losslab.scene.Lessons;
import org.losslab.engine.train.LogitsModel;
import org.losslab.engine.train.LossLandscape;
import org.losslab.engine.train.Model;
import org.losslab.engine.train.Optimizer;
import org.losslab.engine.train.StepMetrics;
import org.losslab.engine.train.TrainingPreset;
import org.losslab.engine.train.TrainingSession;
import org.losslab.scene.Lessons;
import org.losslab.scene.Scene;
import org.losslab.scene.Terms;

/**
 * The training playground: two to four losses each train their own copy of a model from the same start,
 * in lock step, on the segmentation workspace's scene or on a preset; their predictions, loss and F1 curves
 * and where each puts its gradient (TP, FP, FN, TN) update as they train. The run is recorded: the timeline
 * goes back to any step exactly. Training runs on a worker thread.
 */
public final class TrainingWorkspace extends BorderPane implements Workspace {
    private static final String PAINTED = "the Segmentation scene";
    private final SegDocument doc;
    private final ComboBox<Object> source = new ComboBox<>();
    private final ComboBox<String> model = new ComboBox<>(FXCollections.observableArrayList("logits", "pixel"));
    private final ComboBox<String> optimizer = new ComboBox<>(FXCollections.observableArrayList("sgd", "adam"));
    private final TextField rate = new TextField("0.05");
    private final Slider speed = new Slider(1, 20, 2);
    private final List<TextField> lossFields = new ArrayList<>();
    private final List<MaskPanel> panels = new ArrayList<>();
    private final Slider timeline = new Slider(0, 0, 0);
    /** The contestants' masks, two by two: what an exported animation shows. */
    private final GridPane grid;
    private final Label lesson = new Label();
    private final ImageBar imageBar = new ImageBar(this::reset);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final Timeline player = new Timeline();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "training");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean busy = new AtomicBoolean();
    private TrainingSession session;
    private boolean follow = true;
    /** The step a lesson asked the run to reach (0: none); the worker goes on until it is there. */
    private int trainTarget;
    /** Why the run cannot go on (bad settings, a loss that turned NaN), or null. */
    private String problem;

    public TrainingWorkspace(SegDocument doc) {
        this.doc = doc;
        setId("training-workspace");
        source.getItems().add(PAINTED);
        source.getItems().addAll((Object[]) TrainingPreset.values());
        source.setValue(TrainingPreset.SMALL_OBJECT);
        source.setId("train-source");
        model.setId("train-model");
        optimizer.setId("train-optimizer");
        rate.setId("train-rate");
        rate.setPrefColumnCount(5);
        rate.setTooltip(new Tooltip("Learning rate; Enter restarts the run"));
        speed.setTooltip(new Tooltip("Steps per frame while playing"));
        // on the value, not onAction: a ComboBox fires its action from its skin, so a preset set by code (a lesson
        // step, a restored state) before the tab was first shown would change the box but not the run
        source.valueProperty().addListener((o, before, after) -> applyPreset());
        model.setOnAction(e -> reset());
        optimizer.setOnAction(e -> reset());
        rate.setOnAction(e -> reset());
        Button play = button("Play", "train-play", () -> player.play());
        Button pause = button("Pause", "train-pause", this::pause);
        Button step = button("Step", "train-step", () -> advance(1));
        Button resetButton = button("Reset", "train-reset", this::reset);
        // wraps instead of pushing Pause and Reset off the window when the lesson panel takes its share of the width
        FlowPane bar = new FlowPane(6, 4, new Label("Scene"), source, new Label("Model"), model, new Label("Optimizer"),
                optimizer, new Label("lr"), rate, new Label("Speed"), speed, play, pause, step, resetButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        FlowPane losses = new FlowPane(6, 4);
        losses.getChildren().add(new Label("Losses (NAME:k=v,...; Enter restarts)"));
        grid = new GridPane();
        for (int l = 0; l < 4; l++) {
            TextField field = new TextField();
            field.setId("train-loss-" + l);
            field.setPrefColumnCount(16);
            field.setOnAction(e -> reset());
            lossFields.add(field);
            losses.getChildren().add(field);
            MaskPanel panel = new MaskPanel(l);
            panels.add(panel);
            grid.add(panel, l % 2, l / 2);
        }
        lesson.setWrapText(true);
        lesson.setId("train-lesson");
        imageBar.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> PAINTED.equals(source.getValue()) && "pixel".equals(model.getValue()), source.valueProperty(),
                model.valueProperty()));
        imageBar.managedProperty().bind(imageBar.visibleProperty());
        VBox top = new VBox(4, bar, losses, imageBar, lesson);
        top.setPadding(new Insets(6));
        setTop(top);
        setCenter(grid);
        grid.setMinWidth(0);
        grid.widthProperty().addListener(o -> panels.forEach(p -> p.fitWidth(grid.getWidth() / 2)));
        setRight(side);
        timeline.setId("train-timeline");
        timeline.setPrefWidth(600);
        timeline.valueProperty().addListener(o -> {
            if (timeline.isValueChanging() || !busy.get()) {
                follow = Math.round(timeline.getValue()) >= timeline.getMax();
            }
            showStep();
        });
        Label stepLabel = new Label("Step");
        HBox bottom = new HBox(8, stepLabel, timeline);
        bottom.setPadding(new Insets(6));
        setBottom(bottom);
        player.getKeyFrames().add(new KeyFrame(Duration.millis(50), e -> advance((int) Math.round(speed.getValue()))));
        player.setCycleCount(Timeline.INDEFINITE);
        applyPreset();
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private final TrainingCharts side = new TrainingCharts(() -> session, this::showStep);

    /** The landscape panel (drawn while its tab is shown, for the pixel model on one feature). */
    public TabPane sideTabs() {
        return side;
    }

    public LossLandscape shownLandscape() {
        return side.shownLandscape();
    }

    /** Loads the chosen preset's losses and settings (or keeps them for the painted scene), then restarts. */
    private void applyPreset() {
        if (source.getValue() instanceof TrainingPreset p) {
            for (int l = 0; l < 4; l++) {
                lossFields.get(l).setText(l < p.losses().size() ? p.losses().get(l) : "");
            }
            model.setValue(p.model());
            optimizer.setValue(p.optimizer());
            rate.setText(Double.toString(p.rate()));
            lesson.setText(p.title() + ": " + p.lesson() + ".");
        } else {
            if (lossFields.get(0).getText().isBlank()) {
                List<LossSpec<SegmentationData>> defaults = LossRegistry.withRole(Role.TRAINED_BY_DEFAULT, Domains.SEGMENTATION);
                for (int l = 0; l < Math.min(defaults.size(), lossFields.size()); l++) {
                    lossFields.get(l).setText(defaults.get(l).name());
                }
            }
            if (model.getValue() == null) {
                model.setValue("logits");
                optimizer.setValue("adam");
            }
            lesson.setText("The Segmentation workspace's scene (paint there, then Reset here). The pixel model classifies an "
                    + "image made from the painted ground truth: set its intensities, noise and blur above.");
        }
        reset();
    }

    /** Starts the run again from the current settings. */
    public void reset() {
        player.stop();
        trainTarget = 0;
        try {
            session = newSession();
            problem = null;
        } catch (EngineException | IllegalArgumentException e) {
            session = null;
            problem = "Training: " + e.getMessage();
        }
        side.restart();
        follow = true;
        timeline.setMax(0);
        timeline.setValue(0);
        showStep();
    }

    @SuppressWarnings("unchecked")
    private TrainingSession newSession() {
        SegmentationData scene;
        ImageData image;
        if (source.getValue() instanceof TrainingPreset p) {
            TrainingPreset.Example example = p.example();
            scene = example.scene();
            image = example.image();
        } else {
            scene = doc.data().copy();
            image = null;
        }
        Model m;
        if ("pixel".equals(model.getValue())) {
            if (scene.mode() != SegMode.BINARY) {
                throw new EngineException("the pixel model classifies one channel: open a binary scene or use the logits model");
            }
            m = (image != null ? image : imageBar.synthesise(scene)).model(scene.height(), scene.width());
        } else {
            m = new LogitsModel(scene.prediction());
        }
        double lr;
        try {
            lr = Double.parseDouble(rate.getText().trim());
        } catch (NumberFormatException e) {
            throw new EngineException("the learning rate '" + rate.getText() + "' is not a number");
        }
        List<TrainingSession.Contestant> contestants = new ArrayList<>();
        for (TextField field : lossFields) {
            String text = field.getText().trim();
            if (text.isEmpty()) {
                continue;
            }
            SweepTerm term = Terms.parse(text);
            if (term.spec().domain() != Domains.SEGMENTATION) {
                throw new EngineException(text + " is not a segmentation loss");
            }
            contestants.add(new TrainingSession.Contestant(text, (LossSpec<SegmentationData>) term.spec(), term.params()));
        }
        if (contestants.isEmpty()) {
            throw new EngineException("give at least one loss");
        }
        return new TrainingSession(scene, m, Optimizer.of(optimizer.getValue(), lr), contestants);
    }


    /** Trains {@code count} more steps on the worker thread (one batch at a time), then shows the newest step. */
    public void advance(int count) {
        TrainingSession s = session;
        if (s == null || !busy.compareAndSet(false, true)) {
            return;
        }
        int before = s.steps();
        worker.submit(() -> {
            String failure = null;
            try {
                s.advance(count);
            } catch (EngineException e) {
                failure = e.getMessage();
            }
            String message = failure;
            Platform.runLater(() -> {
                busy.set(false);
                if (s != session) {
                    continueToTarget();
                    return;
                }
                if (message != null) {
                    pause();
                    problem = "Training stopped: " + message;
                }
                side.extendCurves(before + 1);
                timeline.setMax(s.steps());
                if (follow) {
                    timeline.setValue(s.steps());
                }
                showStep();
                continueToTarget();
            });
        });
    }

    /** Trains until the run has {@code steps} steps: an answer step shows the run its "press Play" asked for. */
    public void trainTo(int steps) {
        player.stop();
        trainTarget = steps;
        continueToTarget();
    }

    private void continueToTarget() {
        if (session != null && problem == null && session.steps() < trainTarget) {
            advance(trainTarget - session.steps());
        }
    }

    private void pause() {
        player.pause();
    }

    /** Draws every contestant at the timeline's step. */
    private void showStep() {
        int k = step();
        for (int l = 0; l < panels.size(); l++) {
            MaskPanel panel = panels.get(l);
            boolean used = session != null && l < session.contestants().size();
            panel.setVisible(used);
            if (!used) {
                continue;
            }
            TrainingSession.Contestant c = session.contestants().get(l);
            panel.show(String.format(Locale.ROOT, "%s  loss %.4g  F1 %.3f", c.label(), session.loss(l, k),
                    session.metric(l, StepMetrics.HEADLINE, k)), session.scene(), session.logitsAt(l, k));
        }
        side.showStep(k);
        status.set(problem != null ? problem : String.format(Locale.ROOT, "step %d of %d (%s model, %s)", k,
                session.steps(), model.getValue(), optimizer.getValue()));
    }

    /** The step the timeline shows. */
    public int step() {
        return (int) Math.round(timeline.getValue());
    }

    /** The session trained (null when the settings are wrong; the status bar says why). */
    public TrainingSession session() {
        return session;
    }

    /** The logits a panel shows. */
    public double[] shownLogits(int panel) {
        return panels.get(panel).shownLogits();
    }

    public String caption(int panel) {
        return panels.get(panel).caption();
    }

    public Slider timeline() {
        return timeline;
    }

    public ComboBox<Object> sourceChoice() {
        return source;
    }

    public TextField lossField(int index) {
        return lossFields.get(index);
    }

    public boolean training() {
        return busy.get();
    }

    @Override
    public List<Action> actions() {
        return List.of(Action.menu("File", "Export run as animated GIF…",
                () -> FigureExport.exportAnimation(grid, timeline, "training run"))
                .withHelp("the masks of every loss, step by step as the timeline replays the run"));
    }

    @Override
    public String title() {
        return "Training";
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Node node() {
        return this;
    }

    /** Training has no edits of its own: undo is the segmentation scene's. */
    @Override
    public void undo() {
        doc.undo();
    }

    @Override
    public void redo() {
        doc.redo();
    }

    /**
     * The training set-up as the scene file keeps it ({@code losslab_app.training}): scene source, losses, model,
     * optimiser, learning rate, the pixel model's image and seed. The run itself is recomputed from them.
     */
    private ViewSettings settings() {
        if (settings == null) {
            settings = new ViewSettings(KEY)
                    .text("source", source.valueProperty(), v -> v instanceof TrainingPreset p ? Lessons.dashed(p.name()) : "painted",
                            t -> "painted".equals(t) ? PAINTED : Lessons.trainingPreset(t, "losslab_app.training.source"))
                    .text("model", model.valueProperty(), m -> m, m -> model.getItems().contains(m) ? m : null)
                    .text("optimizer", optimizer.valueProperty(), m -> m, m -> optimizer.getItems().contains(m) ? m : null)
                    .text("learning_rate", rate.textProperty(), t -> t, t -> t);
            imageBar.register(settings);
            for (int l = 0; l < lossFields.size(); l++) {
                settings.text("loss_" + l, lossFields.get(l).textProperty(), t -> t, t -> t);
            }
        }
        return settings;
    }

    private ViewSettings settings;
    /** The key of this workspace's settings in a scene's app block. */
    public static final String KEY = "training";

    @Override
    public Scene writeTo(Scene scene) {
        return settings().writeTo(scene);
    }

    @Override
    public void restoreFrom(Scene scene) {
        settings().restoreFrom(scene);
        reset(); // the run from the restored set-up
    }

    @Override
    public void markSaved() {
        settings().markSaved();
    }

    @Override
    public void openedFrom(Scene opened) {
        settings().takeBaselineFrom(opened);
    }

    @Override
    public Object saveState() {
        return settings().toJson();
    }

    @Override
    public void restoreState(Object state) {
        var wanted = (ObjectNode) state;
        if (!wanted.equals(settings().toJson())) {
            settings().apply(wanted);
            reset();
        }
    }

    @Override
    public ObservableStringValue status() {
        return status.getReadOnlyProperty();
    }

    @Override
    public void shown() {
        if (PAINTED.equals(source.getValue()) && session != null && session.steps() == 0) {
            reset();
        }
    }

    @Override
    public void close() {
        player.stop();
        worker.shutdownNow();
    }
}
