package org.losslab.engine.train;

import java.util.ArrayList;
import java.util.List;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.seg.SegmentationData;

/**
 * Several losses training their own copy of one model from the same start, in lock step, with the whole
 * run recorded: the curves of every step, and checkpoints (every {@value #CHECKPOINT_EVERY} steps, spread
 * further apart as the run grows, within a fixed budget of memory) from which any earlier state is replayed
 * exactly (the runs are deterministic), so the timeline can go back however long it trained.
 * Thread-safe: the window trains on a worker thread and reads from the JavaFX thread.
 */
public final class TrainingSession {
    static final int CHECKPOINT_EVERY = 10;
    static final int MAX_CHECKPOINTS = 64;
    static final long CHECKPOINT_BYTES = 256L << 20;
    /** States of the landscape's path kept at most (a path of 2048 segments is smoother than the screen). */
    static final int PATH_POINTS = 2048;

    /** One contestant: a label as the user wrote it, the registry entry and its parameters. */
    public record Contestant(String label, LossSpec<SegmentationData> spec, Params params) {
    }

    private final SegmentationData scene;
    private final Model model;
    private final Optimizer optimizer;
    private final List<Contestant> contestants;
    private final List<Trainer> trainers = new ArrayList<>();
    private final List<TrainingCurves> curves = new ArrayList<>();
    /**
     * Checkpoints, thinned so that their bytes stay within {@value #CHECKPOINT_BYTES} for the session
     * (never more than {@value #MAX_CHECKPOINTS} per loss): a long run replays from further back, never runs
     * out of memory.
     */
    private final List<ThinnedRecord<Trainer.Checkpoint>> checkpoints = new ArrayList<>();
    /** Each contestant's parameters along the run, thinned: the path drawn on a loss landscape (kept only where one is drawn). */
    private final List<ThinnedRecord<double[]>> paths = new ArrayList<>();

    public TrainingSession(SegmentationData scene, Model model, Optimizer optimizer, List<Contestant> contestants) {
        this.scene = scene.copy();
        this.model = model;
        this.optimizer = optimizer;
        this.contestants = List.copyOf(contestants);
        for (Contestant c : contestants) {
            Trainer t = new Trainer(this.scene, model, optimizer, c.spec(), c.params());
            trainers.add(t);
            TrainingCurves k = new TrainingCurves();
            k.add(t.loss(), t.stepMetrics());
            curves.add(k);
            ThinnedRecord<Trainer.Checkpoint> kept = new ThinnedRecord<>(CHECKPOINT_EVERY, checkpointCapacity(model, contestants.size()));
            kept.offer(0, t::checkpoint);
            checkpoints.add(kept);
            ThinnedRecord<double[]> path = new ThinnedRecord<>(1, PATH_POINTS);
            path.offer(0, t::parameters);
            paths.add(path);
        }
    }

    /** Checkpoints per loss within the session's budget: a checkpoint holds the parameters and Adam's two moments. */
    private static int checkpointCapacity(Model model, int contestants) {
        long bytes = 3L * Double.BYTES * model.initial().length * Math.max(1, contestants);
        return (int) Math.max(2, Math.min(MAX_CHECKPOINTS, CHECKPOINT_BYTES / bytes));
    }

    public List<Contestant> contestants() {
        return contestants;
    }

    public SegmentationData scene() {
        return scene;
    }

    public String modelName() {
        return model.name();
    }

    /** Updates done so far (the same for every loss). */
    public synchronized int steps() {
        return trainers.isEmpty() ? 0 : trainers.get(0).steps();
    }

    /** Trains every loss {@code count} more steps. */
    public synchronized void advance(int count) {
        for (int s = 0; s < count; s++) {
            for (int l = 0; l < trainers.size(); l++) {
                Trainer t = trainers.get(l);
                t.step();
                curves.get(l).add(t.loss(), t.stepMetrics());
                if (LossLandscape.draws(model)) {
                    paths.get(l).offer(t.steps(), t::parameters);
                }
                checkpoints.get(l).offer(t.steps(), t::checkpoint);
            }
        }
    }

    /** The loss of contestant {@code l} after {@code step} updates. */
    public synchronized double loss(int l, int step) {
        return curves.get(l).loss(step);
    }

    public synchronized double metric(int l, String name, int step) {
        return curves.get(l).metric(name, step);
    }

    /** The logits of contestant {@code l} after {@code step} updates (replayed from the nearest checkpoint). */
    public synchronized double[] logitsAt(int l, int step) {
        return trainerAt(l, step).logits();
    }

    /** Contestant {@code l}'s trainer after {@code step} updates: the live one, or a replay from the nearest checkpoint. */
    private Trainer trainerAt(int l, int step) {
        if (step < 0 || step > steps()) {
            throw new IllegalArgumentException("step " + step + " of " + steps());
        }
        Trainer live = trainers.get(l);
        if (step == live.steps()) {
            return live;
        }
        Trainer replay = new Trainer(scene, model, optimizer, contestants.get(l).spec(), contestants.get(l).params());
        replay.restore(checkpoints.get(l).atOrBefore(step));
        while (replay.steps() < step) {
            replay.step();
        }
        return replay;
    }

    /**
     * Contestant {@code l}'s parameters from the start to the state after {@code steps} updates: the kept
     * (thinned) states, ending at that state exactly. Only where a landscape is drawn; elsewhere the start alone.
     */
    public synchronized List<double[]> path(int l, int steps) {
        ThinnedRecord<double[]> kept = paths.get(l);
        List<double[]> path = new ArrayList<>(kept.upTo(steps));
        if (LossLandscape.draws(model) && kept.stepAtOrBefore(steps) != steps) {
            path.add(trainerAt(l, steps).parameters());
        }
        return path;
    }

    synchronized int keptPathStates(int l) {
        return paths.get(l).size();
    }

    synchronized int keptCheckpoints(int l) {
        return checkpoints.get(l).size();
    }

    /** The model trained (its parameters are what the landscape ranges over). */
    public Model model() {
        return model;
    }

    /** Where contestant {@code l}'s gradient goes after {@code step} updates. */
    public synchronized GradientShare share(int l, int step) {
        SegmentationData at = scene.withPrediction(logitsAt(l, step));
        Contestant c = contestants.get(l);
        return GradientShare.of(at, c.spec().evaluate(at, c.params(), true).gradient().get("prediction"));
    }
}
