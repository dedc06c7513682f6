package org.losslab.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.losslab.engine.EngineException;
import org.losslab.engine.LossSpec;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.engine.train.LogitsModel;
import org.losslab.engine.train.Model;
import org.losslab.engine.train.Optimizer;
import org.losslab.engine.train.TrainingPreset;
import org.losslab.engine.train.TrainingSession;

/**
 * Lesson values of the training workspace, namespace {@code train}: {@code train:LOSS.solved} is the first step
 * at which the thresholded prediction of the run under LOSS (a loss of the step's training preset as the preset
 * lists it: "dice", "focal:gamma=2") equals the target at every pixel, trained as the workspace trains the
 * preset (its model, optimizer and rate); {@value #HORIZON} + 1 when it does not within {@value #HORIZON} steps.
 * {@code train:LOSS.positives@N} is the number of pixels the run predicts as foreground after N steps.
 */
public final class TrainValues implements ClaimValues {
    /** The longest run a value reads. */
    public static final int HORIZON = 500;

    /** One run per preset, trained once to the horizon (cheap: the presets are 64 x 48). */
    private static final Map<TrainingPreset, TrainingSession> RUNS = new ConcurrentHashMap<>();

    @Override
    public String prefix() {
        return "train";
    }

    @Override
    public void check(String name, boolean forTask) {
        int dot = name.lastIndexOf('.');
        String stat = dot < 0 ? "" : name.substring(dot + 1);
        if (dot <= 0 || !stat.equals("solved") && !stat.matches("positives@\\d{1,4}")) {
            throw new EngineException("train:" + name + ": write train:LOSS.solved or train:LOSS.positives@N");
        }
    }

    @Override
    public double value(StepScene scene, String name) {
        if (scene.training() == null) {
            throw new EngineException("train:" + name + ": no step up to this one sets a training preset");
        }
        TrainingPreset preset = Lessons.trainingPreset(scene.training(), "train:" + name);
        int dot = name.lastIndexOf('.');
        String loss = name.substring(0, dot);
        int l = preset.losses().indexOf(loss);
        if (l < 0) {
            throw new EngineException("train:" + name + ": the preset " + scene.training() + " trains "
                    + String.join(", ", preset.losses()) + ", not " + loss);
        }
        TrainingSession run = RUNS.computeIfAbsent(preset, TrainValues::train);
        SegmentationData target = run.scene();
        String stat = name.substring(dot + 1);
        if (stat.startsWith("positives@")) {
            int step = Integer.parseInt(stat.substring("positives@".length()));
            if (step > HORIZON) {
                throw new EngineException("train:" + name + ": at most step " + HORIZON);
            }
            return positives(run.logitsAt(l, step), null);
        }
        for (int step = 0; step <= HORIZON; step++) {
            if (positives(run.logitsAt(l, step), target.target()) == 0) {
                return step;
            }
        }
        return HORIZON + 1;
    }

    /** Foreground pixels of the logits, or (with a target) pixels whose thresholded prediction is wrong. */
    private static int positives(double[] logits, int[] target) {
        int count = 0;
        for (int i = 0; i < logits.length; i++) {
            boolean fg = logits[i] > 0;
            count += target == null ? (fg ? 1 : 0) : (fg != (target[i] > 0) ? 1 : 0);
        }
        return count;
    }

    @SuppressWarnings("unchecked")
    private static TrainingSession train(TrainingPreset preset) {
        TrainingPreset.Example example = preset.example();
        SegmentationData scene = example.scene();
        Model model = "pixel".equals(preset.model()) ? example.image().model(scene.height(), scene.width())
                : new LogitsModel(scene.prediction());
        List<TrainingSession.Contestant> contestants = new ArrayList<>();
        for (String text : preset.losses()) {
            var term = Terms.parse(text);
            contestants.add(new TrainingSession.Contestant(text, (LossSpec<SegmentationData>) term.spec(), term.params()));
        }
        TrainingSession session = new TrainingSession(scene, model, Optimizer.of(preset.optimizer(), preset.rate()), contestants);
        session.advance(HORIZON);
        return session;
    }
}
