package org.losslab.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/**
 * A long run keeps a bounded record: the landscape's path is thinned to a bounded number of states, and
 * the checkpoints the timeline replays from are thinned too, yet every state they hold is the exact state
 * of a straight run at that step (the expectation: one plain trainer stepped and recorded at every step).
 */
class TrainingSessionMemoryTest {
    private static final int STEPS = 6_000;

    @SuppressWarnings("unchecked")
    private static LossSpec<SegmentationData> spec(String name) {
        return (LossSpec<SegmentationData>) LossRegistry.get(name);
    }

    private static SegmentationData scene() {
        Random r = new Random(11);
        double[] z = new double[36];
        int[] t = new int[36];
        for (int i = 0; i < 36; i++) {
            z[i] = r.nextGaussian();
            t[i] = r.nextInt(3) == 0 ? 1 : 0;
        }
        return new SegmentationData(SegMode.BINARY, 1, 6, 6, z, t);
    }

    private static PixelModel pixelModel() {
        Random r = new Random(4);
        double[] image = new double[36];
        for (int i = 0; i < 36; i++) {
            image[i] = r.nextDouble();
        }
        return new PixelModel(1, 36, image);
    }

    @Test
    void theLandscapePathStaysBoundedAndHoldsExactStates() {
        SegmentationData scene = scene();
        PixelModel model = pixelModel();
        Optimizer adam = Optimizer.of("adam", 0.01);
        TrainingSession session = new TrainingSession(scene, model, adam,
                List.of(new TrainingSession.Contestant("bce", spec("bce"), spec("bce").defaults())));
        session.advance(STEPS);
        List<double[]> path = session.path(0, STEPS);
        assertTrue(path.size() <= TrainingSession.PATH_POINTS + 1, "kept " + path.size() + " states of " + (STEPS + 1));
        assertTrue(path.size() >= TrainingSession.PATH_POINTS / 2, "still a drawn path: " + path.size());

        Trainer straight = new Trainer(scene, model, adam, spec("bce"), spec("bce").defaults());
        List<double[]> every = new ArrayList<>();
        every.add(straight.parameters());
        for (int s = 0; s < STEPS; s++) {
            straight.step();
            every.add(straight.parameters());
        }
        assertArrayEquals(every.get(0), path.get(0), 0.0, "the path starts at the start");
        assertArrayEquals(every.get(STEPS), path.get(path.size() - 1), 0.0, "and ends at the step asked for");
        int earlier = 1_234;
        List<double[]> partial = session.path(0, earlier);
        assertArrayEquals(every.get(earlier), partial.get(partial.size() - 1), 0.0, "an earlier step's path ends there");
        for (double[] theta : path) {
            assertTrue(every.stream().anyMatch(e -> e[0] == theta[0] && e[1] == theta[1]), "each kept state is a real one");
        }
    }

    @Test
    void theLogitsModelKeepsNoPathAndBoundedCheckpointsYetReplaysEveryStep() {
        SegmentationData scene = scene();
        LogitsModel model = new LogitsModel(scene.prediction());
        Optimizer adam = Optimizer.of("adam", 0.02);
        TrainingSession session = new TrainingSession(scene, model, adam, List.of(
                new TrainingSession.Contestant("dice", spec("dice"), spec("dice").defaults()),
                new TrainingSession.Contestant("focal", spec("focal"), spec("focal").defaults())));
        session.advance(STEPS);
        for (int l = 0; l < 2; l++) {
            assertTrue(session.keptPathStates(l) <= 1, "no landscape is drawn for the logits model: " + session.keptPathStates(l));
            assertTrue(session.keptCheckpoints(l) <= TrainingSession.MAX_CHECKPOINTS,
                    "checkpoints kept: " + session.keptCheckpoints(l));
        }
        Trainer straight = new Trainer(scene, model, adam, spec("focal"), spec("focal").defaults());
        int[] probes = {0, 1, 9, 10, 777, 4_321, STEPS - 1, STEPS};
        int done = 0;
        for (int probe : probes) {
            while (straight.steps() < probe) {
                straight.step();
                done++;
            }
            assertArrayEquals(straight.logits(), session.logitsAt(1, probe), 0.0, "logits after " + probe + " steps");
        }
        assertEquals(STEPS, done);
    }
}
