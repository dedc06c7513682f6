package org.losslab.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.losslab.engine.EngineException;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.seg.SegmentationData;

/**
 * What {@code lessons --check} checks beyond reading a lesson ({@link Lessons#parse} already checked every
 * name): each step's state is built as the window would have it ({@link StepScene}), and on it every entry
 * the step sets or selects, its task's value, its captions' values and its claims are computed; a claim
 * that does not hold is an error. {@link #shape} is the rule every lesson keeps: at least
 * {@value #MIN_STEPS} steps (a question, something to do, the answer) and a claim on the answer step.
 * Errors are one line naming the lesson, the step (from 1) and the field.
 */
public final class LessonCheck {
    /** A question to answer before looking, something to do and watch, the answer with its evidence. */
    public static final int MIN_STEPS = 3;

    private LessonCheck() {
    }

    /** Both checks: the steps' states and claims, then the lesson's shape. */
    public static void check(Lesson lesson) {
        states(lesson);
        shape(lesson);
    }

    /** The lesson leads: enough steps, and its last (the answer) claims what it shows. */
    public static void shape(Lesson lesson) {
        int n = lesson.steps().size();
        if (n < MIN_STEPS) {
            throw new EngineException("lesson " + lesson.key() + ", steps: " + n + " step" + (n == 1 ? "" : "s")
                    + "; a lesson leads in at least " + MIN_STEPS + " (a question, something to do, the answer)");
        }
        if (lesson.steps().get(n - 1).claims().isEmpty()) {
            throw new EngineException("lesson " + lesson.key() + ", step " + n
                    + ", claims: the answer step claims nothing; give at least one claim its picture shows");
        }
    }

    /** Every step's state is built, and every value the step names is computed on it; every claim holds. */
    public static void states(Lesson lesson) {
        List<StepScene> scenes;
        try {
            scenes = StepScene.of(lesson);
        } catch (EngineException e) {
            throw new EngineException("lesson " + lesson.key() + ": " + e.getMessage());
        }
        for (StepScene scene : scenes) {
            Lesson.Step step = lesson.steps().get(scene.index());
            String where = "lesson " + lesson.key() + ", step " + (scene.index() + 1);
            for (String entry : step.params().keySet()) {
                entry(entry, scene, where + ", params." + entry);
            }
            if (step.select() != null) {
                entry(step.select(), scene, where + ", select");
            }
            // a parameter a task sets may start off (null, no number): only an entry's value must exist on the scene
            if (step.until() != null && !step.until().isParameter()) {
                value(step.until().what(), scene, where + ", until");
            }
            caption(step.text(), scene, where + ", text");
            caption(step.look(), scene, where + ", look");
            for (int k = 0; k < step.claims().size(); k++) {
                Lesson.Condition claim = step.claims().get(k);
                double actual = value(claim.what(), scene, where + ", claims[" + k + "]");
                if (!claim.holds(actual)) {
                    throw new EngineException(where + ", claims[" + k + "]: " + claim + " is false on the step's scene: "
                            + claim.what() + " = " + String.format(Locale.ROOT, "%.6g", actual));
                }
            }
        }
    }

    /**
     * The lesson with every caption's {@code {value:...}} written out, each computed on its own step's state:
     * what a window or a slide shows (the numbers of the picture the step sets up, not of later edits).
     */
    public static Lesson withValues(Lesson lesson) {
        List<StepScene> scenes = StepScene.of(lesson);
        List<Lesson.Step> steps = new ArrayList<>();
        for (StepScene scene : scenes) {
            Lesson.Step s = lesson.steps().get(scene.index());
            String where = "lesson " + lesson.key() + ", step " + (scene.index() + 1);
            steps.add(s.withCaptions(caption(s.text(), scene, where + ", text"), caption(s.look(), scene, where + ", look")));
        }
        return new Lesson(lesson.key(), lesson.title(), lesson.question(), List.copyOf(steps), lesson.answer());
    }

    /** The step's captions, filled with its values. */
    public static String caption(String caption, StepScene scene, String where) {
        if (caption == null) {
            return null;
        }
        try {
            for (Claims.Placeholder p : Claims.placeholders(caption)) {
                value(p.what(), scene, where);
            }
            return Claims.fill(caption, scene);
        } catch (EngineException e) {
            throw new EngineException(e.getMessage().startsWith(where) ? e.getMessage() : where + ": " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static void entry(String name, StepScene scene, String where) {
        try {
            SegmentationValues.evaluate((LossSpec<SegmentationData>) LossRegistry.get(name), scene);
        } catch (EngineException | IllegalArgumentException e) {
            throw new EngineException(where + ": " + e.getMessage());
        }
    }

    private static double value(String what, StepScene scene, String where) {
        double v;
        try {
            v = Claims.value(what, scene);
        } catch (EngineException | IllegalArgumentException e) {
            throw new EngineException(where + ": " + what + ": " + e.getMessage());
        }
        if (!Double.isFinite(v)) {
            throw new EngineException(where + ": " + what + " is " + v + " on the step's scene, not a number to show or compare");
        }
        return v;
    }
}
