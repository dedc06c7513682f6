package org.losslab.engine.train;

import java.util.ArrayList;
import java.util.List;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.seg.SegmentationData;

/**
 * Several losses training their own copy of one model from the same start, in lock step, with the whole
 * run recorded: the curves of every step, and checkpoints every {@value #CHECKPOINT_EVERY} steps from
 * which any earlier state is replayed exactly (the runs are deterministic), so the timeline can go back.
 * Thread-safe: the window trains on a worker thread and reads from the JavaFX thread.
 */
public final class TrainingSession {
    static final int CHECKPOINT_EVERY = 10;

    /** One contestant: a label as the user wrote it, the registry entry and its parameters. */
    public record Contestant(String label, LossSpec<SegmentationData> spec, Params params) {
    }

    private final SegmentationData scene;
    private final Model model;
    private final Optimizer optimizer;
    private final List<Contestant> contestants;
    private final List<Trainer> trainers = new ArrayList<>();
    private final List<TrainingCurves> curves = new ArrayList<>();
    private final List<List<Trainer.Checkpoint>> checkpoints = new ArrayList<>();
    /** Every contestant's parameters after each step: the path drawn on a loss landscape. */
    private final List<List<double[]>> paths = new ArrayList<>();

    public TrainingSession(SegmentationData scene, Model model, Optimizer optimizer, List<Contestant> contestants) {
        this.scene = scene.copy();
        this.model = model;
        this.optimizer = optimizer;
        this.contestants = List.copyOf(contestants);
        for (Contestant c : contestants) {
            Trainer t = new Trainer(this.scene, model, optimizer, c.spec(), c.params());
            trainers.add(t);
            TrainingCurves k = new TrainingCurves();
            k.add(t.loss(), StepMetrics.of(t.current()));
            curves.add(k);
            List<Trainer.Checkpoint> list = new ArrayList<>();
            list.add(t.checkpoint());
            checkpoints.add(list);
            List<double[]> path = new ArrayList<>();
            path.add(t.parameters());
            paths.add(path);
        }
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
                curves.get(l).add(t.loss(), StepMetrics.of(t.current()));
                paths.get(l).add(t.parameters());
                if (t.steps() % CHECKPOINT_EVERY == 0) {
                    checkpoints.get(l).add(t.checkpoint());
                }
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
        if (step < 0 || step > steps()) {
            throw new IllegalArgumentException("step " + step + " of " + steps());
        }
        Trainer live = trainers.get(l);
        if (step == live.steps()) {
            return live.logits();
        }
        Trainer replay = new Trainer(scene, model, optimizer, contestants.get(l).spec(), contestants.get(l).params());
        replay.restore(checkpoints.get(l).get(step / CHECKPOINT_EVERY));
        while (replay.steps() < step) {
            replay.step();
        }
        return replay.logits();
    }

    /** Contestant {@code l}'s parameters after each of the first {@code steps} + 1 states. */
    public synchronized List<double[]> path(int l, int steps) {
        return List.copyOf(paths.get(l).subList(0, Math.min(steps + 1, paths.get(l).size())));
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
